package ua.zvernennia.app.console;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
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
import ua.zvernennia.core.refusal.Refusal;

/** The operators' pages: the appeals list, an appeal with its history and status form, and registering a phoned-in appeal. */
public final class AppealPages implements RouteGroup {
    static final int PAGE_SIZE = 25;
    /** How soon to ask again for a photo still being downloaded. */
    private static final Duration PHOTO_RETRY = Duration.ofSeconds(5);
    private static final String BASE = ConsoleRoutes.BASE + "/appeals";

    /** The list page. */
    public record ListView(AppealFilter filter, List<AppealSearch.Found> items, long total, int page, int pages,
                           List<Category> categories, List<String> executors) {
        public boolean has(AppealStatus s) {
            return filter.has(s);
        }
    }

    /**
     * An appeal's page.
     *
     * @param allowed the statuses an operator may move it to now
     */
    public record AppealView(AppealSearch.Found found, List<AppealSearch.HistoryEntry> history, List<AppealStatus> allowed,
                             String problem, AppealStatus chosen, String comment) {
        public Appeal appeal() {
            return found.appeal();
        }

        public boolean pushes() {
            return appeal().chat() != null && appeal().channel().isMessenger();
        }
    }

    /** The phoned-in appeal form, with what was typed and what does not fit. */
    public record NewView(Map<String, String> values, List<String> problems, List<Category> categories, List<Channel> channels) {
        public String value(String name) {
            return values.getOrDefault(name, "");
        }

        public boolean chosen(String name, String option) {
            return option.equals(values.get(name));
        }
    }

    private final Console console;
    private final AppealSearch search;
    private final UnitOfWork work;
    private final OperatorDesk desk;
    private final CategoryCatalog catalog;
    private final MenuEditor menu;
    private final AppealPhotos photos;
    private final AccessLog audit;
    private final Clock clock;

    /**
     * @param work    the unit of work the desk's changes run in
     * @param catalog the active menu, for appeals registered here
     * @param menu    the whole menu, for the list's filters
     * @param audit   where reads of personal data are recorded
     */
    public AppealPages(Console console, AppealSearch search, UnitOfWork work, OperatorDesk desk, CategoryCatalog catalog,
                       MenuEditor menu, AppealPhotos photos, AccessLog audit, Clock clock) {
        this.console = console;
        this.search = search;
        this.work = work;
        this.desk = desk;
        this.catalog = catalog;
        this.menu = menu;
        this.photos = photos;
        this.audit = audit;
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
        app.get(BASE + "/{number}/photos/{index}", this::photo, Role.OPERATOR);
    }

    // ---- the list --------------------------------------------------------------------------------

    private void list(Context ctx) {
        AppealFilter filter = console.session(ctx).filter();
        int page = page(ctx.queryParam("page"));
        AppealSearch.Page found = search.find(filter.search(console.zone(), (page - 1) * PAGE_SIZE, PAGE_SIZE), clock.instant());
        if (filter.text() != null && !filter.text().isBlank()) {
            audit.read(console.caller(ctx).name(), AccessLog.Via.CONSOLE, AccessLog.Action.SEARCH,
                    found.items().stream().map(f -> f.appeal().number()).toList());
        }
        int pages = (int) Math.max(1, (found.total() + PAGE_SIZE - 1) / PAGE_SIZE);
        List<Category> categories = menu.menu();
        List<String> executors = categories.stream().map(Category::executor).filter(e -> !e.isBlank()).distinct().sorted().toList();
        Pages.render(ctx, 200, "appeals.jte", console.chrome(ctx, "Звернення", "appeals"),
                "view", new ListView(filter, found.items(), found.total(), page, pages, categories, executors));
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
        details(ctx, null, null, null, 200);
    }

    private void details(Context ctx, String problem, AppealStatus chosen, String comment, int status) {
        AppealNumber number = number(ctx);
        AppealSearch.Found found = search.find(number, clock.instant())
                .orElseThrow(() -> Refusal.notFound("Звернення № " + number + " не знайдено."));
        var history = search.history(number);
        audit.read(console.caller(ctx).name(), AccessLog.Via.CONSOLE, AccessLog.Action.DETAIL, number);
        AppealStatus current = found.appeal().status();
        var allowed = Arrays.stream(AppealStatus.values()).filter(to -> current.whyOperatorCannotMoveTo(to).isEmpty()).toList();
        Pages.render(ctx, status, "appeal.jte", console.chrome(ctx, "Звернення № " + number, "appeals"),
                "view", new AppealView(found, history, allowed, problem, chosen, comment));
    }

    private void changeStatus(Context ctx) {
        AppealNumber number = number(ctx);
        String comment = Optional.ofNullable(ctx.formParam("comment")).orElse("");
        AppealStatus to;
        try {
            to = AppealStatus.valueOf(Objects.requireNonNullElse(ctx.formParam("status"), ""));
        } catch (IllegalArgumentException e) {
            details(ctx, "Оберіть новий статус.", null, comment, 400);
            return;
        }
        String actor = console.caller(ctx).name();
        try {
            OperatorDesk.StatusChanged changed = work.run(s -> desk.changeStatus(s, number, to, comment, actor));
            console.done(ctx, BASE + "/" + number, Flash.info("Статус змінено: " + Labels.of(changed.from()) + " → " + Labels.of(changed.to())
                    + (changed.outboxId() != null ? ". Сповіщення громадянину поставлено в чергу." : ".")));
        } catch (Refusal r) {
            String why = switch (r.kind()) {
                case NOT_FOUND -> throw Refusal.notFound("Звернення № " + number + " не знайдено.");
                case CONFLICT -> "Такий перехід неможливий: звернення вже змінили або воно закрите. Оновіть сторінку.";
                case INVALID -> to == AppealStatus.NEEDS_INFO ? "Для «Потрібне уточнення» напишіть у коментарі питання громадянину."
                        : to == AppealStatus.REJECTED ? "Для «Відхилено» напишіть у коментарі причину для громадянина."
                        : "Коментар задовгий: не більше " + OperatorDesk.MAX_COMMENT + " символів.";
                default -> throw r;
            };
            details(ctx, why, to, comment, r.kind() == Refusal.Kind.CONFLICT ? 409 : 400);
        }
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
                .orElseThrow(() -> Refusal.notFound("Такого номера звернення не буває: очікується, напр., 2026-000123."));
    }

    // ---- a phoned-in appeal -----------------------------------------------------------------------

    private static final List<String> FIELDS = List.of("channel", "category", "issueType", "description", "placeAddress",
            "latitude", "longitude", "firstName", "lastName", "address", "phone", "comment");

    private void newForm(Context ctx) {
        newForm(ctx, Map.of("channel", "PHONE"), List.of(), 200);
    }

    private void newForm(Context ctx, Map<String, String> values, List<String> problems, int status) {
        Pages.render(ctx, status, "new-appeal.jte", console.chrome(ctx, "Нове звернення", "new"),
                "view", new NewView(values, problems, catalog.active(),
                        List.copyOf(AppealIntake.OPERATOR_CHANNELS)));
    }

    private void register(Context ctx) {
        var values = new LinkedHashMap<String, String>();
        FIELDS.forEach(f -> values.put(f, Optional.ofNullable(ctx.formParam(f)).orElse("")));
        var problems = new java.util.ArrayList<String>();
        Channel channel = null;
        try {
            channel = values.get("channel").isEmpty() ? null : Channel.valueOf(values.get("channel"));
        } catch (IllegalArgumentException e) {
            problems.add(Labels.problem(new AppealIntake.Problem(AppealIntake.Field.CHANNEL, "unknown", null)));
        }
        // The issue type list offers "category:type"; a type of another category than the one chosen does not fit.
        String issueType = values.get("issueType");
        if (!issueType.isEmpty()) {
            int colon = issueType.indexOf(':');
            issueType = colon > 0 && issueType.substring(0, colon).equals(values.get("category")) ? issueType.substring(colon + 1) : issueType;
        }
        Double latitude = number(values.get("latitude"), AppealIntake.Field.POINT, problems);
        Double longitude = number(values.get("longitude"), AppealIntake.Field.POINT, problems);
        AppealIntake.Checked checked = AppealIntake.check(new AppealIntake.Form(channel, values.get("category"), issueType,
                values.get("description"), latitude, longitude, values.get("placeAddress"), values.get("firstName"),
                values.get("lastName"), values.get("address"), values.get("phone")), catalog);
        checked.problems().stream().map(Labels::problem).forEach(problems::add);
        if (!problems.isEmpty()) {
            newForm(ctx, values, problems.stream().distinct().collect(Collectors.toList()), 400);
            return;
        }
        String actor = console.caller(ctx).name();
        try {
            Appeal saved = work.run(s -> desk.register(s, checked.appeal().orElseThrow(), actor, values.get("comment")));
            console.done(ctx, BASE + "/" + saved.number(), Flash.info("Звернення зареєстровано: № " + saved.number()
                    + ", термін — " + console.formats().time(saved.deadline()) + "."));
        } catch (Refusal r) {
            newForm(ctx, values, List.of("Коментар задовгий: не більше " + OperatorDesk.MAX_COMMENT + " символів."), 400);
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
