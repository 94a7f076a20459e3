package ua.zvernennia.app.publicweb;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ua.zvernennia.app.AppConfig;
import ua.zvernennia.app.open311.RateLimit;
import ua.zvernennia.app.open311.WebRegistration;
import ua.zvernennia.app.web.Failures;
import ua.zvernennia.app.web.Multipart;
import ua.zvernennia.app.web.RouteGroup;
import ua.zvernennia.core.appeal.Appeal;
import ua.zvernennia.core.appeal.NewAppeal;
import ua.zvernennia.core.appeal.PhotoRef;
import ua.zvernennia.core.appeal.TextRules;
import ua.zvernennia.core.category.Category;
import ua.zvernennia.core.category.CategoryCatalog;
import ua.zvernennia.core.category.IssueType;
import ua.zvernennia.core.chat.Channel;
import ua.zvernennia.core.desk.AppealIntake;

/**
 * The public web form at {@code /public/new} for citizens without a messenger: the law's fields,
 * consent, a point on the map (Leaflet, served by the app itself) or an address, photos. It goes
 * through the same intake, deadlines and operator workflow as every other appeal, and shows the
 * number and the deadlines. A hidden field no person fills in turns bots away; each client
 * (address) may file a few appeals an hour.
 */
public final class PublicForm implements RouteGroup {
    public static final String PATH = "/public/new";
    /** Where the appeals the form files come from. */
    public static final String SOURCE = "вебформа";

    static final String HONEYPOT = "website";
    private static final Logger log = LoggerFactory.getLogger(PublicForm.class);
    private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(ContentType.Html);
    private static final String LEAFLET = "/META-INF/resources/webjars/leaflet/1.9.4/dist/";
    private static final Map<String, String> LEAFLET_FILES = Map.of(
            "leaflet.js", "text/javascript; charset=utf-8",
            "leaflet.css", "text/css; charset=utf-8",
            "images/marker-icon.png", "image/png",
            "images/marker-icon-2x.png", "image/png",
            "images/marker-shadow.png", "image/png",
            "images/layers.png", "image/png",
            "images/layers-2x.png", "image/png");
    private static final Map<String, String> OWN_FILES = Map.of(
            "public.css", "text/css; charset=utf-8",
            "public.js", "text/javascript; charset=utf-8");

    /** One choice of the form's list of directions: a category, or one of its issue types. */
    public record Option(String value, String label) {}

    /** A category with its choices, for an {@code <optgroup>}. */
    public record Group(String label, List<Option> options) {}

    /** What the form page shows: the choices, what was typed, what did not fit, the map's settings. */
    public record FormView(
            List<Group> groups,
            Map<String, String> values,
            Map<String, String> errors,
            String tileUrl,
            String tileAttribution,
            double mapLatitude,
            double mapLongitude,
            int mapZoom) {
        public String value(String name) {
            return values.getOrDefault(name, "");
        }

        public String error(String name) {
            return errors.get(name);
        }

        public boolean selected(String option) {
            return option.equals(values.get("service"));
        }
    }

    /** What the citizen is told once the appeal is registered. */
    public record DoneView(String number, String deadline, String legalDeadline) {}

    private final CategoryCatalog catalog;
    private final WebRegistration registration;
    private final ZoneId zone;
    private final AppConfig.Web settings;
    private final WebPhotos photos;
    private final RateLimit perClient;
    private final Properties messages;
    private final String csp;

    /**
     * @param catalog the active menu: the form's directions
     * @param zone    the city's time zone, of the deadlines shown
     * @param photos  where the form's photos are kept
     */
    public PublicForm(
            CategoryCatalog catalog,
            WebRegistration registration,
            Clock clock,
            ZoneId zone,
            AppConfig.Web settings,
            WebPhotos photos) {
        this.catalog = catalog;
        this.registration = registration;
        this.zone = zone;
        this.settings = settings;
        this.photos = photos;
        this.perClient = new RateLimit(clock, Duration.ofHours(1));
        this.messages = messages();
        var origin = java.util.regex.Pattern.compile("^(https?://[^/]+)").matcher(settings.tileUrl());
        String tileOrigin = origin.find() ? origin.group(1).replace("{s}", "*") : "'none'";
        this.csp = "default-src 'self'; img-src 'self' data: blob: " + tileOrigin
                + "; script-src 'self'; style-src 'self'; "
                + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    }

    @Override
    public void routes(RoutesConfig app) {
        app.before("/public/*", this::headers);
        app.get(PATH, this::blank);
        app.post(PATH, this::submit);
        for (var f : LEAFLET_FILES.entrySet()) {
            byte[] bytes = resource(LEAFLET + f.getKey());
            app.get(
                    "/public/static/leaflet/" + f.getKey(),
                    ctx -> ctx.contentType(f.getValue())
                            .header("Cache-Control", "public, max-age=86400")
                            .result(bytes));
        }
        for (var f : OWN_FILES.entrySet()) {
            byte[] bytes = resource("/publicweb/static/" + f.getKey());
            app.get(
                    "/public/static/" + f.getKey(),
                    ctx -> ctx.contentType(f.getValue())
                            .header("Cache-Control", "public, max-age=300")
                            .result(bytes));
        }
    }

    private void headers(Context ctx) {
        ctx.header("Content-Security-Policy", csp);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("X-Frame-Options", "DENY");
    }

    private void blank(Context ctx) {
        show(ctx, 200, Map.of(), Map.of());
    }

    private void show(Context ctx, int status, Map<String, String> values, Map<String, String> errors) {
        var view = new FormView(
                groups(),
                values,
                errors,
                settings.tileUrl(),
                settings.tileAttribution(),
                settings.mapLatitude(),
                settings.mapLongitude(),
                settings.mapZoom());
        ctx.header("Cache-Control", "no-store");
        ctx.status(status).contentType("text/html; charset=utf-8").result(render("web-form.jte", Map.of("view", view)));
    }

    private List<Group> groups() {
        var out = new ArrayList<Group>();
        for (Category c : catalog.active()) {
            var options = new ArrayList<Option>();
            options.add(new Option(c.id(), c.nameUk() + (c.activeIssueTypes().isEmpty() ? "" : " — інше")));
            for (IssueType t : c.activeIssueTypes()) {
                options.add(new Option(c.id() + "." + t.id(), t.nameUk()));
            }
            out.add(new Group(c.nameUk(), options));
        }
        return out;
    }

    private void submit(Context ctx) {
        if (!Multipart.readable(ctx)) {
            log.info("web form: a body that could not be read as a form was turned away");
            show(ctx, 400, Map.of(), Map.of("form", word("unreadable")));
            return;
        }
        var values = new LinkedHashMap<String, String>();
        for (String name : List.of(
                "service",
                "description",
                "place_address",
                "lat",
                "lon",
                "first_name",
                "last_name",
                "address",
                "phone",
                "consent")) {
            String v = ctx.formParam(name);
            values.put(name, v == null ? "" : v.strip());
        }
        if (!blank(ctx.formParam(HONEYPOT))) {
            log.info("web form: a submission with the hidden field filled in was turned away");
            show(ctx, 400, values, Map.of("form", word("refused")));
            return;
        }
        var errors = new LinkedHashMap<String, String>();
        String service = values.get("service");
        String category = service;
        String issueType = null;
        int dot = service.indexOf('.');
        if (dot >= 0) {
            category = service.substring(0, dot);
            issueType = service.substring(dot + 1);
        }
        Double lat = number(values.get("lat"));
        Double lon = number(values.get("lon"));
        if ((!values.get("lat").isEmpty() && lat == null) || (!values.get("lon").isEmpty() && lon == null)) {
            errors.put("point", word("point.invalid"));
        }
        var form = new AppealIntake.Form(
                Channel.WEB,
                category,
                issueType,
                values.get("description"),
                lat,
                lon,
                values.get("place_address"),
                values.get("first_name"),
                values.get("last_name"),
                values.get("address"),
                values.get("phone"));
        AppealIntake.Checked checked = AppealIntake.check(form, catalog, Set.of(Channel.WEB));
        for (AppealIntake.Problem p : checked.problems()) {
            String field = switch (p.field()) {
                case CHANNEL, CATEGORY, ISSUE_TYPE -> "service";
                case DESCRIPTION -> "description";
                case PLACE_ADDRESS -> "place_address";
                case POINT -> "point";
                case PLACE -> "place";
                case NAME -> "name";
                case ADDRESS -> "address";
                case PHONE -> "phone";
            };
            String key = switch (p.field()) {
                case CHANNEL, CATEGORY, ISSUE_TYPE -> blank(service) ? "service.required" : "service.unknown";
                case POINT -> "point.invalid";
                case PLACE -> "place.required";
                case NAME, PHONE -> field + "." + p.code();
                default -> field + "." + p.code();
            };
            errors.putIfAbsent(field, word(key));
        }
        List<byte[]> images = new ArrayList<>();
        List<UploadedFile> files = ctx.isMultipartFormData() ? ctx.uploadedFiles("photos") : List.of();
        for (UploadedFile f : files) {
            if (f.size() == 0 && blank(f.filename())) {
                continue;
            }
            if (f.size() > WebPhotos.MAX_BYTES) {
                errors.putIfAbsent("photos", word("photos.too.big"));
                continue;
            }
            try (InputStream in = f.content()) {
                byte[] bytes = in.readAllBytes();
                if (WebPhotos.extension(bytes) == null) {
                    errors.putIfAbsent("photos", word("photos.type"));
                } else {
                    images.add(bytes);
                }
            } catch (IOException e) {
                errors.putIfAbsent("photos", word("photos.type"));
            }
        }
        if (images.size() > TextRules.MAX_PHOTOS) {
            errors.put("photos", word("photos.too.many"));
        }
        if (!"yes".equals(values.get("consent"))) {
            errors.put("consent", word("consent.required"));
        }
        if (!errors.isEmpty()) {
            show(ctx, 400, values, errors);
            return;
        }
        if (!perClient.tryAcquire(ctx.ip(), settings.formPerHour())) {
            show(ctx, 429, values, Map.of("form", word("rate.limited")));
            return;
        }
        var refs = new ArrayList<PhotoRef>();
        try {
            for (byte[] image : images) {
                refs.add(new PhotoRef(photos.save(image), ""));
            }
            NewAppeal a = checked.appeal().orElseThrow();
            NewAppeal appeal = new NewAppeal(
                    a.channel(),
                    null,
                    a.category(),
                    a.issueTypeId(),
                    a.description(),
                    refs,
                    a.point(),
                    a.placeAddress(),
                    a.name(),
                    a.address(),
                    a.phone());
            Appeal saved = registration.register(appeal, SOURCE, SOURCE, "надійшло через вебформу");
            log.info("web form: appeal {} registered", saved.number());
            DateTimeFormatter f = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");
            var done = new DoneView(
                    saved.number().toString(),
                    f.format(saved.deadline().atZone(zone)),
                    f.format(saved.legalDeadline().atZone(zone)));
            ctx.header("Cache-Control", "no-store");
            ctx.status(201)
                    .contentType("text/html; charset=utf-8")
                    .result(render("web-form-done.jte", Map.of("view", done)));
        } catch (IOException | RuntimeException e) {
            refs.forEach(r -> photos.delete(r.fileId()));
            Failures.logged("web form: registering an appeal", e);
            show(ctx, 500, values, Map.of("form", word("refused")));
        }
    }

    private String word(String key) {
        return messages.getProperty(key, messages.getProperty("refused"));
    }

    private static Double number(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            double d = Double.parseDouble(s);
            return Double.isFinite(d) ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String render(String template, Map<String, Object> params) {
        var out = new StringOutput();
        ENGINE.render(template, params, out);
        return out.toString();
    }

    private static Properties messages() {
        try (InputStream in = PublicForm.class.getResourceAsStream("/publicweb/messages.properties")) {
            var p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] resource(String path) {
        try (InputStream in = PublicForm.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
