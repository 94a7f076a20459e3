package ua.zvernennia.core.register;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ua.zvernennia.core.appeal.Appeal;
import ua.zvernennia.core.appeal.AppealEvent;
import ua.zvernennia.core.appeal.AppealNumber;
import ua.zvernennia.core.appeal.AppealStatus;
import ua.zvernennia.core.appeal.NewAppeal;
import ua.zvernennia.core.category.Category;
import ua.zvernennia.core.chat.Channel;
import ua.zvernennia.core.desk.OperatorDesk;
import ua.zvernennia.core.engine.Stores;
import ua.zvernennia.core.engine.UnitOfWork;
import ua.zvernennia.core.refusal.Refusal;
import ua.zvernennia.core.stats.DateRange;

/**
 * The council's register: channels as data, the classification of appeals and the questions they
 * raise, back-dated registration, the mapping of the bot's directions to topics, the narratives
 * and figures of reports. What the API and the console call; every change is one unit of work,
 * reads are beside the writer. Refuses with {@link Refusal}, naming the field. Thread-safe.
 */
public final class Register {
    /** How long an import may take to commit before its caller is told to look for its appeals. */
    public static final Duration IMPORT_WAIT = Duration.ofMinutes(2);
    private static final Pattern FIELD = Pattern.compile("^([A-Za-z][A-Za-z0-9]*)(?:\\[\\])?(?:\\.[A-Za-z]+)?: ");

    /**
     * What the register needs besides its ports.
     *
     * @param classifier            the classifier's lists
     * @param defaultMapping        the classifier file's topic by direction ({@code lifts} or
     *                              {@code lifts.stuck}): what a direction nobody mapped gets
     * @param receivedAtMaxDaysBack how far back an operator may date an appeal's receipt
     */
    public record Settings(Classifier classifier, Map<String, String> defaultMapping, ZoneId zone, int receivedAtMaxDaysBack) {
        public Settings {
            Objects.requireNonNull(classifier, "classifier");
            Objects.requireNonNull(zone, "zone");
            defaultMapping = Map.copyOf(defaultMapping);
            if (receivedAtMaxDaysBack < 0) {
                throw new IllegalArgumentException("receivedAtMaxDaysBack must be 0 or more");
            }
        }
    }

    /**
     * An appeal an operator registers, with the register's fields.
     *
     * @param receivedAt when it was received; null: now
     */
    public record Intake(NewAppeal appeal, IntakeChannel channel, Instant receivedAt, Classification classification, String comment) {
        public Intake {
            Objects.requireNonNull(appeal, "appeal");
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(classification, "classification");
        }
    }

    /**
     * One checked row of a back-log import: the appeal, and how it was closed when it already was.
     *
     * @param closeAs RESOLVED or REJECTED, or null for an appeal still open
     */
    public record ImportRow(int line, Intake intake, AppealStatus closeAs, Instant closedAt, String closeNote) {
    }

    private final UnitOfWork work;
    private final RegisterStore store;
    private final OperatorDesk desk;
    private final Supplier<List<Category>> menu;
    private final Clock clock;
    private final Settings settings;

    /**
     * @param work  the unit of work changes run in
     * @param store the register read beside the writer
     * @param menu  the whole menu, inactive entries included (directions for the mapping)
     */
    public Register(UnitOfWork work, RegisterStore store, OperatorDesk desk, Supplier<List<Category>> menu, Clock clock, Settings settings) {
        this.work = work;
        this.store = store;
        this.desk = desk;
        this.menu = menu;
        this.clock = clock;
        this.settings = settings;
    }

    public Classifier classifier() {
        return settings.classifier();
    }

    public ZoneId zone() {
        return settings.zone();
    }

    public Clock clock() {
        return clock;
    }

    /**
     * Writes the classifier file's topic for every direction of the menu that has none in the
     * database yet, so that the bot's appeals get their first question when filed; admins' own
     * choices stay. Until it has run, the file's topics apply anyway (see {@link #topics()}), so a
     * database that cannot be written to (a full disk) loses nothing but that it is recorded.
     *
     * @return how many directions were written
     */
    public int seedMapping() {
        Set<String> known = new java.util.HashSet<>();
        for (Category c : menu.get()) {
            known.add(c.id());
            c.issueTypes().forEach(t -> known.add(TopicMapping.direction(c.id(), t.id())));
        }
        if (known.stream().noneMatch(settings.defaultMapping()::containsKey)) {
            return 0;
        }
        var have = store.mapping().stream().map(TopicMapping::direction).collect(java.util.stream.Collectors.toSet());
        if (settings.defaultMapping().keySet().stream().filter(known::contains).allMatch(have::contains)) {
            return 0;
        }
        return work.run(s -> {
            var written = s.register().mapping().stream().map(TopicMapping::direction).collect(java.util.stream.Collectors.toSet());
            int n = 0;
            for (var e : settings.defaultMapping().entrySet()) {
                if (!written.contains(e.getKey()) && known.contains(e.getKey())) {
                    String[] parts = e.getKey().split("\\.", 2);
                    s.register().putMapping(parts[0], parts.length > 1 ? parts[1] : null, e.getValue(), clock.instant());
                    n++;
                }
            }
            return n;
        });
    }

    // ---- channels --------------------------------------------------------------------------------------

    public List<IntakeChannel> channels() {
        return store.channels();
    }

    /**
     * The active channel of {@code code} that operators register appeals from.
     *
     * @throws Refusal naming the known codes when there is none
     */
    public IntakeChannel operatorChannel(String code) {
        return operatorChannel(code, channels());
    }

    /** {@link #operatorChannel(String)} among {@code channels}. */
    public static IntakeChannel operatorChannel(String code, List<IntakeChannel> channels) {
        List<String> known = operatorChannels(channels).stream().map(IntakeChannel::code).toList();
        if (code == null || code.isBlank()) {
            throw Refusal.invalid("channel", "channel: required; one of " + known);
        }
        String c = code.strip();
        Optional<IntakeChannel> found = channels.stream().filter(ch -> ch.code().equals(c)).findFirst();
        if (found.isPresent() && found.get().messenger()) {
            throw Refusal.invalid("channel", "channel: " + c + " is a messenger: its appeals come from the bot; one of " + known);
        }
        if (found.isEmpty() || !found.get().active()) {
            throw Refusal.invalid("channel", "channel: '" + c + "' is not a channel operators register appeals from; one of " + known);
        }
        return found.get();
    }

    /** The active channels that are not messengers: those operators register appeals from. */
    public static List<IntakeChannel> operatorChannels(List<IntakeChannel> channels) {
        return channels.stream().filter(c -> c.active() && !c.messenger()).toList();
    }

    /** The channel an appeal of this register channel is filed under: its own, or OTHER for a channel kept only as data. */
    public static Channel kind(IntakeChannel c) {
        for (Channel ch : Channel.values()) {
            if (ch.name().equals(c.code())) {
                return ch.isMessenger() ? Channel.OTHER : ch;
            }
        }
        return Channel.OTHER;
    }

    /** Adds a channel (admins); its position is after the last one's unless given. */
    public IntakeChannel addChannel(String code, String nameUk, String reportGroup, Integer position) {
        return work.run(s -> {
            List<IntakeChannel> channels = s.register().channels();
            String c = code == null ? null : code.strip();
            if (c != null && channels.stream().anyMatch(ch -> ch.code().equals(c))) {
                throw Refusal.conflict("code: there already is a channel " + c);
            }
            int pos = position != null ? position : channels.stream().mapToInt(IntakeChannel::position).max().orElse(0) + 10;
            IntakeChannel added = validated(() -> new IntakeChannel(c, nameUk, reportGroup, false, false, true, pos));
            s.register().addChannel(added, clock.instant());
            return added;
        });
    }

    /**
     * Changes a channel's name, report group, position or (for one an admin added) whether it is
     * active; null leaves a field as it is. Messenger channels are fixed; built-in ones stay active.
     *
     * @param clearGroup takes the channel out of its report group
     */
    public IntakeChannel changeChannel(String code, String nameUk, String reportGroup, boolean clearGroup, Boolean active,
                                       Integer position) {
        return work.run(s -> {
            IntakeChannel old = s.register().channels().stream().filter(c -> c.code().equals(code)).findFirst()
                    .orElseThrow(() -> Refusal.notFound("no channel " + code));
            if (old.messenger()) {
                throw Refusal.conflict("channel " + code + " is a messenger's: it is fixed");
            }
            if (active != null && !active && old.builtIn()) {
                throw Refusal.conflict("channel " + code + " is built in: it stays active");
            }
            IntakeChannel changed = validated(() -> new IntakeChannel(code, nameUk == null ? old.nameUk() : nameUk,
                    clearGroup ? null : reportGroup == null ? old.reportGroup() : reportGroup, false, old.builtIn(),
                    active == null ? old.active() : active, position == null ? old.position() : position));
            s.register().updateChannel(changed, clock.instant());
            return changed;
        });
    }

    // ---- registration ----------------------------------------------------------------------------------

    /**
     * Every problem of the register's fields of an appeal to register (its receipt and its
     * classification), each naming its field; empty when they fit.
     */
    public List<String> problems(Instant receivedAt, Classification c) {
        var out = new ArrayList<String>();
        Instant now = clock.instant();
        if (receivedAt != null) {
            if (receivedAt.isAfter(now)) {
                out.add("receivedAt: " + receivedAt + " is in the future");
            } else if (receivedAt.isBefore(earliestReceivedAt())) {
                out.add("receivedAt: " + receivedAt + " is more than " + settings.receivedAtMaxDaysBack()
                        + " days ago (RECEIVED_AT_MAX_DAYS_BACK)");
            }
        }
        out.addAll(classifier().problems(c));
        if (c.outcome() != null) {
            out.add("outcome: set when the appeal is closed");
        }
        return out;
    }

    /** The earliest receipt an operator may give now. */
    public Instant earliestReceivedAt() {
        return clock.instant().minus(Duration.ofDays(settings.receivedAtMaxDaysBack()));
    }

    /**
     * Registers the appeal with its deadlines counted from its receipt and its register fields, in
     * one unit of work.
     *
     * @throws Refusal when a field does not fit (nothing is written)
     */
    public Appeal register(Intake in, String actor) {
        List<String> problems = problems(in.receivedAt(), in.classification());
        if (!problems.isEmpty()) {
            throw invalid(problems.get(0));
        }
        return work.run(s -> registerIn(s, in, actor, clock.instant()));
    }

    /**
     * Registers checked rows of an import in one unit of work: all of them, or none. Waits for the
     * commit up to {@link #IMPORT_WAIT}, longer than an ordinary change may take: the answer must
     * say what happened to the whole file.
     *
     * @throws Refusal UNAVAILABLE when the commit did not come within the wait: the rows may still
     *                 be written, so the caller looks for them before sending the file again
     */
    public List<AppealNumber> registerAll(List<ImportRow> rows, String actor) {
        CompletableFuture<List<AppealNumber>> done = work.submit(s -> {
            Instant now = clock.instant();
            var numbers = new ArrayList<AppealNumber>();
            for (ImportRow r : rows) {
                Appeal saved = registerIn(s, r.intake(), actor, now);
                if (r.closeAs() != null) {
                    s.appeals().changeStatus(saved.number(), saved.status(), r.closeAs(), actor, r.closeNote(), null, r.closedAt());
                }
                numbers.add(saved.number());
            }
            return numbers;
        });
        try {
            return done.get(IMPORT_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // A unit of work not yet begun is dropped once its future is done; one under way may still commit.
            done.completeExceptionally(e);
            throw Refusal.unavailable("the import did not commit within " + IMPORT_WAIT.toMinutes() + " minutes and may still be written: "
                    + "look for its appeals before sending the file again", Duration.ofMinutes(1));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Refusal.unavailable("interrupted while the import was being written: look for its appeals before sending it again",
                    Duration.ofMinutes(1));
        }
    }

    private Appeal registerIn(Stores s, Intake in, String actor, Instant now) {
        Classification c = in.classification();
        if (c.earlier() != null && !s.register().exists(c.earlier())) {
            throw Refusal.invalid("earlierNumber", "earlierNumber: there is no appeal " + c.earlier());
        }
        // The history names the register's channel: the appeal's own says OTHER for a channel kept only as data.
        String comment = in.comment() == null || in.comment().isBlank() ? "registered from " + in.channel().code() : in.comment();
        Appeal saved = desk.register(s, in.appeal(), actor, comment, in.receivedAt());
        s.register().registered(saved.number(), in.channel().code(), now);
        Classification kept = c.questions().isEmpty()
                ? c.withQuestions(List.of(topicOf(s.register().mapping(), saved.categoryId(), saved.issueTypeId())))
                : c;
        s.register().save(saved.number(), kept);
        return saved;
    }

    public Optional<RegisterEntry> entry(AppealNumber number) {
        return store.find(number);
    }

    /** Those of {@code numbers} that are appeals. */
    public Set<AppealNumber> existing(Collection<AppealNumber> numbers) {
        return store.existing(numbers);
    }

    /**
     * Replaces the appeal's classification with {@code next} (the caller merged the change into the
     * current one) and writes what changed to its history.
     *
     * @throws Refusal when there is no such appeal, a field does not fit, or an outcome is given
     *                 for an appeal that is not closed
     */
    public RegisterEntry change(AppealNumber number, Classification next, String actor) {
        var problems = new ArrayList<String>();
        if (next.questions().isEmpty()) {
            problems.add("questions: an appeal raises one question at least");
        }
        problems.addAll(classifier().problems(next));
        if (!problems.isEmpty()) {
            throw invalid(problems.get(0));
        }
        return work.run(s -> {
            Appeal appeal = s.appeals().find(number).orElseThrow(() -> Refusal.notFound("no appeal " + number));
            Classification before = s.register().find(number).orElseThrow().classification();
            if (next.outcome() != null && !Objects.equals(next.outcome(), before.outcome()) && !appeal.status().isClosed()) {
                throw Refusal.conflict("outcome: the appeal is " + appeal.status() + "; an outcome is recorded once it is closed");
            }
            if (next.earlier() != null && (next.earlier().equals(number) || !s.register().exists(next.earlier()))) {
                throw Refusal.invalid("earlierNumber", "earlierNumber: there is no earlier appeal " + next.earlier());
            }
            String note = differences(before, next);
            if (!note.isEmpty()) {
                s.register().save(number, next);
                s.appeals().addEvent(number, AppealEvent.Kind.CLASSIFICATION, actor, note, clock.instant());
            }
            return s.register().find(number).orElseThrow();
        });
    }

    /**
     * Moves the appeal to {@code to} through the operators' desk and, when it is closed with an
     * outcome, records the outcome, in one unit of work.
     *
     * @param outcome an outcome code of the classifier, or null
     * @throws Refusal as {@link OperatorDesk#changeStatus} does, and when the outcome is unknown or
     *                 given for a status that does not close the appeal
     */
    public OperatorDesk.StatusChanged changeStatus(AppealNumber number, AppealStatus to, String comment, String outcome, String actor) {
        String code = outcome == null || outcome.isBlank() ? null : outcome.strip();
        if (code != null && to != AppealStatus.RESOLVED && to != AppealStatus.REJECTED) {
            throw Refusal.invalid("outcome", "outcome: only when the appeal is closed (RESOLVED or REJECTED)");
        }
        if (code != null && classifier().outcome(code).isEmpty()) {
            throw Refusal.invalid("outcome", "outcome: '" + code + "' is not one of " + Classifier.codes(classifier().outcomes()));
        }
        return work.run(s -> {
            OperatorDesk.StatusChanged changed = desk.changeStatus(s, number, to, comment, actor);
            if (code != null) {
                Classification before = s.register().find(number).orElseThrow().classification();
                Classification next = before.withOutcome(code);
                String note = differences(before, next);
                if (!note.isEmpty()) {
                    s.register().save(number, next);
                    s.appeals().addEvent(number, AppealEvent.Kind.CLASSIFICATION, actor, note, clock.instant());
                }
            }
            return changed;
        });
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

    // ---- the mapping of directions to topics ---------------------------------------------------------

    /** The directions mapped in the database. */
    public List<TopicMapping> mapping() {
        return store.mapping();
    }

    /**
     * Maps a direction to a topic; for an issue type a null topic removes its own mapping (the
     * file's topic for it, or else its category's, applies).
     */
    public TopicMapping putMapping(String categoryId, String issueTypeId, String topic) {
        String id = categoryId == null ? "" : categoryId.strip();
        Category category = menu.get().stream().filter(c -> c.id().equals(id)).findFirst()
                .orElseThrow(() -> Refusal.invalid("category", "category: no category '" + id + "'"));
        String type = issueTypeId == null || issueTypeId.isBlank() ? null : issueTypeId.strip();
        if (type != null && category.issueType(type).isEmpty()) {
            throw Refusal.invalid("issueType", "issueType: no issue type '" + type + "' in " + category.id());
        }
        String t = topic == null || topic.isBlank() ? null : topic.strip();
        if (t == null && type == null) {
            throw Refusal.invalid("topic", "topic: a category needs a topic; known: " + Classifier.codes(classifier().topics()));
        }
        if (t != null && classifier().topic(t).isEmpty()) {
            throw Refusal.invalid("topic", "topic: '" + t + "' is not a topic of the classifier; known: "
                    + Classifier.codes(classifier().topics()));
        }
        work.run(s -> {
            s.register().putMapping(category.id(), type, t, clock.instant());
            return null;
        });
        return new TopicMapping(category.id(), type, t == null ? topics().get(TopicMapping.direction(category.id(), type)) : t);
    }

    /**
     * The topic of every direction of the menu: its own mapping (in the database, or else in the
     * classifier file), for an issue type else its category's, else the fallback topic.
     */
    public Map<String, String> topics() {
        return topics(store.mapping());
    }

    private Map<String, String> topics(List<TopicMapping> rows) {
        var out = new LinkedHashMap<String, String>();
        for (Category c : menu.get()) {
            out.put(c.id(), topicOf(rows, c.id(), null));
            c.issueTypes().forEach(t -> out.put(TopicMapping.direction(c.id(), t.id()), topicOf(rows, c.id(), t.id())));
        }
        return out;
    }

    /** The topic of one direction, as {@link #topics()} has it. */
    private String topicOf(List<TopicMapping> rows, String categoryId, String issueTypeId) {
        Map<String, String> own = new HashMap<>();
        rows.forEach(m -> own.put(m.direction(), m.topic()));
        if (issueTypeId != null) {
            String direction = TopicMapping.direction(categoryId, issueTypeId);
            String topic = own.getOrDefault(direction, settings.defaultMapping().get(direction));
            if (topic != null) {
                return topic;
            }
        }
        return own.getOrDefault(categoryId, settings.defaultMapping().getOrDefault(categoryId, classifier().fallbackTopic()));
    }

    // ---- reports ----------------------------------------------------------------------------------------

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
        return figures(period, period.range(zone()), unknownName, termNames);
    }

    /** The figures of a range of local dates, for the statistics. */
    public RegisterFigures figures(DateRange range, String unknownName, Map<String, String> termNames) {
        return figures(null, range, unknownName, termNames);
    }

    private RegisterFigures figures(ReportPeriod period, DateRange range, String unknownName, Map<String, String> termNames) {
        // The database keeps milliseconds.
        Instant asOf = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        RegisterCounts counts = store.counts(range.start(), range.end(), asOf, topics(), classifier().fallbackTopic());
        return RegisterFigures.of(period, asOf, counts, classifier(), channels(), unknownName, termNames);
    }

    // ---- refusals ---------------------------------------------------------------------------------------

    /** A problem worded {@code field: why} refused naming its field. */
    public static Refusal invalid(String problem) {
        Matcher m = FIELD.matcher(problem);
        return m.find() ? Refusal.invalid(m.group(1), problem) : Refusal.invalid(problem);
    }

    /** A value built from a client's input, refused naming its field when it does not fit. */
    public static <T> T validated(Supplier<T> make) {
        try {
            return make.get();
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage() == null ? "a value does not fit" : e.getMessage());
        }
    }
}
