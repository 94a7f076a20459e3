package ua.zvernennia.app.open311;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import ua.zvernennia.app.AppConfig;
import ua.zvernennia.app.api.RuleWords;
import ua.zvernennia.app.web.Failures;
import ua.zvernennia.app.web.RouteGroup;
import ua.zvernennia.app.web.RoutePattern;
import ua.zvernennia.core.appeal.Appeal;
import ua.zvernennia.core.appeal.AppealNumber;
import ua.zvernennia.core.appeal.AppealStatus;
import ua.zvernennia.core.appeal.NewAppeal;
import ua.zvernennia.core.appeal.PersonName;
import ua.zvernennia.core.appeal.PhotoRef;
import ua.zvernennia.core.appeal.TextProblem;
import ua.zvernennia.core.category.CategoryCatalog;
import ua.zvernennia.core.category.MenuEditor;
import ua.zvernennia.core.chat.Channel;
import ua.zvernennia.core.desk.AppealIntake;
import ua.zvernennia.core.open311.Open311Store;
import ua.zvernennia.core.refusal.Refusal;

/**
 * Open311 GeoReport v2 under {@code /open311/v2}, and its service discovery at
 * {@code /open311/discovery.{json,xml}}: the city's website, its mobile app and partner apps list
 * the services (the menu), file appeals with an API key an admin issued, and follow them. Every
 * resource answers in JSON or XML by its extension; errors are {@code [{code, description}]}
 * ({@code <errors><error>}). Appeals go through the same intake, deadlines and operator workflow
 * as those operators register; the public never sees the person's details, and sees the
 * description only where an operator made it public.
 */
public final class GeoReport implements RouteGroup {
    public static final String BASE = "/open311/v2";
    public static final String SPECIFICATION = "http://wiki.open311.org/GeoReport_v2";
    /** The default page size of GET requests, and the most one page may hold. */
    static final int PAGE_SIZE = 100;

    static final int MAX_PAGE_SIZE = 1000;
    /** GET requests without dates or ids cover the last 90 days, as the specification suggests. */
    static final Duration DEFAULT_SPAN = Duration.ofDays(90);

    static final String LAW_FIELDS =
            "first_name, last_name, phone and attribute[" + Services.CITIZEN_ADDRESS + "] (the citizen's home address) "
                    + "are required here, unlike in plain GeoReport v2: the law of Ukraine «Про звернення громадян» requires them on every appeal";
    private static final Set<AppealStatus> OPEN =
            EnumSet.of(AppealStatus.REGISTERED, AppealStatus.IN_PROGRESS, AppealStatus.NEEDS_INFO);
    private static final Set<AppealStatus> CLOSED = EnumSet.complementOf(EnumSet.copyOf(OPEN));

    private final CategoryCatalog catalog;
    private final MenuEditor menu;
    private final Open311Store store;
    private final WebRegistration registration;
    private final Clock clock;
    private final ZoneId zone;
    private final AppConfig.Web settings;
    private final RateLimit perKey;
    private final Instant started;

    /**
     * @param catalog the active menu: the services
     * @param menu    its recorded changes: the services' changeset
     * @param zone    the city's time zone, of the times shown
     */
    public GeoReport(
            CategoryCatalog catalog,
            MenuEditor menu,
            Open311Store store,
            WebRegistration registration,
            Clock clock,
            ZoneId zone,
            AppConfig.Web settings) {
        this.catalog = catalog;
        this.menu = menu;
        this.store = store;
        this.registration = registration;
        this.clock = clock;
        this.zone = zone;
        this.settings = settings;
        this.perKey = new RateLimit(clock, Duration.ofMinutes(1));
        this.started = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    @Override
    public void routes(RoutesConfig app) {
        for (Format f : Format.values()) {
            app.get("/open311/discovery." + f.extension, handle(f, this::discovery));
            app.get(BASE + "/services." + f.extension, handle(f, this::services));
            app.get(BASE + "/requests." + f.extension, handle(f, this::requests));
            app.post(BASE + "/requests." + f.extension, handle(f, this::create));
        }
        app.get(BASE + "/services/{file}", ctx -> byFile(ctx, this::definition));
        app.get(BASE + "/requests/{file}", ctx -> byFile(ctx, this::request));
        // Registered after the resources, so that only what none of them matched gets here.
        Handler unknown = ctx -> write(
                ctx,
                Format.of(ctx.path()).orElse(Format.JSON),
                new Open311Error(404, "no such GeoReport v2 resource: " + ctx.path()));
        app.get("/open311/*", unknown);
        app.post("/open311/*", unknown);
    }

    /** What a resource answers: the root element's name and the body. */
    private record Answer(int status, String root, Object body) {}

    @FunctionalInterface
    private interface Resource {
        Answer answer(Context ctx, Format format);
    }

    @FunctionalInterface
    private interface FileResource {
        Answer answer(Context ctx, Format format, String id);
    }

    private Handler handle(Format format, Resource resource) {
        return ctx -> respond(ctx, format, () -> resource.answer(ctx, format));
    }

    private void byFile(Context ctx, FileResource resource) {
        String file = ctx.pathParam("file");
        Optional<Format> format = Format.of(file);
        if (format.isEmpty()) {
            write(
                    ctx,
                    Format.JSON,
                    new Open311Error(404, "add the format to the resource: " + file + ".json or " + file + ".xml"));
            return;
        }
        respond(
                ctx,
                format.get(),
                () -> resource.answer(ctx, format.get(), format.get().strip(file)));
    }

    private void respond(Context ctx, Format format, java.util.function.Supplier<Answer> answer) {
        try {
            Answer a = answer.get();
            ctx.status(a.status()).contentType(format.contentType).result(format.write(a.root(), a.body()));
        } catch (Open311Error e) {
            write(ctx, format, e);
        } catch (RuntimeException e) {
            String id = Failures.logged("Open311 request " + ctx.method() + " " + RoutePattern.of(ctx), e);
            write(ctx, format, new Open311Error(500, "internal error; error id " + id));
        }
    }

    private void write(Context ctx, Format format, Open311Error e) {
        var errors = new ArrayList<Map<String, Object>>();
        for (String d : e.descriptions) {
            var error = new LinkedHashMap<String, Object>();
            error.put("code", e.status);
            error.put("description", d);
            errors.add(error);
        }
        ctx.status(e.status).contentType(format.contentType).result(format.write("errors", errors));
    }

    // ---- discovery and services ---------------------------------------------------------------------

    private Answer discovery(Context ctx, Format format) {
        var endpoint = new LinkedHashMap<String, Object>();
        endpoint.put("specification", SPECIFICATION);
        endpoint.put("url", origin(ctx) + BASE);
        endpoint.put("changeset", time(changeset()));
        endpoint.put("type", "production");
        endpoint.put("formats", List.of("text/xml", "application/json"));
        var out = new LinkedHashMap<String, Object>();
        out.put("changeset", time(changeset()));
        out.put(
                "contact",
                settings.contact() + ". " + LAW_FIELDS + ". Status notes are the appeal's detailed status; "
                        + "media_url of requests stays absent until executors' photos of the result are published.");
        out.put("key_service", settings.accessInfo());
        out.put("endpoints", List.of(endpoint));
        return new Answer(200, "discovery", out);
    }

    /** The last change of the menu (services and their definitions), or the start of the app. */
    private Instant changeset() {
        Instant last =
                menu.changes(null, 1).stream().map(c -> c.at()).findFirst().orElse(started);
        return last.isAfter(started) ? last : started;
    }

    private Answer services(Context ctx, Format format) {
        jurisdiction(ctx);
        return new Answer(
                200,
                "services",
                Services.active(catalog).stream().map(Services::listed).toList());
    }

    private Answer definition(Context ctx, Format format, String code) {
        jurisdiction(ctx);
        Services.Service s = Services.find(catalog, code)
                .orElseThrow(() -> new Open311Error(404, "service_code " + code + " was not found"));
        return new Answer(200, "service_definition", Services.definition(s));
    }

    // ---- filing ----------------------------------------------------------------------------------

    private Answer create(Context ctx, Format format) {
        jurisdiction(ctx);
        String apiKey = param(ctx, "api_key");
        if (apiKey == null) {
            throw new Open311Error(403, "api_key was not provided");
        }
        Open311Store.Key key = store.findActiveKey(apiKey)
                .orElseThrow(() -> new Open311Error(403, "api_key is not valid (unknown or revoked)"));
        if (!perKey.tryAcquire("key-" + key.id(), key.perMinute())) {
            throw new Open311Error(
                    429, "too many requests with this api_key: at most " + key.perMinute() + " a minute");
        }
        String code = param(ctx, "service_code");
        if (code == null) {
            throw new Open311Error(400, "service_code was not provided");
        }
        Services.Service service = Services.find(catalog, code)
                .orElseThrow(() -> new Open311Error(404, "service_code " + code + " was not found"));
        var problems = new ArrayList<String>();
        Double lat = coordinate(ctx, "lat", problems);
        Double lon = coordinate(ctx, "long", problems);
        List<PhotoRef> photos = media(param(ctx, "media_url"), problems);
        var form = new AppealIntake.Form(
                Channel.WEB,
                service.category().id(),
                service.issueTypeId(),
                param(ctx, "description"),
                lat,
                lon,
                param(ctx, "address_string"),
                param(ctx, "first_name"),
                param(ctx, "last_name"),
                param(ctx, "attribute[" + Services.CITIZEN_ADDRESS + "]"),
                param(ctx, "phone"));
        AppealIntake.Checked checked = AppealIntake.check(form, catalog, Set.of(Channel.WEB));
        checked.problems().forEach(p -> problems.add(message(p)));
        if (!problems.isEmpty()) {
            throw new Open311Error(400, problems);
        }
        NewAppeal a = checked.appeal().orElseThrow();
        NewAppeal appeal = new NewAppeal(
                a.channel(),
                null,
                a.category(),
                a.issueTypeId(),
                a.description(),
                photos,
                a.point(),
                a.placeAddress(),
                a.name(),
                a.address(),
                a.phone());
        Appeal saved;
        try {
            saved = registration.register(
                    appeal, key.name(), key.source(), "надійшло через Open311 від «" + key.source() + "»");
        } catch (Refusal e) {
            throw new Open311Error(400, e.getMessage());
        }
        var out = new LinkedHashMap<String, Object>();
        out.put("service_request_id", saved.number().toString());
        out.put("service_notice", notice(saved, zone));
        out.put("account_id", null);
        return new Answer(201, "service_requests", List.of(out));
    }

    /** What the citizen is told when the appeal is registered: the number and the deadlines. */
    public static String notice(Appeal a, ZoneId zone) {
        DateTimeFormatter f = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");
        return Open311Texts.get(
                "registered",
                a.number().toString(),
                f.format(a.deadline().atZone(zone)),
                f.format(a.legalDeadline().atZone(zone)));
    }

    private static Double coordinate(Context ctx, String name, List<String> problems) {
        String raw = param(ctx, name);
        if (raw == null) {
            return null;
        }
        try {
            return Double.valueOf(raw);
        } catch (NumberFormatException e) {
            problems.add(name + ": '" + raw + "' is not a number (WGS84 degrees)");
            return null;
        }
    }

    private static List<PhotoRef> media(String url, List<String> problems) {
        if (url == null) {
            return List.of();
        }
        try {
            URI uri = URI.create(url);
            if (("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
                    && uri.getHost() != null
                    && url.length() <= 512) {
                return List.of(new PhotoRef(url, ""));
            }
        } catch (IllegalArgumentException e) {
            // told below
        }
        problems.add("media_url: an http(s) URL of at most 512 characters");
        return List.of();
    }

    private static String message(AppealIntake.Problem p) {
        return switch (p.field()) {
            case CHANNEL, CATEGORY, ISSUE_TYPE -> "service_code is not an active service";
            case DESCRIPTION -> "description: " + RuleWords.of(p.text());
            case PLACE_ADDRESS -> "address_string: " + RuleWords.of(p.text());
            case POINT -> p.code().equals("required") ? "lat and long go together" : "lat/long: " + p.detail();
            case PLACE -> "the location is missing: lat and long, or address_string";
            case NAME ->
                (p.code().equals("required")
                        ? "first_name and last_name were not provided: " + LAW_FIELDS
                        : "first_name and last_name: letters, apostrophes, hyphens and spaces, up to "
                                + PersonName.MAX_PART + " characters each");
            case ADDRESS ->
                p.text() == TextProblem.EMPTY
                        ? "attribute[" + Services.CITIZEN_ADDRESS + "] was not provided: " + LAW_FIELDS
                        : "attribute[" + Services.CITIZEN_ADDRESS + "]: " + RuleWords.of(p.text());
            case PHONE ->
                p.code().equals("required")
                        ? "phone was not provided: " + LAW_FIELDS
                        : "phone: a Ukrainian number such as +380501234567 or 050 123 45 67";
        };
    }

    // ---- following -------------------------------------------------------------------------------

    private Answer requests(Context ctx, Format format) {
        jurisdiction(ctx);
        var problems = new ArrayList<String>();
        List<String> numbers = new ArrayList<>();
        for (String id : list(param(ctx, "service_request_id"))) {
            Optional<AppealNumber> n = AppealNumber.parse(id);
            if (n.isEmpty()) {
                problems.add("service_request_id: '" + id + "' is not a request id such as 2026-000123");
            } else {
                numbers.add(n.get().toString());
            }
        }
        Set<String> categories = new HashSet<>();
        Set<Map.Entry<String, String>> issueTypes = new HashSet<>();
        for (String code : list(param(ctx, "service_code"))) {
            int dot = code.indexOf('.');
            if (dot < 0) {
                categories.add(code);
            } else {
                issueTypes.add(Map.entry(code.substring(0, dot), code.substring(dot + 1)));
            }
        }
        Set<AppealStatus> statuses = EnumSet.noneOf(AppealStatus.class);
        for (String s : list(param(ctx, "status"))) {
            switch (s) {
                case "open" -> statuses.addAll(OPEN);
                case "closed" -> statuses.addAll(CLOSED);
                default -> problems.add("status: '" + s + "' is neither open nor closed");
            }
        }
        Instant from = date(ctx, "start_date", problems);
        Instant to = date(ctx, "end_date", problems);
        int page = positive(ctx, "page", 1, Integer.MAX_VALUE, problems);
        int size = positive(ctx, "page_size", PAGE_SIZE, MAX_PAGE_SIZE, problems);
        if (!problems.isEmpty()) {
            throw new Open311Error(400, problems);
        }
        if (numbers.isEmpty() && from == null && to == null) {
            from = clock.instant().minus(DEFAULT_SPAN);
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw new Open311Error(400, "start_date must be before end_date");
        }
        long offset = (long) (page - 1) * size;
        if (offset > Integer.MAX_VALUE) {
            throw new Open311Error(400, "page is too far");
        }
        var query = new Open311Store.Query(numbers, categories, issueTypes, statuses, from, to, (int) offset, size);
        List<Open311Store.Request> found = store.requests(query);
        return new Answer(
                200, "service_requests", found.stream().map(this::shown).toList());
    }

    private Answer request(Context ctx, Format format, String id) {
        jurisdiction(ctx);
        AppealNumber number = AppealNumber.parse(id)
                .orElseThrow(() -> new Open311Error(404, "service_request_id " + id + " was not found"));
        Open311Store.Request r = store.find(number)
                .orElseThrow(() -> new Open311Error(404, "service_request_id " + id + " was not found"));
        return new Answer(200, "service_requests", List.of(shown(r)));
    }

    /** A request as the public sees it: never the person's name, phone or home address. */
    private Map<String, Object> shown(Open311Store.Request r) {
        Appeal a = r.appeal();
        var out = new LinkedHashMap<String, Object>();
        out.put("service_request_id", a.number().toString());
        out.put("status", a.status().isClosed() ? "closed" : "open");
        out.put("status_notes", Open311Texts.get("status." + a.status().name()));
        out.put("service_name", a.issueTypeName() != null ? a.issueTypeName() : a.categoryName());
        out.put("service_code", Services.code(a.categoryId(), a.issueTypeId()));
        out.put("description", r.descriptionPublic() ? a.description() : null);
        out.put("agency_responsible", a.executor());
        out.put("service_notice", Open311Texts.get("legal.deadline", time(a.legalDeadline())));
        out.put("requested_datetime", time(a.createdAt()));
        out.put("updated_datetime", time(r.updatedAt()));
        out.put("expected_datetime", time(a.deadline()));
        out.put("address", a.placeAddress());
        out.put("address_id", null);
        out.put("zipcode", null);
        out.put("lat", a.point() == null ? null : a.point().latitude());
        out.put("long", a.point() == null ? null : a.point().longitude());
        // media_url: only for published photos of the result, which do not exist yet.
        return out;
    }

    // ---- parameters ----------------------------------------------------------------------------------

    /** A jurisdiction_id, when given, must be the configured one. */
    private void jurisdiction(Context ctx) {
        String given = param(ctx, "jurisdiction_id");
        if (given != null && !settings.jurisdictionId().map(given::equals).orElse(false)) {
            throw new Open311Error(404, "jurisdiction_id " + given + " was not found");
        }
    }

    private static String param(Context ctx, String name) {
        String v = ctx.method().name().equals("POST") ? ctx.formParam(name) : null;
        if (v == null) {
            v = ctx.queryParam(name);
        }
        return v == null || v.isBlank() ? null : v.strip();
    }

    private static List<String> list(String value) {
        if (value == null) {
            return List.of();
        }
        var out = new LinkedHashSet<String>();
        for (String s : value.split(",")) {
            if (!s.isBlank()) {
                out.add(s.strip());
            }
        }
        return List.copyOf(out);
    }

    private static Instant date(Context ctx, String name, List<String> problems) {
        String raw = param(ctx, name);
        if (raw == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(raw).toInstant();
        } catch (DateTimeParseException e) {
            problems.add(name + ": '" + raw + "' is not a W3C date-time such as 2026-03-10T08:15:30+02:00");
            return null;
        }
    }

    private static int positive(Context ctx, String name, int fallback, int max, List<String> problems) {
        String raw = param(ctx, name);
        if (raw == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(raw);
            if (n >= 1 && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // told below
        }
        problems.add(name + ": a whole number 1.." + max);
        return fallback;
    }

    private String time(Instant t) {
        return t.truncatedTo(ChronoUnit.SECONDS)
                .atZone(zone)
                .toOffsetDateTime()
                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    /** The scheme and host the client used (behind a proxy: its X-Forwarded-Proto). */
    static String origin(Context ctx) {
        String proto = ctx.header("X-Forwarded-Proto");
        String scheme = "https".equalsIgnoreCase(proto) ? "https" : ctx.scheme();
        String host = ctx.host();
        return scheme + "://" + (host == null ? "localhost" : host);
    }
}
