package ua.zvernennia.app.console;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import ua.zvernennia.app.api.AppealPhotos;
import ua.zvernennia.app.api.Caller;
import ua.zvernennia.app.api.Role;
import ua.zvernennia.app.privacy.AccessLog;
import ua.zvernennia.app.web.RouteGroup;
import ua.zvernennia.core.appeal.AppealNumber;
import ua.zvernennia.core.appeal.AppealStatus;
import ua.zvernennia.core.desk.AppealSearch;
import ua.zvernennia.core.desk.OperatorDesk;
import ua.zvernennia.core.engine.UnitOfWork;
import ua.zvernennia.core.executor.Executor;
import ua.zvernennia.core.executor.ExecutorDesk;
import ua.zvernennia.core.executor.ExecutorStore;
import ua.zvernennia.core.refusal.Refusal;
import ua.zvernennia.core.register.Register;

/**
 * An executor's own pages, for an EXECUTOR token signed into the console: its appeals (another
 * executor's appeal is not there, 404, as in the API), each with its history and photos, and the
 * three things its staff do: take one into work, hand one back to the operators with a reason,
 * resolve one with a comment for the citizen. The citizen's name, address and phone show only
 * where the admins let the executor see them.
 */
public final class WorkPages implements RouteGroup {
    public static final String BASE = ConsoleRoutes.BASE + "/work";
    static final int PAGE_SIZE = 25;
    private static final Duration PHOTO_RETRY = Duration.ofSeconds(5);
    private static final Set<AppealStatus> OPEN =
            EnumSet.of(AppealStatus.REGISTERED, AppealStatus.IN_PROGRESS, AppealStatus.NEEDS_INFO);

    /**
     * The executor's list.
     *
     * @param all whether closed appeals are listed too
     */
    public record ListView(
            Executor executor, boolean all, List<AppealSearch.Found> items, long total, int page, int pages) {}

    /**
     * One of the executor's appeals.
     *
     * @param citizen whether the page shows the citizen's name, address and phone
     * @param problem why the form sent was refused, or null; {@code form} names it (take, return, resolve)
     */
    public record AppealView(
            Executor executor,
            AppealSearch.Found found,
            List<AppealSearch.HistoryEntry> history,
            boolean citizen,
            String form,
            String problem,
            String text) {
        public ua.zvernennia.core.appeal.Appeal appeal() {
            return found.appeal();
        }

        public boolean open() {
            return !appeal().status().isClosed();
        }

        /** Whether it may be taken into work now (it is not in work yet). */
        public boolean takeable() {
            return appeal().status() != AppealStatus.IN_PROGRESS
                    && appeal().status()
                            .whyOperatorCannotMoveTo(AppealStatus.IN_PROGRESS)
                            .isEmpty();
        }

        /** What the form {@code name} had when it came back refused. */
        public String text(String name) {
            return name.equals(form) && text != null ? text : "";
        }

        public String problem(String name) {
            return name.equals(form) ? problem : null;
        }
    }

    private final Console console;
    private final AppealSearch search;
    private final ExecutorStore executors;
    private final ExecutorDesk desk;
    private final UnitOfWork work;
    private final Register register;
    private final AppealPhotos photos;
    private final AccessLog audit;
    private final Clock clock;

    /**
     * @param register the status changes, as the API's status route makes them
     * @param audit    where reads of personal data are recorded
     */
    public WorkPages(
            Console console,
            AppealSearch search,
            ExecutorStore executors,
            ExecutorDesk desk,
            UnitOfWork work,
            Register register,
            AppealPhotos photos,
            AccessLog audit,
            Clock clock) {
        this.console = console;
        this.search = search;
        this.executors = executors;
        this.desk = desk;
        this.work = work;
        this.register = register;
        this.photos = photos;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public void routes(RoutesConfig app) {
        app.get(BASE, this::list, Role.EXECUTOR);
        app.get(BASE + "/{number}", this::details, Role.EXECUTOR);
        app.post(BASE + "/{number}/take", this::take, Role.EXECUTOR);
        app.post(BASE + "/{number}/return", this::handBack, Role.EXECUTOR);
        app.post(BASE + "/{number}/resolve", this::resolve, Role.EXECUTOR);
        app.get(BASE + "/{number}/photos/{index}", this::photo, Role.EXECUTOR);
    }

    // ---- the list --------------------------------------------------------------------------------

    private void list(Context ctx) {
        Executor executor = executor(ctx);
        boolean all = "all".equals(ctx.queryParam("show"));
        int page = page(ctx.queryParam("page"));
        AppealSearch.Filter filter = new AppealSearch.Filter(
                        all ? Set.of() : OPEN,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        (page - 1) * PAGE_SIZE,
                        PAGE_SIZE)
                .ofExecutor(executor.id());
        AppealSearch.Page found = search.find(filter, clock.instant());
        int pages = (int) Math.max(1, (found.total() + PAGE_SIZE - 1) / PAGE_SIZE);
        Pages.render(
                ctx,
                200,
                "work.jte",
                console.chrome(ctx, "Звернення «" + executor.name() + "»", "work"),
                "view",
                new ListView(executor, all, found.items(), found.total(), page, pages));
    }

    // ---- one appeal --------------------------------------------------------------------------------

    private void details(Context ctx) {
        details(ctx, null, null, null, 200);
    }

    private void details(Context ctx, String form, String problem, String text, int status) {
        Executor executor = executor(ctx);
        AppealNumber number = mine(ctx, executor);
        AppealSearch.Found found = search.find(number, clock.instant()).orElseThrow(() -> notFound(number));
        var history = search.history(number);
        if (executor.showCitizen()) {
            audit.read(console.caller(ctx).name(), AccessLog.Via.CONSOLE, AccessLog.Action.DETAIL, number);
        }
        Pages.render(
                ctx,
                status,
                "work-appeal.jte",
                console.chrome(ctx, "Звернення № " + number, "work"),
                "view",
                new AppealView(executor, found, history, executor.showCitizen(), form, problem, text));
    }

    private void take(Context ctx) {
        Executor executor = executor(ctx);
        AppealNumber number = mine(ctx, executor);
        try {
            register.changeStatus(number, AppealStatus.IN_PROGRESS, null, null, actor(ctx));
            console.done(
                    ctx,
                    BASE + "/" + number,
                    Flash.info("Звернення № " + number + " взято в роботу. Громадянин отримає сповіщення, якщо"
                            + " подав його через месенджер."));
        } catch (Refusal r) {
            refused(ctx, number, r, "take", null);
        }
    }

    private void handBack(Context ctx) {
        Executor executor = executor(ctx);
        AppealNumber number = mine(ctx, executor);
        String reason = Optional.ofNullable(ctx.formParam("reason")).orElse("");
        try {
            work.run(s -> {
                desk.handBack(s, number, executor.id(), reason, actor(ctx));
                return null;
            });
            console.done(
                    ctx,
                    BASE,
                    Flash.info("Звернення № " + number + " повернуто операторам з причиною «" + reason.strip()
                            + "». Воно більше не у вашому списку."));
        } catch (Refusal r) {
            refused(ctx, number, r, "return", reason);
        }
    }

    private void resolve(Context ctx) {
        Executor executor = executor(ctx);
        AppealNumber number = mine(ctx, executor);
        String comment = Optional.ofNullable(ctx.formParam("comment")).orElse("");
        if (comment.isBlank()) {
            details(ctx, "resolve", Labels.word("executor.problem.comment"), comment, 400);
            return;
        }
        try {
            OperatorDesk.StatusChanged changed =
                    register.changeStatus(number, AppealStatus.RESOLVED, comment, null, actor(ctx));
            console.done(
                    ctx,
                    BASE + "/" + number,
                    Flash.info("Звернення № " + number + " виконано."
                            + (changed.outboxId() != null
                                    ? " Громадянин отримає ваш коментар і питання, чи вирішено проблему."
                                    : "")));
        } catch (Refusal r) {
            refused(ctx, number, r, "resolve", comment);
        }
    }

    private void refused(Context ctx, AppealNumber number, Refusal r, String form, String text) {
        String why = switch (r.kind()) {
            case NOT_FOUND -> throw notFound(number);
            case CONFLICT -> Labels.word("executor.problem.status");
            case INVALID ->
                r.field().filter("reason"::equals).isPresent()
                        ? (text != null && !text.isBlank()
                                ? Labels.word("executor.problem.reason.long", ExecutorDesk.MAX_REASON)
                                : Labels.word("executor.problem.reason"))
                        : "Коментар задовгий: не більше " + OperatorDesk.MAX_COMMENT + " символів.";
            default -> throw r;
        };
        details(ctx, form, why, text, r.kind() == Refusal.Kind.CONFLICT ? 409 : 400);
    }

    private void photo(Context ctx) {
        Executor executor = executor(ctx);
        AppealNumber number = mine(ctx, executor);
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
            throw switch (r.kind()) {
                case GONE -> Refusal.gone("Фото видалено на вимогу громадянина або після строку зберігання.");
                case UNAVAILABLE -> Refusal.unavailable("Фото ще завантажується. Спробуйте за хвилину.", PHOTO_RETRY);
                default -> Refusal.notFound("Такого фото немає або його не вдалося зберегти.");
            };
        }
        audit.read(console.caller(ctx).name(), AccessLog.Via.CONSOLE, AccessLog.Action.PHOTO, number);
        ctx.contentType(photo.contentType()).result(photo.bytes());
    }

    // ---- whose it is -------------------------------------------------------------------------------

    /** The executor the signed-in token acts for; these pages are an executor's only. */
    private Executor executor(Context ctx) {
        Caller caller = console.caller(ctx);
        if (!caller.isExecutor() || caller.executorId() == null) {
            throw Refusal.forbidden(
                    "Цей розділ — для токенів виконавців. Звернення операторів — у розділі «Звернення».");
        }
        return executors
                .find(caller.executorId())
                .orElseThrow(() -> Refusal.forbidden("Виконавця цього токена більше немає."));
    }

    /** The appeal of the path when it is this executor's; another's, or none, is not found. */
    private AppealNumber mine(Context ctx, Executor executor) {
        AppealNumber number = AppealNumber.parse(ctx.pathParam("number"))
                .orElseThrow(
                        () -> Refusal.notFound("Такого номера звернення не буває: очікується, напр., 2026-000123."));
        if (executors.executorOf(number).filter(id -> id == executor.id()).isEmpty()) {
            throw notFound(number);
        }
        return number;
    }

    private static Refusal notFound(AppealNumber number) {
        return Refusal.notFound("Звернення № " + number + " серед ваших немає.");
    }

    private String actor(Context ctx) {
        return console.caller(ctx).name();
    }

    private static int page(String value) {
        try {
            return value == null ? 1 : Math.max(1, Integer.parseInt(value));
        } catch (NumberFormatException e) {
            throw Refusal.invalid("page", "Номер сторінки має бути числом.");
        }
    }
}
