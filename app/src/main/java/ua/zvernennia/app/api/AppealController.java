package ua.zvernennia.app.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
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
import ua.zvernennia.core.appeal.Appeal;
import ua.zvernennia.core.appeal.AppealEvent;
import ua.zvernennia.core.appeal.AppealNumber;
import ua.zvernennia.core.appeal.AppealStatus;
import ua.zvernennia.core.appeal.NewAppeal;
import ua.zvernennia.core.appeal.PersonName;
import ua.zvernennia.core.appeal.TextRules;
import ua.zvernennia.core.chat.Channel;
import ua.zvernennia.core.desk.AppealIntake;
import ua.zvernennia.core.desk.OperatorDesk;
import ua.zvernennia.core.desk.Refusal;
import ua.zvernennia.core.register.Classification;
import ua.zvernennia.core.register.IntakeChannel;
import ua.zvernennia.app.register.Register;
import ua.zvernennia.app.privacy.AccessLog;
import ua.zvernennia.storage.AppealSearch;

/**
 * {@code /api/appeals}: operators list and read appeals with their history, change their status
 * (the citizen gets a push), register appeals taken by phone, e-mail, hotline or in person, and
 * see the photos citizens sent.
 */
final class AppealController {
    private static final int DEFAULT_LIMIT = 50;
    private static final Set<String> LIST_PARAMS = Set.of("status", "category", "channel", "executor", "overdue", "q",
            "from", "to", "offset", "limit");

    /** @param outcome how the appeal was decided (a classifier's outcome code), when it is closed; optional */
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
     * The channel is a code of {@code GET /api/channels}; {@code receivedAt} (ISO time, null: now)
     * and the register's fields are optional.
     */
    record NewAppealRequest(String channel, String category, String issueType, String description, Double latitude,
                            Double longitude, String placeAddress, String firstName, String lastName, String address,
                            String phone, String comment, String receivedAt, List<Question> questions, String type, String form,
                            Integer signatories, String sign, String earlierNumber, List<String> citizenCategories) {
        NewAppealRequest {
            if (category == null || category.isBlank()) {
                throw new IllegalArgumentException("category: the category id is required");
            }
            if ((latitude == null) != (longitude == null)) {
                throw new IllegalArgumentException("latitude and longitude go together");
            }
        }
    }

    private AppealController() {
    }

    static void register(RoutesConfig app, Api.Deps deps) {
        app.get("/api/appeals", ctx -> list(ctx, deps), Role.OPERATOR);
        app.post("/api/appeals", ctx -> create(ctx, deps), Role.OPERATOR);
        app.get("/api/appeals/{number}", ctx -> details(ctx, deps), Role.OPERATOR);
        app.post("/api/appeals/{number}/status", ctx -> changeStatus(ctx, deps), Role.OPERATOR);
        app.get("/api/appeals/{number}/photos/{index}", ctx -> photo(ctx, deps), Role.OPERATOR);
        app.exception(Refusal.class, (e, ctx) -> Api.error(ctx, switch (e.kind()) {
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case BAD_INPUT -> 400;
        }, e.getMessage()));
    }

    // ---- reading -------------------------------------------------------------------------------

    private static void list(Context ctx, Api.Deps deps) {
        for (String name : ctx.queryParamMap().keySet()) {
            if (!LIST_PARAMS.contains(name)) {
                throw ApiException.badRequest("unknown query parameter '" + name + "'; known: " + new java.util.TreeSet<>(LIST_PARAMS));
            }
        }
        ZoneId zone = deps.zone();
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
            throw ApiException.badRequest("overdue must be true or false");
        }
        String channel = ctx.queryParam("channel");
        var filter = new AppealSearch.Filter(statuses, blankToNull(ctx.queryParam("category")),
                channel == null ? null : parseEnum(Channel.class, "channel", channel), blankToNull(ctx.queryParam("executor")),
                overdue == null ? null : Boolean.valueOf(overdue), blankToNull(ctx.queryParam("q")),
                time("from", ctx.queryParam("from"), zone), time("to", ctx.queryParam("to"), zone),
                integer("offset", ctx.queryParam("offset"), 0), integer("limit", ctx.queryParam("limit"), DEFAULT_LIMIT));
        Instant now = deps.clock().instant();
        AppealSearch.Page page = deps.storage().read(s -> s.appealSearch().find(filter, now));
        if (filter.text() != null) {
            deps.audit().read(Caller.of(ctx).name(), AccessLog.Via.API, AccessLog.Action.SEARCH,
                    page.items().stream().map(f -> f.appeal().number()).toList());
        }
        var out = new LinkedHashMap<String, Object>();
        out.put("total", page.total());
        out.put("offset", filter.offset());
        out.put("limit", filter.limit());
        out.put("items", page.items().stream().map(AppealController::item).toList());
        ctx.json(out);
    }

    private static void details(Context ctx, Api.Deps deps) {
        AppealNumber number = number(ctx);
        Instant now = deps.clock().instant();
        var found = deps.storage().read(s -> s.appealSearch().find(number, now))
                .orElseThrow(() -> ApiException.notFound("no appeal " + number));
        List<AppealSearch.HistoryEntry> history = deps.storage().read(s -> s.appealSearch().history(number));
        deps.audit().read(Caller.of(ctx).name(), AccessLog.Via.API, AccessLog.Action.DETAIL, number);
        Map<String, Object> out = item(found);
        out.putAll(registerFields(deps, number));
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

    private static void changeStatus(Context ctx, Api.Deps deps) {
        AppealNumber number = number(ctx);
        StatusRequest req = ApiJson.body(ctx, StatusRequest.class);
        String actor = Caller.of(ctx).name();
        String outcome = blankToNull(req.outcome());
        if (outcome != null && !req.status().isClosed()) {
            throw ApiException.badRequest("outcome: only when the appeal is closed (RESOLVED or REJECTED)");
        }
        OperatorDesk.StatusChanged changed = deps.storage().write(s -> {
            OperatorDesk.StatusChanged c = deps.desk().changeStatus(s, number, req.status(), req.comment(), actor);
            deps.register().recordOutcome(s, number, outcome, actor);
            return c;
        });
        var out = new LinkedHashMap<String, Object>();
        out.put("number", changed.number().toString());
        out.put("from", changed.from());
        out.put("to", changed.to());
        out.put("historyId", changed.eventId());
        out.put("pushed", changed.outboxId() != null);
        ctx.json(out);
    }

    private static void create(Context ctx, Api.Deps deps) {
        NewAppealRequest req = ApiJson.body(ctx, NewAppealRequest.class);
        IntakeChannel channel = deps.register().operatorChannel(req.channel());
        Channel kind = Register.kind(channel);
        AppealIntake.Checked checked = AppealIntake.check(new AppealIntake.Form(kind, req.category(), req.issueType(),
                req.description(), req.latitude(), req.longitude(), req.placeAddress(), req.firstName(), req.lastName(),
                req.address(), req.phone()), deps.storage().categories(), EnumSet.of(kind));
        if (!checked.problems().isEmpty()) {
            throw ApiException.badRequest(message(checked.problems().get(0), req.category()));
        }
        NewAppeal appeal = checked.appeal().orElseThrow();
        Classification classification = new Classification(blankToNull(req.type()), blankToNull(req.form()), req.signatories(),
                blankToNull(req.sign()), earlier(req.earlierNumber()), req.citizenCategories(),
                req.questions() == null ? List.of() : req.questions().stream().map(Question::topic).toList(), null);
        String actor = Caller.of(ctx).name();
        var timeProblems = new ArrayList<String>();
        Instant receivedAt = AppealImport.time(blankToNull(req.receivedAt()), "receivedAt", deps.zone(), timeProblems);
        if (!timeProblems.isEmpty()) {
            throw ApiException.badRequest(timeProblems.get(0));
        }
        Appeal saved = deps.register().register(new Register.Intake(appeal, channel, receivedAt, classification, req.comment()), actor);
        Instant now = deps.clock().instant();
        var found = deps.storage().read(s -> s.appealSearch().find(saved.number(), now)).orElseThrow();
        Map<String, Object> out = item(found);
        out.putAll(registerFields(deps, saved.number()));
        ctx.status(201).json(out);
    }

    static AppealNumber earlier(String number) {
        if (number == null || number.isBlank()) {
            return null;
        }
        return AppealNumber.parse(number).orElseThrow(() -> ApiException.badRequest(
                "earlierNumber: '" + number + "' is not an appeal number such as 2025-000123"));
    }

    /** The register's fields of an appeal, as the API shows them. */
    static Map<String, Object> registerFields(Api.Deps deps, AppealNumber number) {
        var out = new LinkedHashMap<String, Object>();
        deps.register().entry(number).ifPresent(e -> {
            Classification c = e.classification();
            out.put("channelCode", e.channelCode());
            out.put("registeredAt", e.registeredAt());
            out.put("questions", c.questions().stream().map(q -> Map.of("topic", q,
                    "name", deps.register().classifier().topic(q).map(t -> t.name()).orElse(q))).toList());
            out.put("type", c.type());
            out.put("form", c.form());
            out.put("signatories", c.signatories());
            out.put("sign", c.sign());
            out.put("earlierNumber", c.earlier() == null ? null : c.earlier().toString());
            out.put("citizenCategories", c.citizenCategories());
            out.put("outcome", c.outcome());
        });
        return out;
    }

    /** The API's words for a problem of the form. */
    static String message(AppealIntake.Problem p, String category) {
        return switch (p.field()) {
            case CHANNEL -> "channel: " + (p.code().equals("messenger") ? "messenger appeals come from the bot" : "required");
            case CATEGORY -> p.code().equals("required") ? "category: the category id is required" : "category: no active category '" + p.detail() + "'";
            case ISSUE_TYPE -> "issueType: no active issue type '" + p.detail() + "' in " + category;
            case DESCRIPTION -> "description: " + RuleWords.of(p.code(), TextRules.MIN_DESCRIPTION, TextRules.MAX_DESCRIPTION);
            case PLACE_ADDRESS -> "placeAddress: " + RuleWords.of(p.code(), TextRules.MIN_ADDRESS, TextRules.MAX_ADDRESS);
            case ADDRESS -> "address: " + RuleWords.of(p.code(), TextRules.MIN_ADDRESS, TextRules.MAX_ADDRESS);
            case POINT -> p.code().equals("required") ? "latitude and longitude go together" : "latitude/longitude: " + p.detail();
            case PLACE -> "the problem's place is missing: placeAddress, or latitude and longitude";
            case NAME -> "firstName and lastName: both required; letters, apostrophes, hyphens and spaces, up to "
                    + PersonName.MAX_PART + " characters each";
            case PHONE -> "phone: a Ukrainian number such as +380501234567 or 050 123 45 67 required";
        };
    }

    // ---- photos ------------------------------------------------------------------------------------

    private static void photo(Context ctx, Api.Deps deps) {
        AppealNumber number = number(ctx);
        int index = integer("photo index", ctx.pathParam("index"), 0);
        String size = ctx.queryParam("size");
        if (size != null && !size.equals("full") && !size.equals("thumbnail")) {
            throw ApiException.badRequest("size must be full or thumbnail");
        }
        AppealPhotos.Photo photo;
        try {
            photo = AppealPhotos.fetch(deps, number, index, "thumbnail".equals(size));
            deps.audit().read(Caller.of(ctx).name(), AccessLog.Via.API, AccessLog.Action.PHOTO, number);
        } catch (ApiException e) {
            if (e.status() == 503) {
                ctx.header("Retry-After", "5");
            }
            throw e;
        }
        ctx.contentType(photo.contentType()).result(photo.bytes());
    }

    // ---- parameters ----------------------------------------------------------------------------------

    private static AppealNumber number(Context ctx) {
        String raw = ctx.pathParam("number");
        return AppealNumber.parse(raw).orElseThrow(() -> ApiException.badRequest("'" + raw + "' is not an appeal number such as 2026-000123"));
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String name, String value) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(name + ": '" + value + "' is not one of " + List.of(type.getEnumConstants()));
        }
    }

    private static int integer(String name, String value, int fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n < 0) {
                throw ApiException.badRequest(name + " must be 0 or more");
            }
            return n;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(name + ": '" + value + "' is not a whole number");
        }
    }

    /** An ISO instant (2026-03-10T08:00:00Z) or a date (2026-03-10, the start of that day in the city). */
    private static Instant time(String name, String value, ZoneId zone) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(zone).toInstant() : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(name + ": '" + value + "' is neither a date (2026-03-10) nor a time (2026-03-10T08:00:00Z)");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
