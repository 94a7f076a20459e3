package ua.zvernennia.storage;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import ua.zvernennia.core.appeal.AppealNumber;
import ua.zvernennia.core.register.IntakeChannel;
import ua.zvernennia.core.register.Narrative;
import ua.zvernennia.core.register.RegisterCounts;
import ua.zvernennia.core.register.RegisterEntry;
import ua.zvernennia.core.register.RegisterStore;
import ua.zvernennia.core.register.TopicMapping;

/** {@link RegisterStore} over the database ({@link RegisterRows}): each look-up reads beside the writer. Thread-safe. */
final class JdbiRegisterStore implements RegisterStore {
    private final Storage storage;

    JdbiRegisterStore(Storage storage) {
        this.storage = storage;
    }

    @Override
    public List<IntakeChannel> channels() {
        return storage.read(s -> s.register().channels());
    }

    @Override
    public Optional<RegisterEntry> find(AppealNumber number) {
        return storage.read(s -> s.register().find(number));
    }

    @Override
    public List<TopicMapping> mapping() {
        return storage.read(s -> s.register().mapping());
    }

    @Override
    public Optional<Narrative> narrative(String period) {
        return storage.read(s -> s.register().narrative(period));
    }

    @Override
    public Set<AppealNumber> existing(Collection<AppealNumber> numbers) {
        return numbers.isEmpty() ? Set.of() : storage.read(s -> s.register().existing(numbers));
    }

    @Override
    public RegisterCounts counts(
            Instant from, Instant until, Instant asOf, Map<String, String> topics, String fallbackTopic) {
        return storage.read(s -> s.register().counts(from, until, asOf, topics, fallbackTopic));
    }
}
