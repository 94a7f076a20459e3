package ua.zvernennia.core.register;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import ua.zvernennia.core.engine.UnitOfWork;
import ua.zvernennia.core.refusal.Refusal;
import ua.zvernennia.core.stats.DateRange;

/** The council's reports from the register: a period's figures and its narrative. Thread-safe. */
public final class RegisterReports {
    private final UnitOfWork work;
    private final RegisterStore store;
    private final Clock clock;
    private final ZoneId zone;
    private final Classifier classifier;
    private final TopicMap topics;
    private final IntakeChannels channels;

    RegisterReports(
            UnitOfWork work,
            RegisterStore store,
            Clock clock,
            ZoneId zone,
            Classifier classifier,
            TopicMap topics,
            IntakeChannels channels) {
        this.work = work;
        this.store = store;
        this.clock = clock;
        this.zone = zone;
        this.classifier = classifier;
        this.topics = topics;
        this.channels = channels;
    }

    public Optional<Narrative> narrative(ReportPeriod period) {
        return store.narrative(period.key());
    }

    /** Writes the narrative of a period (admins); an empty text removes it. */
    public void putNarrative(ReportPeriod period, String body, String actor) {
        if (body != null && body.length() > Narrative.MAX_BODY) {
            throw Refusal.invalid("text", "text: " + body.length() + " characters; at most " + Narrative.MAX_BODY);
        }
        work.run(s -> {
            s.register().putNarrative(period.key(), body == null ? null : body.strip(), actor, clock.instant());
            return null;
        });
    }

    /** The figures of a report's period as of now. */
    public RegisterFigures figures(ReportPeriod period, String unknownName, Map<String, String> termNames) {
        return figures(period, period.range(zone), unknownName, termNames);
    }

    /** The figures of a range of local dates, for the statistics. */
    public RegisterFigures figures(DateRange range, String unknownName, Map<String, String> termNames) {
        return figures(null, range, unknownName, termNames);
    }

    private RegisterFigures figures(
            ReportPeriod period, DateRange range, String unknownName, Map<String, String> termNames) {
        // The database keeps milliseconds.
        Instant asOf = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        RegisterCounts counts =
                store.counts(range.start(), range.end(), asOf, topics.byDirection(), classifier.fallbackTopic());
        return RegisterFigures.of(period, asOf, counts, classifier, channels.all(), unknownName, termNames);
    }
}
