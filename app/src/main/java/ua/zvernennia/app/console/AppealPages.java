package ua.zvernennia.app.console;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import ua.zvernennia.app.api.AppealPhotos;
import ua.zvernennia.app.api.Role;
import ua.zvernennia.app.privacy.AccessLog;
import ua.zvernennia.app.web.RouteGroup;
import ua.zvernennia.core.appeal.Appeal;
import ua.zvernennia.core.appeal.AppealNumber;
import ua.zvernennia.core.appeal.AppealStatus;
import ua.zvernennia.core.category.Category;
import ua.zvernennia.core.category.CategoryCatalog;
import ua.zvernennia.core.category.MenuEditor;
import ua.zvernennia.core.chat.Channel;
import ua.zvernennia.core.desk.AppealIntake;
import ua.zvernennia.core.desk.AppealSearch;
import ua.zvernennia.core.desk.OperatorDesk;
import ua.zvernennia.core.engine.UnitOfWork;
import ua.zvernennia.core.executor.Executor;
import ua.zvernennia.core.executor.ExecutorDesk;
import ua.zvernennia.core.executor.ExecutorStore;
import ua.zvernennia.core.refusal.Refusal;
import ua.zvernennia.core.register.Classification;
import ua.zvernennia.core.register.Classifier;
import ua.zvernennia.core.register.IntakeChannel;
import ua.zvernennia.core.register.IntakeChannels;
import ua.zvernennia.core.register.Register;
import ua.zvernennia.core.register.RegisterEntry;
import ua.zvernennia.core.register.TopicMapping;

/**
 * The operators' pages: the appeals list, an appeal with its history, status form, its executor
 * (reassigned with a reason) and its classification in the council's register, and registering an
 * appeal that came by phone, post or any other channel of the register.
 */
public final class AppealPages implements RouteGroup {
    static final int PAGE_SIZE = 25;
    /** How soon to ask again for a photo still being downloaded. */
    private static final Duration PHOTO_RETRY = Duration.ofSeconds(5);

    private static final String BASE = ConsoleRoutes.BASE + "/appeals";

    /** The list page. */
    public record ListView(
            AppealFilter filter,
            List<AppealSearch.Found> items,
            long total,
            int page,
            int pages,
            List<Category> categories,
            List<String> executors) {
        public boolean has(AppealStatus s) {
            return filter.has(s);
        }
    }

    /**
     * An appeal's page.
     *
     * @param allowed  the statuses an operator may move it to now
     * @param outcome  the outcome chosen in the status form when it came back refused
     * @param register the appeal in the council's register, with its classification form
     * @param assign   its executor and the form to reassign it
     */
    public record AppealView(
            AppealSearch.Found found,
            List<AppealSearch.HistoryEntry> history,
            List<AppealStatus> allowed,
            String problem,
            AppealStatus chosen,
            String comment,
            String outcome,
            RegisterView register,
            AssignView assign) {
        public Appeal appeal() {
            return found.appeal();
        }

        public boolean pushes() {
            return appeal().chat() != null && appeal().channel().isMessenger();
        }
    }

    /**
     * The appeal's register entry and its classification form (as the entry has it, or as it was
     * sent back refused).
     *
     * @param channelName    the register's name of the channel it came by
     * @param directionTopic the topic of its direction, which the report counts while it has no question
     * @param problem        why the classification sent was refused, or null
     */
    public record RegisterView(
            RegisterEntry entry,
            String channelName,
            Classifier classifier,
            String directionTopic,
            ClassificationForm form,
            String problem) {
        /** «3.2 — Заява (клопотання)», or «не визначено». */
        public String name(List<Classifier.Entry> list, String code) {
            if (code == null || code.isBlank()) {
                return Labels.word("register.unknown");
            }
            return list.stream()
                    .filter(e -> e.code().equals(code))
                    .findFirst()
                    .map(e -> e.code() + " — " + e.name())
                    .orElse(code);
        }

        public String topic(String code) {
            return name(classifier.topics(), code);
        }

        public Classification classification() {
            return entry.classification();
        }
    }

    /**
     * The appeal's executor now and the form to give it to another (as sent when it came back refused).
     *
     * @param current   the executor it is assigned to, or null while it is in the operators' queue
     * @param executors the active executors it may go to
     * @param problem   why the form was refused, or null
     */
    public record AssignView(Executor current, List<Executor> executors, String problem, Long chosen, String reason) {
        public boolean selected(Executor e) {
            return Long.valueOf(e.id()).equals(chosen);
        }
    }

    /** The new appeal form, with what was typed and what does not fit. */
    public record NewView(
            Map<String, String> values,
            List<String> problems,
            List<Category> categories,
            List<IntakeChannel> channels,
            int maxDaysBack) {
        public String value(String name) {
            return values.getOrDefault(name, "");
        }

        public boolean chosen(String name, String option) {
            return option.equals(values.get(name));
        }
    }

    private final Console console;
    private final AppealSearch search;
    private final CategoryCatalog catalog;
    private final MenuEditor menu;
    private final AppealPhotos photos;
    private final AccessLog audit;
    private final Register register;
    private final ExecutorStore executors;
    private final ExecutorDesk executorDesk;
    private final UnitOfWork work;
    private final int maxDaysBack;
    private final Clock clock;

    /**
     * @param catalog     the active menu, for appeals registered here
     * @param menu        the whole menu, for the list's filters
     * @param audit       where reads of personal data are recorded
     * @param register    the council's register: channels, receipt, classification, outcomes
     * @param executors   who appeals may be assigned to
     * @param executorDesk assigns them, in a unit of {@code work}, as the API does
     * @param maxDaysBack how far back an appeal's receipt may be dated, days
     */
    public AppealPages(
            Console console,
            AppealSearch search,
            CategoryCatalog catalog,
            MenuEditor menu,
            AppealPhotos photos,
            AccessLog audit,
            Register register,
            ExecutorStore executors,
            ExecutorDesk executorDesk,
            UnitOfWork work,
            int maxDaysBack,
            Clock clock) {
        this.console = console;
        this.search = search;
        this.catalog = catalog;
        this.menu = menu;
        this.photos = photos;
        this.audit = audit;
        this.register = register;
        this.executors = executors;
        this.executorDesk = executorDesk;
        this.work = work;
        this.maxDaysBack = maxDaysBack;
        this.clock = clock;
    }

    @Override
    public void routes(RoutesConfig app) {
        app.get(BASE, this::list, Role.OPERATOR);
        app.post(BASE + "/filter", this::filter, Role.OPERATOR);
        app.get(BASE + "/new", this::newForm, Role.OPERATOR);
        app.post(BASE + "/new", this::register, Role.OPERATOR);
        app.get(BASE + "/{number}", this::details, Role.OPERATOR);
        app.post(BASE + "/{number}/status", this::changeStatus, Role.OPERATOR);
        app.post(BASE + "/{number}/classification", this::classify, Role.OPERATOR);
        app.post(BASE + "/{number}/executor", this::assign, Role.OPERATOR);
        app.get(BASE + "/{number}/photos/{index}", this::photo, Role.OPERATOR);
    }

    // ---- the list --------------------------------------------------------------------------------

    private void list(Context ctx) {
        AppealFilter filter = console.session(ctx).filter();
        int page = page(ctx.queryParam("page"));
        AppealSearch.Page found =
                search.find(filter.search(console.zone(), (page - 1) * PAGE_SIZE, PAGE_SIZE), clock.instant());
        if (filter.text() != null && !filter.text().isBlank()) {
            audit.read(
                    console.caller(ctx).name(),
                    AccessLog.Via.CONSOLE,
                    AccessLog.Action.SEARCH,
                    found.items().stream().map(f -> f.appeal().number()).toList());
        }
        int pages = (int) Math.max(1, (found.total() + PAGE_SIZE - 1) / PAGE_SIZE);
        List<Category> categories = menu.menu();
        List<String> executors = categories.stream()
                .map(Category::executor)
                .filter(e -> !e.isBlank())
                .distinct()
                .sorted()
                .toList();
        Pages.render(
                ctx,
                200,
                "appeals.jte",
                console.chrome(ctx, "Звернення", "appeals"),
                "view",
                new ListView(filter, found.items(), found.total(), page, pages, categories, executors));
    }

    private void filter(Context ctx) {
        console.session(ctx).filter(ctx.formParam("reset") != null ? AppealFilter.NONE : AppealFilter.fromForm(ctx));
        ctx.redirect(BASE, io.javalin.http.HttpStatus.SEE_OTHER);
    }

    private static int page(String value) {
        try {
            return value == null ? 1 : Math.max(1, Integer.parseInt(value));
        } catch (NumberFormatException e) {
            throw Refusal.invalid("page", "Номер сторінки має бути числом.");
        }
    }

    // ---- one appeal --------------------------------------------------------------------------------

    private void details(Context ctx) {
        details(ctx, null, null, null, null, null, null, 200);
    }

    private void details(
            Context ctx,
            String problem,
            AppealStatus chosen,
            String comment,
            String outcome,
            ClassificationForm form,
            String registerProblem,
            int status) {
        details(ctx, problem, chosen, comment, outcome, form, registerProblem, null, null, null, status);
    }

    /**
     * The appeal's page; a refused status form comes back with {@code problem} and what was chosen,
     * a refused classification with its form as sent and {@code registerProblem}, a refused
     * reassignment with {@code assignProblem} and what was chosen.
     */
    private void details(
            Context ctx,
            String problem,
            AppealStatus chosen,
            String comment,
            String outcome,
            ClassificationForm form,
            String registerProblem,
            String assignProblem,
            Long assignChosen,
            String assignReason,
            int status) {
        AppealNumber number = number(ctx);
        AppealSearch.Found found = search.find(number, clock.instant())
                .orElseThrow(() -> Refusal.notFound("Звернення № " + number + " не знайдено."));
        var history = search.history(number);
        audit.read(console.caller(ctx).name(), AccessLog.Via.CONSOLE, AccessLog.Action.DETAIL, number);
        AppealStatus current = found.appeal().status();
        var allowed = Arrays.stream(AppealStatus.values())
                .filter(to -> current.whyOperatorCannotMoveTo(to).isEmpty())
                .toList();
        RegisterEntry entry =
                register.entry(number).orElseThrow(() -> Refusal.notFound("Звернення № " + number + " не знайдено."));
        String channelName = register.channels().all().stream()
                .filter(c -> c.code().equals(entry.channelCode()))
                .findFirst()
                .map(IntakeChannel::nameUk)
                .orElse(entry.channelCode());
        Appeal a = found.appeal();
        String directionTopic = register.topics()
                .byDirection()
                .getOrDefault(
                        TopicMapping.direction(a.categoryId(), a.issueTypeId()),
                        register.topics()
                                .byDirection()
                                .getOrDefault(
                                        a.categoryId(), register.classifier().fallbackTopic()));
        var view = new RegisterView(
                entry,
                channelName,
                register.classifier(),
                directionTopic,
                form != null ? form : ClassificationForm.of(entry.classification()),
                registerProblem);
        Pages.render(
                ctx,
                status,
                "appeal.jte",
                console.chrome(ctx, "Звернення № " + number, "appeals"),
                "view",
                new AppealView(
                        found,
                        history,
                        allowed,
                        problem,
                        chosen,
                        comment,
                        outcome,
                        view,
                        assignView(number, assignProblem, assignChosen, assignReason)));
    }

    private AssignView assignView(AppealNumber number, String problem, Long chosen, String reason) {
        List<Executor> all = executors.list();
        Executor current = executors
                .executorOf(number)
                .flatMap(id -> all.stream().filter(e -> e.id() == id).findFirst())
                .orElse(null);
        return new AssignView(current, all.stream().filter(Executor::active).toList(), problem, chosen, reason);
    }

    /** Gives the appeal to another executor (or the first, from the operators' queue), with a reason the history keeps. */
    private void assign(Context ctx) {
        AppealNumber number = number(ctx);
        String reason = Optional.ofNullable(ctx.formParam("reason")).orElse("");
        String raw = Optional.ofNullable(ctx.formParam("executorId")).orElse("").strip();
        Long executorId;
        try {
            executorId = raw.isEmpty() ? null : Long.valueOf(raw);
        } catch (NumberFormatException e) {
            executorId = null;
        }
        if (executorId == null) {
            details(
                    ctx,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    Labels.word("executor.problem.executorId"),
                    null,
                    reason,
                    400);
            return;
        }
        long to = executorId;
        String actor = console.caller(ctx).name();
        try {
            work.run(s -> {
                executorDesk.assign(s, number, to, reason, actor);
                return null;
            });
            String name = executors.find(to).map(Executor::name).orElse("№ " + to);
            console.done(
                    ctx,
                    BASE + "/" + number + "#h-executor",
                    Flash.info("Звернення передано виконавцю «" + name + "»; причину записано в історію."));
        } catch (Refusal r) {
            String why = switch (r.kind()) {
                case NOT_FOUND -> throw Refusal.notFound("Звернення № " + number + " не знайдено.");
                case CONFLICT ->
                    r.getMessage().contains("already assigned")
                            ? Labels.word("executor.problem.same")
                            : Labels.word("executor.problem.closed");
                case INVALID ->
                    r.field().filter("executorId"::equals).isPresent()
                            ? Labels.word("executor.problem.executorId")
                            : reason.isBlank()
                                    ? Labels.word("executor.problem.reason")
                                    : Labels.word("executor.problem.reason.long", ExecutorDesk.MAX_REASON);
                default -> throw r;
            };
            details(
                    ctx,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    why,
                    to,
                    reason,
                    r.kind() == Refusal.Kind.CONFLICT ? 409 : 400);
        }
    }

    private void changeStatus(Context ctx) {
        AppealNumber number = number(ctx);
        String comment = Optional.ofNullable(ctx.formParam("comment")).orElse("");
        String outcome = Optional.ofNullable(ctx.formParam("outcome")).orElse("");
        AppealStatus to;
        try {
            to = AppealStatus.valueOf(Objects.requireNonNullElse(ctx.formParam("status"), ""));
        } catch (IllegalArgumentException e) {
            details(ctx, "Оберіть новий статус.", null, comment, outcome, null, null, 400);
            return;
        }
        String actor = console.caller(ctx).name();
        try {
            OperatorDesk.StatusChanged changed = register.changeStatus(number, to, comment, outcome, actor);
            console.done(
                    ctx,
                    BASE + "/" + number,
                    Flash.info("Статус змінено: " + Labels.of(changed.from()) + " → " + Labels.of(changed.to())
                            + (outcome.isBlank() ? "" : ", результат розгляду записано")
                            + (changed.outboxId() != null ? ". Сповіщення громадянину поставлено в чергу." : ".")));
        } catch (Refusal r) {
            String why = switch (r.kind()) {
                case NOT_FOUND -> throw Refusal.notFound("Звернення № " + number + " не знайдено.");
                case CONFLICT -> "Такий перехід неможливий: звернення вже змінили або воно закрите. Оновіть сторінку.";
                case INVALID ->
                    r.field().filter("outcome"::equals).isPresent()
                            ? Labels.word("register.problem.outcome")
                            : to == AppealStatus.NEEDS_INFO
                                    ? "Для «Потрібне уточнення» напишіть у коментарі питання громадянину."
                                    : to == AppealStatus.REJECTED
                                            ? "Для «Відхилено» напишіть у коментарі причину для громадянина."
                                            : "Коментар задовгий: не більше " + OperatorDesk.MAX_COMMENT + " символів.";
                default -> throw r;
            };
            details(ctx, why, to, comment, outcome, null, null, r.kind() == Refusal.Kind.CONFLICT ? 409 : 400);
        }
    }

    /** The classification in the register: type, form, sign, the author's categories, questions, outcome; each change goes to the history. */
    private void classify(Context ctx) {
        AppealNumber number = number(ctx);
        ClassificationForm form = ClassificationForm.read(ctx);
        try {
            register.change(number, form.classification(), console.caller(ctx).name());
            console.done(ctx, BASE + "/" + number + "#h-register", Flash.info("Класифікацію збережено."));
        } catch (Refusal r) {
            if (r.kind() == Refusal.Kind.NOT_FOUND) {
                throw Refusal.notFound("Звернення № " + number + " не знайдено.");
            }
            details(
                    ctx,
                    null,
                    null,
                    null,
                    null,
                    form,
                    registerProblem(r, "Класифікацію не змінено: "),
                    r.kind() == Refusal.Kind.CONFLICT ? 409 : 400);
        }
    }

    /** A refusal of the register in the console's words: by the field it names, or the register's own reason under a headline. */
    static String registerProblem(Refusal r, String headline, Object... args) {
        String field = r.field().orElseGet(() -> {
            var m = java.util.regex.Pattern.compile("^([A-Za-z]+)").matcher(r.getMessage());
            return m.find() ? m.group(1) : "";
        });
        String key = "register.problem." + field;
        return Labels.has(key) ? Labels.word(key, args) : headline + r.getMessage();
    }

    private void photo(Context ctx) {
        AppealNumber number = number(ctx);
        int index;
        try {
            index = Integer.parseInt(ctx.pathParam("index"));
        } catch (NumberFormatException e) {
            throw Refusal.notFound("Такого фото немає.");
        }
        AppealPhotos.Photo photo;
        try {
            photo = photos.fetch(number, index, ctx.queryParam("thumbnail") != null, PHOTO_RETRY);
        } catch (Refusal r) {
            // The same refusal, in the console's words.
            throw switch (r.kind()) {
                case GONE -> Refusal.gone("Фото видалено на вимогу громадянина або після строку зберігання.");
                case UNAVAILABLE -> Refusal.unavailable("Фото ще завантажується. Спробуйте за хвилину.", PHOTO_RETRY);
                default -> Refusal.notFound("Такого фото немає або його не вдалося зберегти.");
            };
        }
        audit.read(console.caller(ctx).name(), AccessLog.Via.CONSOLE, AccessLog.Action.PHOTO, number);
        ctx.contentType(photo.contentType()).result(photo.bytes());
    }

    /** A path that cannot name an appeal names no page: 404, as for an unknown number. */
    private static AppealNumber number(Context ctx) {
        return AppealNumber.parse(ctx.pathParam("number"))
                .orElseThrow(
                        () -> Refusal.notFound("Такого номера звернення не буває: очікується, напр., 2026-000123."));
    }

    // ---- a phoned-in appeal -----------------------------------------------------------------------

    private static final List<String> FIELDS = List.of(
            "channel",
            "receivedAt",
            "category",
            "issueType",
            "description",
            "placeAddress",
            "latitude",
            "longitude",
            "firstName",
            "lastName",
            "address",
            "phone",
            "comment");

    private void newForm(Context ctx) {
        newForm(ctx, Map.of("channel", "PHONE"), List.of(), 200);
    }

    private void newForm(Context ctx, Map<String, String> values, List<String> problems, int status) {
        Pages.render(
                ctx,
                status,
                "new-appeal.jte",
                console.chrome(ctx, "Нове звернення", "new"),
                "view",
                new NewView(
                        values,
                        problems,
                        catalog.active(),
                        IntakeChannels.operatorChannels(register.channels().all()),
                        maxDaysBack));
    }

    private void register(Context ctx) {
        var values = new LinkedHashMap<String, String>();
        FIELDS.forEach(f -> values.put(f, Optional.ofNullable(ctx.formParam(f)).orElse("")));
        var problems = new java.util.ArrayList<String>();
        IntakeChannel channel = null;
        try {
            channel = IntakeChannels.operatorChannel(
                    values.get("channel"), register.channels().all());
        } catch (Refusal r) {
            problems.add(Labels.word("field.CHANNEL") + ": " + Labels.word("register.problem.channel"));
        }
        Instant receivedAt = receivedAt(values.get("receivedAt"), problems);
        // The issue type list offers "category:type"; a type of another category than the one chosen does not fit.
        String issueType = values.get("issueType");
        if (!issueType.isEmpty()) {
            int colon = issueType.indexOf(':');
            issueType = colon > 0 && issueType.substring(0, colon).equals(values.get("category"))
                    ? issueType.substring(colon + 1)
                    : issueType;
        }
        Double latitude = number(values.get("latitude"), AppealIntake.Field.POINT, problems);
        Double longitude = number(values.get("longitude"), AppealIntake.Field.POINT, problems);
        Channel kind = channel == null ? Channel.PHONE : IntakeChannels.kind(channel);
        AppealIntake.Checked checked = AppealIntake.check(
                new AppealIntake.Form(
                        kind,
                        values.get("category"),
                        issueType,
                        values.get("description"),
                        latitude,
                        longitude,
                        values.get("placeAddress"),
                        values.get("firstName"),
                        values.get("lastName"),
                        values.get("address"),
                        values.get("phone")),
                catalog,
                java.util.EnumSet.of(kind));
        checked.problems().stream().map(Labels::problem).forEach(problems::add);
        if (!problems.isEmpty()) {
            newForm(ctx, values, problems.stream().distinct().collect(Collectors.toList()), 400);
            return;
        }
        String actor = console.caller(ctx).name();
        try {
            Appeal saved = register.register(
                    new Register.Intake(
                            checked.appeal().orElseThrow(),
                            channel,
                            receivedAt,
                            Classification.empty(),
                            values.get("comment")),
                    actor);
            console.done(
                    ctx,
                    BASE + "/" + saved.number(),
                    Flash.info("Звернення зареєстровано: № " + saved.number() + ", термін — "
                            + console.formats().time(saved.deadline()) + "."));
        } catch (Refusal r) {
            String problem = r.field().filter("comment"::equals).isPresent()
                    ? "Коментар задовгий: не більше " + OperatorDesk.MAX_COMMENT + " символів."
                    : registerProblem(r, "Звернення не зареєстровано: ", maxDaysBack);
            newForm(ctx, values, List.of(problem), 400);
        }
    }

    /** The receipt typed in the form (a local time in the city), or null for now. */
    private Instant receivedAt(String value, List<String> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            Instant at =
                    LocalDateTime.parse(value.strip()).atZone(console.zone()).toInstant();
            if (at.isAfter(clock.instant()) || at.isBefore(register.earliestReceivedAt())) {
                problems.add(Labels.word("register.problem.receivedAt", maxDaysBack));
            }
            return at;
        } catch (DateTimeParseException e) {
            problems.add(Labels.word("register.receivedAt") + ": " + Labels.word("problem.invalid"));
            return null;
        }
    }

    private static Double number(String value, AppealIntake.Field field, List<String> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Double.valueOf(value.strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            problems.add(Labels.problem(new AppealIntake.Problem(field, "not-a-number", null)));
            return null;
        }
    }
}
