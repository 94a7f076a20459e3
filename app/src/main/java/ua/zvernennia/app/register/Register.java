package ua.zvernennia.app.register;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ua.zvernennia.core.appeal.Appeal;
import ua.zvernennia.core.appeal.AppealEvent;
import ua.zvernennia.core.appeal.AppealNumber;
import ua.zvernennia.core.appeal.NewAppeal;
import ua.zvernennia.core.category.Category;
import ua.zvernennia.core.chat.Channel;
import ua.zvernennia.core.desk.OperatorDesk;
import ua.zvernennia.core.desk.Refusal;
import ua.zvernennia.core.register.Classification;
import ua.zvernennia.core.register.Classifier;
import ua.zvernennia.core.register.IntakeChannel;
import ua.zvernennia.core.register.RegisterCounts;
import ua.zvernennia.core.register.RegisterFigures;
import ua.zvernennia.core.register.ReportPeriod;
import ua.zvernennia.storage.JdbiStores;
import ua.zvernennia.storage.RegisterRows;
import ua.zvernennia.storage.Storage;

/**
 * The council's register: channels as data, the classification of appeals and the questions they
 * raise, back-dated registration, the mapping of the bot's directions to topics, the narratives
 * and figures of reports. What the API and the console call; every change goes through the
 * storage's writer in one transaction. Thread-safe.
 */
public final class Register {
    private static final Logger log = LoggerFactory.getLogger(Register.class);

    /** The report's wording and the limit of back-dating. */
    public record Settings(String organisation, String receivedBy, String reportTitle, int receivedAtMaxDaysBack) {
        public Settings {
            Objects.requireNonNull(organisation, "organisation");
            Objects.requireNonNull(receivedBy, "receivedBy");
            Objects.requireNonNull(reportTitle, "reportTitle");
        }
    }

    /** What the register holds of an appeal besides what {@link Appeal} carries. */
    public record Entry(String channelCode, Instant registeredAt, Classification classification) {
    }

    /** The topic of a bot direction: a category ({@code issueTypeId} null) or one of its issue types. */
    public record Mapping(String categoryId, String issueTypeId, String topic) {
    }

    /** The narrative part of a report. */
    public record Narrative(String period, String body, Instant updatedAt, String updatedBy) {
    }

    /** The longest narrative of a report, characters. */
    public static final int MAX_NARRATIVE = 20_000;

    private final Storage storage;
    private final Clock clock;
    private final ZoneId zone;
    private final Classifier classifier;
    private final Map<String, String> defaultMapping;
    private final OperatorDesk desk;
    private final Settings settings;

    public Register(Storage storage, Clock clock, ZoneId zone, Classifier classifier, Map<String, String> defaultMapping,
                    OperatorDesk desk, Settings settings) {
        this.storage = storage;
        this.clock = clock;
        this.zone = zone;
        this.classifier = classifier;
        this.defaultMapping = Map.copyOf(defaultMapping);
        this.desk = desk;
        this.settings = settings;
    }

    public Classifier classifier() {
        return classifier;
    }

    public Settings settings() {
        return settings;
    }

    public ZoneId zone() {
        return zone;
    }

    /**
     * Writes the classifier file's default topic for every direction that has none yet: the first
     * start of a database, and directions added to the file later. Admins' own choices stay.
     */
    public int seedMapping() {
        int written = storage.write(s -> {
            var have = s.register().mapping().stream().map(m -> key(m.categoryId(), m.issueTypeId())).collect(Collectors.toSet());
            var known = new HashSet<String>();
            for (Category c : storage.categories().all()) {
                known.add(c.id());
                c.issueTypes().forEach(t -> known.add(c.id() + "." + t.id()));
            }
            int n = 0;
            for (var e : defaultMapping.entrySet()) {
                if (!have.contains(e.getKey()) && known.contains(e.getKey())) {
                    String[] parts = e.getKey().split("\\.", 2);
                    s.register().putMapping(parts[0], parts.length > 1 ? parts[1] : null, e.getValue(), clock.instant());
                    n++;
                }
            }
            return n;
        });
        if (written > 0) {
            log.info("mapped {} directions to the classifier's topics", written);
        }
        return written;
    }

    private static String key(String categoryId, String issueTypeId) {
        return issueTypeId == null ? categoryId : categoryId + "." + issueTypeId;
    }

    // ---- channels --------------------------------------------------------------------------------------

    public List<IntakeChannel> channels() {
        return storage.read(s -> s.register().channels());
    }

    /**
     * The active channel of {@code code} that operators register appeals from.
     *
     * @throws Refusal naming the known codes when there is none
     */
    public IntakeChannel operatorChannel(String code) {
        List<IntakeChannel> channels = channels();
        return operatorChannel(code, channels);
    }

    public static IntakeChannel operatorChannel(String code, List<IntakeChannel> channels) {
        List<String> known = channels.stream().filter(c -> c.active() && !c.messenger()).map(IntakeChannel::code).toList();
        if (code == null || code.isBlank()) {
            throw new Refusal(Refusal.Kind.BAD_INPUT, "channel: required; one of " + known);
        }
        String c = code.strip();
        Optional<IntakeChannel> found = channels.stream().filter(ch -> ch.code().equals(c)).findFirst();
        if (found.isPresent() && found.get().messenger()) {
            throw new Refusal(Refusal.Kind.BAD_INPUT, "channel: " + c + " is a messenger: its appeals come from the bot; one of " + known);
        }
        if (found.isEmpty() || !found.get().active()) {
            throw new Refusal(Refusal.Kind.BAD_INPUT, "channel: '" + c + "' is not a channel operators register appeals from; one of " + known);
        }
        return found.get();
    }

    /** The enum channel an appeal of this register channel is filed under. */
    public static Channel kind(IntakeChannel c) {
        try {
            Channel ch = Channel.valueOf(c.code());
            return ch.isMessenger() ? Channel.OTHER : ch;
        } catch (IllegalArgumentException e) {
            return Channel.OTHER;
        }
    }

    /** Adds a channel (admins). */
    public IntakeChannel addChannel(String code, String nameUk, String reportGroup, Integer position) {
        List<IntakeChannel> channels = channels();
        if (code != null && channels.stream().anyMatch(c -> c.code().equals(code.strip()))) {
            throw new Refusal(Refusal.Kind.CONFLICT, "code: there already is a channel " + code.strip());
        }
        int pos = position != null ? position : channels.stream().mapToInt(IntakeChannel::position).max().orElse(0) + 10;
        IntakeChannel c = new IntakeChannel(code == null ? null : code.strip(), nameUk, reportGroup, false, false, true, pos);
        storage.write(s -> {
            s.register().addChannel(c, clock.instant());
            return null;
        });
        return c;
    }

    /** Changes a channel's name, report group, position or (for one an admin added) whether it is active; messenger channels are fixed. */
    public IntakeChannel changeChannel(String code, String nameUk, String reportGroup, boolean clearGroup, Boolean active, Integer position) {
        IntakeChannel old = channels().stream().filter(c -> c.code().equals(code)).findFirst()
                .orElseThrow(() -> new Refusal(Refusal.Kind.NOT_FOUND, "no channel " + code));
        if (old.messenger()) {
            throw new Refusal(Refusal.Kind.CONFLICT, "channel " + code + " is a messenger's: it is fixed");
        }
        if (active != null && !active && old.builtIn()) {
            throw new Refusal(Refusal.Kind.CONFLICT, "channel " + code + " is built in: it stays active");
        }
        IntakeChannel c = new IntakeChannel(code, nameUk == null ? old.nameUk() : nameUk,
                clearGroup ? null : reportGroup == null ? old.reportGroup() : reportGroup, false, old.builtIn(),
                active == null ? old.active() : active, position == null ? old.position() : position);
        storage.write(s -> {
            s.register().updateChannel(c, clock.instant());
            return null;
        });
        return c;
    }

    // ---- registration ------------------------------------------------------------------------------------

    /**
     * An appeal an operator registers, with the register's fields.
     *
     * @param receivedAt when it was received; null: now
     */
    public record Intake(NewAppeal appeal, IntakeChannel channel, Instant receivedAt, Classification classification, String comment) {
    }

    /**
     * What is wrong with the register's fields of an appeal to register (receivedAt and the
     * classification), each naming its field; empty when they fit.
     */
    public List<String> problems(Instant receivedAt, Classification c) {
        var out = new ArrayList<String>();
        Instant now = clock.instant();
        if (receivedAt != null) {
            if (receivedAt.isAfter(now)) {
                out.add("receivedAt: " + receivedAt + " is in the future");
            } else if (receivedAt.isBefore(earliestReceivedAt(now))) {
                out.add("receivedAt: " + receivedAt + " is more than " + settings.receivedAtMaxDaysBack()
                        + " days ago (RECEIVED_AT_MAX_DAYS_BACK)");
            }
        }
        out.addAll(classifier.problems(c));
        if (c.outcome() != null) {
            out.add("outcome: set when the appeal is closed");
        }
        return out;
    }

    /** The earliest receipt an operator may give. */
    public Instant earliestReceivedAt(Instant now) {
        return now.minus(Duration.ofDays(settings.receivedAtMaxDaysBack()));
    }

    /**
     * Registers the appeal with its deadlines counted from its receipt and its register fields, in
     * one transaction.
     *
     * @throws Refusal when a field does not fit (nothing is written)
     */
    public Appeal register(Intake in, String actor) {
        List<String> problems = problems(in.receivedAt(), in.classification());
        if (!problems.isEmpty()) {
            throw new Refusal(Refusal.Kind.BAD_INPUT, problems.get(0));
        }
        return storage.write(s -> registerIn(s, in, actor, clock.instant()));
    }

    private Appeal registerIn(JdbiStores s, Intake in, String actor, Instant now) {
        Classification c = in.classification();
        if (c.earlier() != null && !s.register().exists(c.earlier())) {
            throw new Refusal(Refusal.Kind.BAD_INPUT, "earlierNumber: there is no appeal " + c.earlier());
        }
        Appeal saved = desk.register(s, in.appeal(), actor, in.comment(), in.receivedAt());
        s.register().registered(saved.number(), in.channel().code(), now);
        Classification withQuestions = c.questions().isEmpty()
                ? withQuestions(c, s.register().find(saved.number()).map(e -> e.classification().questions()).orElse(List.of()))
                : c;
        s.register().save(saved.number(), withQuestions);
        return saved;
    }

    public static Classification withQuestions(Classification c, List<String> questions) {
        return new Classification(c.type(), c.form(), c.signatories(), c.sign(), c.earlier(), c.citizenCategories(), questions, c.outcome());
    }

    static Classification withOutcome(Classification c, String outcome) {
        return new Classification(c.type(), c.form(), c.signatories(), c.sign(), c.earlier(), c.citizenCategories(), c.questions(), outcome);
    }

    public Optional<Entry> entry(AppealNumber number) {
        return storage.read(s -> s.register().find(number)).map(Register::entry);
    }

    private static Entry entry(RegisterRows.Entry e) {
        return new Entry(e.channelCode(), e.registeredAt(), e.classification());
    }

    /**
     * Replaces the appeal's classification with {@code next} (the caller merged the change into the
     * current one) and writes what changed to its history.
     *
     * @throws Refusal when there is no such appeal, a field does not fit, or an outcome is given
     *                 for an appeal that is not closed
     */
    public Entry change(AppealNumber number, Classification next, String actor) {
        List<String> problems = classifier.problems(next);
        if (next.questions().isEmpty()) {
            problems = new ArrayList<>(problems);
            problems.add(0, "questions: an appeal raises one question at least");
        }
        if (!problems.isEmpty()) {
            throw new Refusal(Refusal.Kind.BAD_INPUT, problems.get(0));
        }
        return storage.write(s -> {
            Appeal appeal = s.appeals().find(number).orElseThrow(() -> new Refusal(Refusal.Kind.NOT_FOUND, "no appeal " + number));
            Classification before = s.register().find(number).orElseThrow().classification();
            if (next.outcome() != null && !Objects.equals(next.outcome(), before.outcome()) && !appeal.status().isClosed()) {
                throw new Refusal(Refusal.Kind.CONFLICT, "outcome: the appeal is " + appeal.status() + "; an outcome is recorded once it is closed");
            }
            if (next.earlier() != null && (next.earlier().equals(number) || !s.register().exists(next.earlier()))) {
                throw new Refusal(Refusal.Kind.BAD_INPUT, "earlierNumber: there is no earlier appeal " + next.earlier());
            }
            String note = differences(before, next);
            if (note.isEmpty()) {
                return entry(s.register().find(number).orElseThrow());
            }
            s.register().save(number, next);
            s.appeals().addEvent(number, AppealEvent.Kind.CLASSIFICATION, actor, note, clock.instant());
            return entry(s.register().find(number).orElseThrow());
        });
    }

    /** Sets the outcome of an appeal just closed, inside the caller's transaction. */
    public void recordOutcome(JdbiStores s, AppealNumber number, String outcome, String actor) {
        if (outcome == null) {
            return;
        }
        if (classifier.outcome(outcome).isEmpty()) {
            throw new Refusal(Refusal.Kind.BAD_INPUT, "outcome: '" + outcome + "' is not one of " + Classifier.codes(classifier.outcomes()));
        }
        Classification before = s.register().find(number).orElseThrow().classification();
        Classification next = withOutcome(before, outcome.strip());
        s.register().save(number, next);
        s.appeals().addEvent(number, AppealEvent.Kind.CLASSIFICATION, actor, differences(before, next), clock.instant());
    }

    /** What changed, in words for the history: {@code type: 3.2 → 3.3; questions: 009 → 009, 010}. */
    static String differences(Classification a, Classification b) {
        var parts = new ArrayList<String>();
        diff(parts, "type", a.type(), b.type());
        diff(parts, "form", a.form(), b.form());
        diff(parts, "signatories", a.signatories(), b.signatories());
        diff(parts, "sign", a.sign(), b.sign());
        diff(parts, "earlierNumber", a.earlier(), b.earlier());
        diff(parts, "citizenCategories", String.join(", ", a.citizenCategories()), String.join(", ", b.citizenCategories()));
        diff(parts, "questions", String.join(", ", a.questions()), String.join(", ", b.questions()));
        diff(parts, "outcome", a.outcome(), b.outcome());
        return String.join("; ", parts);
    }

    private static void diff(List<String> parts, String name, Object a, Object b) {
        String x = a == null || a.toString().isEmpty() ? "—" : a.toString();
        String y = b == null || b.toString().isEmpty() ? "—" : b.toString();
        if (!x.equals(y)) {
            parts.add(name + ": " + x + " → " + y);
        }
    }

    // ---- back-log import -------------------------------------------------------------------------------

    /** Runs prepared rows of an import in one transaction: all are registered, or none. */
    public List<AppealNumber> registerAll(List<ImportRow> rows, String actor) {
        return storage.write(s -> {
            Instant now = clock.instant();
            var numbers = new ArrayList<AppealNumber>();
            for (ImportRow r : rows) {
                Appeal saved = registerIn(s, r.intake(), actor, now);
                if (r.closeAs() != null) {
                    s.appeals().changeStatus(saved.number(), saved.status(), r.closeAs(), actor, r.closeNote(), null, r.closedAt());
                    if (r.intake().classification().outcome() != null) {
                        Classification c = s.register().find(saved.number()).orElseThrow().classification();
                        s.register().save(saved.number(), withOutcome(c, r.intake().classification().outcome()));
                    }
                }
                numbers.add(saved.number());
            }
            return numbers;
        });
    }

    /** The appeals among {@code numbers} that exist. */
    public java.util.Set<String> existing(List<String> numbers) {
        return new HashSet<>(storage.read(s -> s.register().existing(numbers)));
    }

    List<Category> categories() {
        return storage.categories().all();
    }

    public ua.zvernennia.core.category.CategoryCatalog catalog() {
        return storage.categories();
    }

    public Clock clock() {
        return clock;
    }

    /** One prepared row of an import. */
    public record ImportRow(int line, Intake intake, ua.zvernennia.core.appeal.AppealStatus closeAs, Instant closedAt, String closeNote) {
    }

    // ---- mapping ---------------------------------------------------------------------------------------

    public List<Mapping> mapping() {
        return storage.read(s -> s.register().mapping()).stream().map(m -> new Mapping(m.categoryId(), m.issueTypeId(), m.topic())).toList();
    }

    /**
     * Maps a direction to a topic; for an issue type a null topic removes its own mapping (its
     * category's applies).
     */
    public Mapping putMapping(String categoryId, String issueTypeId, String topic) {
        Category category = storage.categories().find(categoryId == null ? "" : categoryId.strip())
                .orElseThrow(() -> new Refusal(Refusal.Kind.BAD_INPUT, "category: no category '" + categoryId + "'"));
        String type = issueTypeId == null || issueTypeId.isBlank() ? null : issueTypeId.strip();
        if (type != null && category.issueType(type).isEmpty()) {
            throw new Refusal(Refusal.Kind.BAD_INPUT, "issueType: no issue type '" + type + "' in " + category.id());
        }
        if (topic == null && type == null) {
            throw new Refusal(Refusal.Kind.BAD_INPUT, "topic: a category needs a topic; known: " + Classifier.codes(classifier.topics()));
        }
        if (topic != null && classifier.topic(topic).isEmpty()) {
            throw new Refusal(Refusal.Kind.BAD_INPUT, "topic: '" + topic + "' is not a topic of the classifier; known: "
                    + Classifier.codes(classifier.topics()));
        }
        storage.write(s -> {
            s.register().putMapping(category.id(), type, topic == null ? null : topic.strip(), clock.instant());
            return null;
        });
        return new Mapping(category.id(), type, topic);
    }

    /** The topic of every direction: its own mapping, its category's, or the fallback. */
    public Map<String, String> effectiveMapping() {
        var own = new LinkedHashMap<String, String>();
        mapping().forEach(m -> own.put(key(m.categoryId(), m.issueTypeId()), m.topic()));
        var out = new LinkedHashMap<String, String>();
        for (Category c : storage.categories().all()) {
            String topic = own.getOrDefault(c.id(), classifier.fallbackTopic());
            out.put(c.id(), topic);
            c.issueTypes().forEach(t -> out.put(key(c.id(), t.id()), own.getOrDefault(key(c.id(), t.id()), topic)));
        }
        return out;
    }

    // ---- reports --------------------------------------------------------------------------------------

    public Optional<Narrative> narrative(ReportPeriod period) {
        return storage.read(s -> s.register().narrative(period.key()))
                .map(n -> new Narrative(n.period(), n.body(), n.updatedAt(), n.updatedBy()));
    }

    public void putNarrative(ReportPeriod period, String body, String actor) {
        if (body != null && body.length() > MAX_NARRATIVE) {
            throw new Refusal(Refusal.Kind.BAD_INPUT, "text: " + body.length() + " characters; at most " + MAX_NARRATIVE);
        }
        storage.write(s -> {
            s.register().putNarrative(period.key(), body == null ? null : body.strip(), actor, clock.instant());
            return null;
        });
    }

    /** The figures of a period as of now. */
    public RegisterFigures figures(ReportPeriod period, String unknownName, Map<String, String> termNames) {
        Instant asOf = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        var range = period.range(zone);
        RegisterCounts counts = storage.read(s -> s.register().counts(range.start(), range.end(), asOf, classifier.fallbackTopic()));
        return RegisterFigures.of(period, asOf, counts, classifier, channels(), unknownName, termNames);
    }

    /** The figures of a range of local dates, for the statistics. */
    public RegisterFigures figures(ua.zvernennia.core.stats.DateRange range, String unknownName, Map<String, String> termNames) {
        Instant asOf = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        RegisterCounts counts = storage.read(s -> s.register().counts(range.start(), range.end(), asOf, classifier.fallbackTopic()));
        return RegisterFigures.of(null, asOf, counts, classifier, channels(), unknownName, termNames);
    }
}
