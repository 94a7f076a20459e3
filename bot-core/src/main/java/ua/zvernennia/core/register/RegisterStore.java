package ua.zvernennia.core.register;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import ua.zvernennia.core.appeal.AppealNumber;

/**
 * Port: the register read beside the writer, from committed data; changes go through a unit of
 * work and {@link RegisterRecords}. Thread-safe.
 */
public interface RegisterStore {
    /** The channels in order; {@link IntakeChannel#DEFAULTS} until one was added or changed. */
    List<IntakeChannel> channels();

    Optional<RegisterEntry> find(AppealNumber number);

    /** The directions mapped to topics in the database. */
    List<TopicMapping> mapping();

    Optional<Narrative> narrative(String period);

    /** Those of {@code numbers} that are appeals. */
    Set<AppealNumber> existing(Collection<AppealNumber> numbers);

    /**
     * What the register counts over the appeals received in {@code [from, until)}, as of
     * {@code asOf}. An appeal without questions counts one question of its direction's topic:
     * {@code topics} by direction ({@link TopicMapping#direction()}), an issue type without one
     * taking its category's, and {@code fallbackTopic} for a direction in neither.
     */
    RegisterCounts counts(Instant from, Instant until, Instant asOf, Map<String, String> topics, String fallbackTopic);
}
