package ua.zvernennia.storage;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import ua.zvernennia.core.appeal.AppealNumber;
import ua.zvernennia.core.desk.AppealSearch;

/** {@link AppealSearch} over the database: each look-up reads beside the writer. Thread-safe. */
final class JdbiAppealSearch implements AppealSearch {
    private final Storage storage;

    JdbiAppealSearch(Storage storage) {
        this.storage = storage;
    }

    @Override
    public Page find(Filter filter, Instant now) {
        return storage.read(s -> s.appealSearch().find(filter, now));
    }

    @Override
    public Optional<Found> find(AppealNumber number, Instant now) {
        return storage.read(s -> s.appealSearch().find(number, now));
    }

    @Override
    public List<HistoryEntry> history(AppealNumber number) {
        return storage.read(s -> s.appealSearch().history(number));
    }
}
