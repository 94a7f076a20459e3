package ua.zvernennia.core.register;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
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
import ua.zvernennia.core.desk.OperatorDesk;
import ua.zvernennia.core.engine.Stores;
import ua.zvernennia.core.engine.UnitOfWork;
import ua.zvernennia.core.refusal.Refusal;

/**
 * The council's register: the classification of appeals and the questions they raise and
 * back-dated registration, with the channels as data ({@link IntakeChannels}), the mapping of the
 * bot's directions to topics ({@link TopicMap}) and the reports ({@link RegisterReports}). What the API and the console call; every change is one unit of work,
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
    public record Settings(
            Classifier classifier, Map<String, String> defaultMapping, ZoneId zone, int receivedAtMaxDaysBack) {
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
    public record Intake(
            NewAppeal appeal,
            IntakeChannel channel,
            Instant receivedAt,
            Classification classification,
            String comment) {
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
    public record ImportRow(int line, Intake intake, AppealStatus closeAs, Instant closedAt, String closeNote) {}

    private final UnitOfWork work;
    private final RegisterStore store;
    private final OperatorDesk desk;
    private final Clock clock;
    private final Settings settings;
    private final IntakeChannels channels;
    private final TopicMap topics;
    private final RegisterReports reports;

    /**
     * @param work  the unit of work changes run in
     * @param store the register read beside the writer
     * @param menu  the whole menu, inactive entries included (directions for the mapping)
     */
    public Register(
            UnitOfWork work,
            RegisterStore store,
            OperatorDesk desk,
            Supplier<List<Category>> menu,
            Clock clock,
            Settings settings) {
        this.work = work;
        this.store = store;
        this.desk = desk;
        this.clock = clock;
        this.settings = settings;
        this.channels = new IntakeChannels(work, store, clock);
        this.topics = new TopicMap(work, store, menu, clock, settings.classifier(), settings.defaultMapping());
        this.reports =
                new RegisterReports(work, store, clock, settings.zone(), settings.classifier(), topics, channels);
    }

    /** The channels appeals arrive through. */
    public IntakeChannels channels() {
        return channels;
    }

    /** The mapping of the bot's directions to the classifier's topics. */
    public TopicMap topics() {
        return topics;
    }

    /** The council's reports: figures and narratives. */
    public RegisterReports reports() {
        return reports;
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
                    s.appeals()
                            .changeStatus(
                                    saved.number(),
                                    saved.status(),
                                    r.closeAs(),
                                    actor,
                                    r.closeNote(),
                                    null,
                                    r.closedAt());
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
            throw Refusal.unavailable(
                    "the import did not commit within " + IMPORT_WAIT.toMinutes()
                            + " minutes and may still be written: "
                            + "look for its appeals before sending the file again",
                    Duration.ofMinutes(1));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Refusal.unavailable(
                    "interrupted while the import was being written: look for its appeals before sending it again",
                    Duration.ofMinutes(1));
        }
    }

    private Appeal registerIn(Stores s, Intake in, String actor, Instant now) {
        Classification c = in.classification();
        if (c.earlier() != null && !s.register().exists(c.earlier())) {
            throw Refusal.invalid("earlierNumber", "earlierNumber: there is no appeal " + c.earlier());
        }
        // The history names the register's channel: the appeal's own says OTHER for a channel kept only as data.
        String comment = in.comment() == null || in.comment().isBlank()
                ? "registered from " + in.channel().code()
                : in.comment();
        Appeal saved = desk.register(s, in.appeal(), actor, comment, in.receivedAt());
        s.register().registered(saved.number(), in.channel().code(), now);
        Classification kept = c.questions().isEmpty()
                ? c.withQuestions(
                        List.of(topics.topicOf(s.register().mapping(), saved.categoryId(), saved.issueTypeId())))
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
            if (next.outcome() != null
                    && !Objects.equals(next.outcome(), before.outcome())
                    && !appeal.status().isClosed()) {
                throw Refusal.conflict(
                        "outcome: the appeal is " + appeal.status() + "; an outcome is recorded once it is closed");
            }
            if (next.earlier() != null
                    && (next.earlier().equals(number) || !s.register().exists(next.earlier()))) {
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
    public OperatorDesk.StatusChanged changeStatus(
            AppealNumber number, AppealStatus to, String comment, String outcome, String actor) {
        String code = outcome == null || outcome.isBlank() ? null : outcome.strip();
        if (code != null && to != AppealStatus.RESOLVED && to != AppealStatus.REJECTED) {
            throw Refusal.invalid("outcome", "outcome: only when the appeal is closed (RESOLVED or REJECTED)");
        }
        if (code != null && classifier().outcome(code).isEmpty()) {
            throw Refusal.invalid(
                    "outcome",
                    "outcome: '" + code + "' is not one of "
                            + Classifier.codes(classifier().outcomes()));
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
        diff(
                parts,
                "citizenCategories",
                String.join(", ", a.citizenCategories()),
                String.join(", ", b.citizenCategories()));
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
