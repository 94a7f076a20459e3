package ua.zvernennia.app.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import ua.zvernennia.app.privacy.AccessLog;
import ua.zvernennia.app.web.RouteGroup;
import ua.zvernennia.core.appeal.Appeal;
import ua.zvernennia.core.appeal.AppealEvent;
import ua.zvernennia.core.appeal.AppealNumber;
import ua.zvernennia.core.appeal.AppealStatus;
import ua.zvernennia.core.appeal.NewAppeal;
import ua.zvernennia.core.appeal.PersonName;
import ua.zvernennia.core.category.CategoryCatalog;
import ua.zvernennia.core.chat.Channel;
import ua.zvernennia.core.desk.AppealIntake;
import ua.zvernennia.core.desk.AppealSearch;
import ua.zvernennia.core.desk.OperatorDesk;
import ua.zvernennia.core.executor.Executor;
import ua.zvernennia.core.executor.ExecutorDesk;
import ua.zvernennia.core.executor.ExecutorStore;
import ua.zvernennia.core.executor.ResolutionPhotoStore;
import ua.zvernennia.core.refusal.Refusal;
import ua.zvernennia.core.register.Classification;
import ua.zvernennia.core.register.IntakeChannel;
import ua.zvernennia.core.register.IntakeChannels;
import ua.zvernennia.core.register.Register;

/**
 * {@code /api/appeals}: operators list and read appeals with their history and the register's
 * fields, change their status (the citizen gets a push; closing may record the outcome), register
 * appeals that came by any channel of the register but the messengers (back-dated and classified
 * when need be), and see the photos citizens sent.
 */
public final class AppealController implements RouteGroup {
    private static final int DEFAULT_LIMIT = 50;
    /** How soon to ask again for a photo still being downloaded. */
    private static final Duration PHOTO_RETRY = Duration.ofSeconds(5);

    private static final Set<String> LIST_PARAMS =
            Set.of("status", "category", "channel", "executor", "overdue", "q", "from", "to", "offset", "limit");

    /** @param outcome how the appeal was decided (an outcome code of the classifier), when it is closed; optional */
    record StatusRequest(AppealStatus status, String comment, String outcome) {
        StatusRequest {
            if (status == null) {
                throw new IllegalArgumentException("status: one of " + List.of(AppealStatus.values()) + " required");
            }
        }
    }

    /** One question an appeal raises: a topic code of the classifier. */
    record Question(String topic) {
        Question {
            if (topic == null || topic.isBlank()) {
                throw new IllegalArgumentException("questions[].topic: a topic code of the classifier is required");
            }
            topic = topic.strip();
        }
    }

    /**
     * The channel is a code of {@code GET /api/channels}; {@code receivedAt} (null: now) and the
     * register's fields are optional.
     */
    record NewAppealRequest(
            String channel,
            String category,
            String issueType,
            String description,
            Double latitude,
            Double longitude,
            String placeAddress,
            String firstName,
            String lastName,
            String address,
            String phone,
            String comment,
            String receivedAt,
            List<Question> questions,
            String type,
            String form,
            Integer signatories,
            String sign,
            String earlierNumber,
            List<String> citizenCategories) {
        NewAppealRequest {
            if (category == null || category.isBlank()) {
                throw new IllegalArgumentException("category: the category id is required");
            }
            if ((latitude == null) != (longitude == null)) {
                throw new IllegalArgumentException("latitude and longitude go together");
            }
        }
    }

    private final AppealSearch search;
    private final CategoryCatalog catalog;
    private final AppealPhotos photos;
    private final AccessLog audit;
    private final ExecutorStore executors;
    private final ResolutionPhotoStore resolutionPhotos;
    private final Register register;
    private final Clock clock;
    private final ZoneId zone;

    /**
     * @param catalog  the active menu, for appeals registered by operators
     * @param audit    where reads of personal data are recorded
     * @param register the council's register: channels, receipt, classification and outcomes
     * @param resolutionPhotos the photos of the work done that resolved appeals
     * @param zone     the city's time zone: dates in filters are its days
     */
    public AppealController(
            AppealSearch search,
            CategoryCatalog catalog,
            AppealPhotos photos,
            AccessLog audit,
            Register register,
            ExecutorStore executors,
            ResolutionPhotoStore resolutionPhotos,
            Clock clock,
            ZoneId zone) {
        this.executors = executors;
        this.resolutionPhotos = resolutionPhotos;
        this.search = search;
        this.catalog = catalog;
        this.photos = photos;
        this.audit = audit;
        this.register = register;
        this.clock = clock;
        this.zone = zone;
    }

    @Override
    public void routes(RoutesConfig app) {
        app.get("/api/appeals", this::list, Role.OPERATOR, Role.EXECUTOR);
        app.post("/api/appeals", this::create, Role.OPERATOR);
        app.get("/api/appeals/{number}", this::details, Role.OPERATOR, Role.EXECUTOR);
        app.post("/api/appeals/{number}/status", this::changeStatus, Role.OPERATOR, Role.EXECUTOR);
        app.get("/api/appeals/{number}/photos/{index}", this::photo, Role.OPERATOR, Role.EXECUTOR);
    }

    // ---- reading -------------------------------------------------------------------------------

    private void list(Context ctx) {
        for (String name : ctx.queryParamMap().keySet()) {
            if (!LIST_PARAMS.contains(name)) {
                throw Refusal.invalid(
                        name, "unknown query parameter '" + name + "'; known: " + new java.util.TreeSet<>(LIST_PARAMS));
            }
        }
        var statuses = EnumSet.noneOf(AppealStatus.class);
        for (String value : ctx.queryParams("status")) {
            for (String s : value.split(",")) {
                if (!s.isBlank()) {
                    statuses.add(parseEnum(AppealStatus.class, "status", s));
                }
            }
        }
        String overdue = ctx.queryParam("overdue");
        if (overdue != null && !overdue.equals("true") && !overdue.equals("false")) {
            throw Refusal.invalid("overdue", "overdue must be true or false");
        }
        String channel = ctx.queryParam("channel");
        AppealSearch.Filter filter = Refusal.validated(() -> new AppealSearch.Filter(
                statuses,
                blankToNull(ctx.queryParam("category")),
                channel == null ? null : parseEnum(Channel.class, "channel", channel),
                blankToNull(ctx.queryParam("executor")),
                overdue == null ? null : Boolean.valueOf(overdue),
                blankToNull(ctx.queryParam("q")),
                time("from", ctx.queryParam("from"), zone),
                time("to", ctx.queryParam("to"), zone),
                integer("offset", ctx.queryParam("offset"), 0),
                integer("limit", ctx.queryParam("limit"), DEFAULT_LIMIT)));
        Caller caller = Caller.of(ctx);
        boolean citizenShown = citizenShown(caller);
        if (caller.isExecutor()) {
            if (filter.text() != null && !citizenShown) {
                // The text search looks in names and phones this executor may not see.
                throw Refusal.invalid("q", "this executor does not see citizens' data, and so cannot search by text");
            }
            filter = filter.ofExecutor(caller.executorId());
        }
        AppealSearch.Page page = search.find(filter, clock.instant());
        if (filter.text() != null && citizenShown) {
            audit.read(
                    Caller.of(ctx).name(),
                    AccessLog.Via.API,
                    AccessLog.Action.SEARCH,
                    page.items().stream().map(f -> f.appeal().number()).toList());
        }
        var out = new LinkedHashMap<String, Object>();
        out.put("total", page.total());
        out.put("offset", filter.offset());
        out.put("limit", filter.limit());
        out.put(
                "items",
                page.items().stream()
                        .map(f -> citizenShown ? item(f) : withoutCitizen(item(f)))
                        .toList());
        ctx.json(out);
    }

    private void details(Context ctx) {
        AppealNumber number = number(ctx);
        Caller caller = mine(ctx, number);
        var found = search.find(number, clock.instant()).orElseThrow(() -> Refusal.notFound("no appeal " + number));
        List<AppealSearch.HistoryEntry> history = search.history(number);
        boolean citizenShown = citizenShown(caller);
        if (citizenShown) {
            audit.read(caller.name(), AccessLog.Via.API, AccessLog.Action.DETAIL, number);
        }
        Map<String, Object> out = citizenShown ? item(found) : withoutCitizen(item(found));
        out.put("executorId", executors.executorOf(number).orElse(null));
        out.put("resolutionPhotos", ResolutionController.urls(number, resolutionPhotos.count(number)));
        out.putAll(RegisterController.fields(register, number));
        out.put("history", history.stream().map(AppealController::historyEntry).toList());
        ctx.json(out);
    }

    static Map<String, Object> item(AppealSearch.Found found) {
        Appeal a = found.appeal();
        var out = new LinkedHashMap<String, Object>();
        out.put("number", a.number().toString());
        out.put("status", a.status());
        out.put("category", a.categoryId());
        out.put("categoryName", a.categoryName());
        out.put("issueType", a.issueTypeId());
        out.put("issueTypeName", a.issueTypeName());
        out.put("executor", a.executor());
        out.put("channel", a.channel());
        out.put("createdAt", a.createdAt());
        out.put("receivedAt", a.createdAt());
        out.put("deadlineClass", a.deadlineClass());
        out.put("deadline", a.deadline());
        out.put("legalDeadline", a.legalDeadline());
        out.put("overdue", found.overdue());
        out.put("closedAt", found.closedAt());
        out.put("description", a.description());
        out.put("firstName", a.name().firstName());
        out.put("lastName", a.name().lastName());
        out.put("address", a.address());
        out.put("phone", a.phone().e164());
        var location = new LinkedHashMap<String, Object>();
        location.put("latitude", a.point() == null ? null : a.point().latitude());
        location.put("longitude", a.point() == null ? null : a.point().longitude());
        location.put("address", a.placeAddress());
        out.put("location", location);
        var photos = new ArrayList<Map<String, Object>>();
        for (int i = 0; i < a.photos().size(); i++) {
            photos.add(Map.of("index", i, "url", "/api/appeals/" + a.number() + "/photos/" + i));
        }
        out.put("photos", photos);
        out.put("rating", found.rating());
        return out;
    }

    private static Map<String, Object> historyEntry(AppealSearch.HistoryEntry h) {
        AppealEvent e = h.event();
        var out = new LinkedHashMap<String, Object>();
        out.put("id", e.id());
        out.put("at", e.at());
        out.put("kind", e.kind());
        out.put("from", e.from());
        out.put("to", e.to());
        out.put("actor", e.actor());
        out.put("note", e.note());
        if (h.push() != null) {
            var push = new LinkedHashMap<String, Object>();
            push.put("status", h.push().status());
            push.put("delivered", "SENT".equals(h.push().status()));
            push.put("attempts", h.push().attempts());
            push.put("lastError", h.push().lastError());
            push.put("at", h.push().sentAt());
            out.put("push", push);
        } else {
            out.put("push", null);
        }
        return out;
    }

    // ---- changes ---------------------------------------------------------------------------------

    private void changeStatus(Context ctx) {
        AppealNumber number = number(ctx);
        StatusRequest req = ApiJson.body(ctx, StatusRequest.class);
        Caller caller = mine(ctx, number);
        if (caller.isExecutor() && !ExecutorDesk.executorMayMoveTo(req.status())) {
            throw Refusal.forbidden(
                    "an executor takes an appeal into work (IN_PROGRESS), asks the citizen (NEEDS_INFO) "
                            + "or resolves it (RESOLVED); to hand it back use POST /api/appeals/{number}/return");
        }
        String actor = caller.name();
        OperatorDesk.StatusChanged changed =
                register.changeStatus(number, req.status(), req.comment(), req.outcome(), actor);
        var out = new LinkedHashMap<String, Object>();
        out.put("number", changed.number().toString());
        out.put("from", changed.from());
        out.put("to", changed.to());
        out.put("historyId", changed.eventId());
        out.put("pushed", changed.outboxId() != null);
        ctx.json(out);
    }

    private void create(Context ctx) {
        NewAppealRequest req = ApiJson.body(ctx, NewAppealRequest.class);
        IntakeChannel channel = register.channels().operatorChannel(req.channel());
        Channel kind = IntakeChannels.kind(channel);
        AppealIntake.Checked checked = AppealIntake.check(
                new AppealIntake.Form(
                        kind,
                        req.category(),
                        req.issueType(),
                        req.description(),
                        req.latitude(),
                        req.longitude(),
                        req.placeAddress(),
                        req.firstName(),
                        req.lastName(),
                        req.address(),
                        req.phone()),
                catalog,
                EnumSet.of(kind));
        if (!checked.problems().isEmpty()) {
            AppealIntake.Problem first = checked.problems().get(0);
            throw Refusal.invalid(fieldName(first.field()), message(first, req.category()));
        }
        NewAppeal appeal = checked.appeal().orElseThrow();
        AppealNumber earlier = earlier(req.earlierNumber());
        Classification classification = Register.validated(() -> new Classification(
                blankToNull(req.type()),
                blankToNull(req.form()),
                req.signatories(),
                blankToNull(req.sign()),
                earlier,
                req.citizenCategories(),
                req.questions() == null
                        ? List.of()
                        : req.questions().stream().map(Question::topic).toList(),
                null));
        var timeProblems = new ArrayList<String>();
        Instant receivedAt = AppealImport.time(blankToNull(req.receivedAt()), "receivedAt", zone, timeProblems);
        if (!timeProblems.isEmpty()) {
            throw Refusal.invalid("receivedAt", timeProblems.get(0));
        }
        String actor = Caller.of(ctx).name();
        Appeal saved = register.register(
                new Register.Intake(appeal, channel, receivedAt, classification, req.comment()), actor);
        var found = search.find(saved.number(), clock.instant()).orElseThrow();
        Map<String, Object> out = item(found);
        out.putAll(RegisterController.fields(register, saved.number()));
        ctx.status(201).json(out);
    }

    /** The earlier appeal a repeated one follows, from its number; null when none is given. */
    static AppealNumber earlier(String number) {
        if (number == null || number.isBlank()) {
            return null;
        }
        return AppealNumber.parse(number.strip())
                .orElseThrow(() -> Refusal.invalid(
                        "earlierNumber",
                        "earlierNumber: '" + number + "' is not an appeal number such as 2025-000123"));
    }

    /** The request's name of a field of the form. */
    private static String fieldName(AppealIntake.Field field) {
        return switch (field) {
            case CHANNEL -> "channel";
            case CATEGORY -> "category";
            case ISSUE_TYPE -> "issueType";
            case DESCRIPTION -> "description";
            case PLACE_ADDRESS -> "placeAddress";
            case POINT -> "latitude";
            case PLACE -> "placeAddress";
            case NAME -> "firstName";
            case ADDRESS -> "address";
            case PHONE -> "phone";
        };
    }

    /** The API's words for a problem of the form (the CSV import's too). */
    static String message(AppealIntake.Problem p, String category) {
        return switch (p.field()) {
            case CHANNEL ->
                "channel: " + (p.code().equals("messenger") ? "messenger appeals come from the bot" : "required");
            case CATEGORY ->
                p.code().equals("required")
                        ? "category: the category id is required"
                        : "category: no active category '" + p.detail() + "'";
            case ISSUE_TYPE -> "issueType: no active issue type '" + p.detail() + "' in " + category;
            case DESCRIPTION -> "description: " + RuleWords.of(p.text());
            case PLACE_ADDRESS -> "placeAddress: " + RuleWords.of(p.text());
            case ADDRESS -> "address: " + RuleWords.of(p.text());
            case POINT ->
                p.code().equals("required")
                        ? "latitude and longitude go together"
                        : "latitude/longitude: " + p.detail();
            case PLACE -> "the problem's place is missing: placeAddress, or latitude and longitude";
            case NAME ->
                "firstName and lastName: both required; letters, apostrophes, hyphens and spaces, up to "
                        + PersonName.MAX_PART + " characters each";
            case PHONE -> "phone: a Ukrainian number such as +380501234567 or 050 123 45 67 required";
        };
    }

    // ---- photos ------------------------------------------------------------------------------------

    private void photo(Context ctx) {
        AppealNumber number = number(ctx);
        int index = integer("photo index", ctx.pathParam("index"), 0);
        String size = ctx.queryParam("size");
        if (size != null && !size.equals("full") && !size.equals("thumbnail")) {
            throw Refusal.invalid("size", "size must be full or thumbnail");
        }
        Caller caller = mine(ctx, number);
        AppealPhotos.Photo photo = photos.fetch(number, index, "thumbnail".equals(size), PHOTO_RETRY);
        audit.read(caller.name(), AccessLog.Via.API, AccessLog.Action.PHOTO, number);
        ctx.contentType(photo.contentType()).result(photo.bytes());
    }

    // ---- executors' scope ----------------------------------------------------------------------------

    /** The caller, when the appeal is theirs to see: every appeal for staff, its own for an executor (404 otherwise). */
    private Caller mine(Context ctx, AppealNumber number) {
        Caller caller = Caller.of(ctx);
        if (caller.isExecutor()
                && executors
                        .executorOf(number)
                        .filter(id -> id.equals(caller.executorId()))
                        .isEmpty()) {
            throw Refusal.notFound("no appeal " + number);
        }
        return caller;
    }

    /** Whether the caller sees the citizen's name, address and phone: staff do; an executor where the admin allowed it. */
    private boolean citizenShown(Caller caller) {
        return !caller.isExecutor()
                || executors
                        .find(caller.executorId())
                        .map(Executor::showCitizen)
                        .orElse(false);
    }

    private static Map<String, Object> withoutCitizen(Map<String, Object> item) {
        item.remove("firstName");
        item.remove("lastName");
        item.remove("address");
        item.remove("phone");
        return item;
    }

    // ---- parameters ----------------------------------------------------------------------------------

    private static AppealNumber number(Context ctx) {
        String raw = ctx.pathParam("number");
        return AppealNumber.parse(raw)
                .orElseThrow(
                        () -> Refusal.invalid("number", "'" + raw + "' is not an appeal number such as 2026-000123"));
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String name, String value) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw Refusal.invalid(name, name + ": '" + value + "' is not one of " + List.of(type.getEnumConstants()));
        }
    }

    private static int integer(String name, String value, int fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n < 0) {
                throw Refusal.invalid(name, name + " must be 0 or more");
            }
            return n;
        } catch (NumberFormatException e) {
            throw Refusal.invalid(name, name + ": '" + value + "' is not a whole number");
        }
    }

    /** An ISO instant (2026-03-10T08:00:00Z) or a date (2026-03-10, the start of that day in the city). */
    private static Instant time(String name, String value, ZoneId zone) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return value.length() == 10
                    ? LocalDate.parse(value).atStartOfDay(zone).toInstant()
                    : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw Refusal.invalid(
                    name, name + ": '" + value + "' is neither a date (2026-03-10) nor a time (2026-03-10T08:00:00Z)");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
