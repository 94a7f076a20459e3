package ua.zvernennia.app.openmap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import ua.zvernennia.app.AppConfig;
import ua.zvernennia.app.api.ApiJson;
import ua.zvernennia.app.api.ClientAddress;
import ua.zvernennia.app.report.QuarterlyReport;
import ua.zvernennia.app.web.RouteGroup;
import ua.zvernennia.core.appeal.AppealNumber;
import ua.zvernennia.core.appeal.AppealStatus;
import ua.zvernennia.core.category.Category;
import ua.zvernennia.core.category.CategoryCatalog;
import ua.zvernennia.core.openmap.Bbox;
import ua.zvernennia.core.openmap.Cluster;
import ua.zvernennia.core.openmap.MapFilter;
import ua.zvernennia.core.openmap.MapPoint;
import ua.zvernennia.core.openmap.MapReader;
import ua.zvernennia.core.openmap.MapView;
import ua.zvernennia.core.openmap.OpenMap;
import ua.zvernennia.core.openmap.OpenStatistics;
import ua.zvernennia.core.openmap.OpenStatisticsReader;
import ua.zvernennia.core.openmap.PublicAppeal;
import ua.zvernennia.core.refusal.Refusal;

/**
 * The city's public pages under {@code /public} (no sign-in, Ukrainian, for phones): the map of
 * appeals, the open statistics and the status check of an appeal by its number; and their data
 * under {@code /public/api}: the map's points or clusters, the statistics, one appeal, and the
 * open data as GeoJSON and CSV. Everything is read from {@link OpenMap}'s aggregates and
 * anonymised by construction ({@link PublicAppeal} has no personal field). Answers are cached
 * and carry an ETag; each client has a rate limit. What the data routes refuse is a core
 * {@link Refusal}, answered like the API's.
 */
public final class OpenMapPages implements RouteGroup {
    public static final String MAP = "/public/map";
    public static final String STATS = "/public/stats";
    public static final String STATUS = "/public/status";
    private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(ContentType.Html);
    private static final int DEFAULT_PAGE_SIZE = 100;
    private static final int MAX_PAGE_SIZE = 1_000;
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");
    private static final Map<String, String> OWN_FILES = Map.of(
            "openmap.js", "text/javascript; charset=utf-8",
            "openmap.css", "text/css; charset=utf-8");

    public record Option(String value, String label) {}

    public record MapPage(
            String period,
            LocalDate date,
            LocalDate from,
            LocalDate to,
            List<Option> periods,
            List<Option> categories,
            List<Option> statuses,
            List<String> executors,
            String tileUrl,
            String tileAttribution,
            double latitude,
            double longitude,
            int zoom,
            String textsJson,
            String license,
            String licenseUrl) {}

    public record StatsPage(
            String period,
            LocalDate date,
            LocalDate from,
            LocalDate to,
            List<Option> periods,
            String problem,
            OpenStatistics stats,
            String chart,
            String jsonUrl,
            Map<AppealStatus, String> statusNames,
            String license,
            String licenseUrl) {
        public String statusName(AppealStatus s) {
            return statusNames.get(s);
        }
    }

    public record StatusPage(
            String asked,
            String problem,
            PublicAppeal appeal,
            String statusName,
            String created,
            String deadline,
            String legalDeadline,
            String closed) {}

    /** The public's view of one appeal in JSON. */
    record AppealJson(
            String number,
            String categoryId,
            String direction,
            String issueType,
            AppealStatus status,
            String statusName,
            Instant createdAt,
            Instant deadline,
            Instant legalDeadline,
            Instant closedAt,
            String executor,
            Double lat,
            Double lon) {}

    record PointJson(String number, double lat, double lon, AppealStatus status, String category) {}

    record ClusterJson(double lat, double lon, long count, Map<AppealStatus, Long> byStatus) {}

    record MapJson(
            LocalDate from,
            LocalDate to,
            long total,
            boolean truncated,
            List<ClusterJson> clusters,
            List<PointJson> points) {}

    private final OpenMap map;
    private final MapReader mapReader;
    private final OpenStatisticsReader statistics;
    private final CategoryCatalog categories;
    private final AppConfig.OpenMap settings;
    private final AppConfig.Web web;
    private final ClientAddress clients;
    private final Clock clock;
    private final ZoneId zone;
    private final PublicAnswers answers;
    private final ClientBuckets buckets;
    private final Properties texts;

    public OpenMapPages(
            OpenMap map,
            OpenStatisticsReader statistics,
            CategoryCatalog categories,
            AppConfig.OpenMap settings,
            AppConfig.Web web,
            ClientAddress clients,
            Clock clock,
            ZoneId zone) {
        this.map = map;
        this.mapReader = new MapReader(map);
        this.statistics = statistics;
        this.categories = categories;
        this.settings = settings;
        this.web = web;
        this.clients = clients;
        this.clock = clock;
        this.zone = zone;
        this.answers = new PublicAnswers(clock, settings.cacheTtl());
        this.buckets = new ClientBuckets(clock, settings.requestsPerMinute());
        this.texts = texts();
    }

    @Override
    public void routes(RoutesConfig app) {
        for (String limited : List.of(MAP, STATS, STATUS, "/public/api/*")) {
            app.before(limited, this::limit);
        }
        app.get(MAP, this::mapPage);
        app.get(STATS, this::statsPage);
        app.get(STATUS, this::statusPage);
        app.get("/public/api/map", this::mapData);
        app.get("/public/api/stats", this::statsData);
        app.get("/public/api/appeals/{number}", this::appealData);
        app.get("/public/api/appeals.geojson", this::geojson);
        app.get("/public/api/appeals.csv", this::csv);
        for (var f : OWN_FILES.entrySet()) {
            byte[] bytes = resource("/openmap/static/" + f.getKey());
            app.get(
                    "/public/static/openmap/" + f.getKey(),
                    ctx -> ctx.contentType(f.getValue())
                            .header("Cache-Control", "public, max-age=300")
                            .result(bytes));
        }
    }

    private void limit(Context ctx) {
        if (ctx.path().startsWith("/public/api/")) {
            // Until an answer says how long it may be kept: a refusal may not be kept at all.
            ctx.header("Cache-Control", "no-store");
        }
        long wait = buckets.take(clients.of(ctx));
        if (wait > 0) {
            throw Refusal.tooMany(text("error.limited"), Duration.ofMillis(wait));
        }
    }

    private String text(String key) {
        return texts.getProperty(key, key);
    }

    private LocalDate today() {
        return clock.instant().atZone(zone).toLocalDate();
    }

    // Pages.

    private void mapPage(Context ctx) {
        Period p;
        try {
            p = Period.of(ctx, today());
        } catch (Period.Problem e) {
            LocalDate t = today();
            p = new Period(
                    "month", t, t.withDayOfMonth(1), t.with(java.time.temporal.TemporalAdjusters.lastDayOfMonth()));
        }
        ObjectNode jsTexts = ApiJson.MAPPER.createObjectNode();
        texts.stringPropertyNames().stream()
                .filter(k -> k.startsWith("map.") || k.startsWith("status.") || k.startsWith("error."))
                .sorted()
                .forEach(k -> jsTexts.put(k, texts.getProperty(k)));
        var page = new MapPage(
                p.kind(),
                p.date(),
                p.from(),
                p.to(),
                periods(),
                directions(),
                statuses(),
                executors(),
                web.tileUrl(),
                web.tileAttribution(),
                web.mapLatitude(),
                web.mapLongitude(),
                web.mapZoom(),
                jsTexts.toString(),
                settings.license(),
                settings.licenseUrl());
        html(ctx, 200, "public-map.jte", page);
    }

    private void statsPage(Context ctx) {
        Period p;
        String problem = null;
        try {
            p = Period.of(ctx, today());
        } catch (Period.Problem e) {
            problem = text(e.key);
            LocalDate t = today();
            p = new Period("month", t, t.withDayOfMonth(1), t);
        }
        OpenStatistics s = statistics(p.from(), p.to());
        String json = "/public/api/stats?from=" + p.from() + "&to=" + p.to();
        html(
                ctx,
                problem == null ? 200 : 400,
                "public-stats.jte",
                new StatsPage(
                        p.kind(),
                        p.date(),
                        p.from(),
                        p.to(),
                        periods(),
                        problem,
                        s,
                        DayChart.svg(s.days()),
                        json,
                        statusNames(),
                        settings.license(),
                        settings.licenseUrl()));
    }

    private void statusPage(Context ctx) {
        String asked = ctx.queryParam("number");
        if (asked == null || asked.isBlank()) {
            html(ctx, 200, "public-status.jte", new StatusPage("", null, null, null, null, null, null, null));
            return;
        }
        String shown = asked.strip();
        var number = AppealNumber.parse(shown.replaceFirst("^№\\s*", ""));
        if (number.isEmpty()) {
            html(
                    ctx,
                    400,
                    "public-status.jte",
                    new StatusPage(shown, text("error.number"), null, null, null, null, null, null));
            return;
        }
        var found = map.appeal(number.get());
        if (found.isEmpty()) {
            html(
                    ctx,
                    404,
                    "public-status.jte",
                    new StatusPage(shown, text("error.not.found"), null, null, null, null, null, null));
            return;
        }
        PublicAppeal a = found.get();
        html(
                ctx,
                200,
                "public-status.jte",
                new StatusPage(
                        shown,
                        null,
                        a,
                        statusNames().get(a.status()),
                        shown(a.createdAt()),
                        shown(a.deadline()),
                        shown(a.legalDeadline()),
                        a.closedAt() == null ? null : shown(a.closedAt())));
    }

    private String shown(Instant t) {
        return SHOWN.format(t.atZone(zone));
    }

    private void html(Context ctx, int status, String template, Object view) {
        var out = new StringOutput();
        ENGINE.render(template, Map.of("view", view), out);
        ctx.header("Cache-Control", "no-cache");
        ctx.status(status).contentType("text/html; charset=utf-8").result(out.toString());
    }

    private List<Option> periods() {
        return List.of("day", "week", "month", "custom").stream()
                .map(k -> new Option(k, texts.getProperty("period." + k)))
                .toList();
    }

    private List<Option> directions() {
        return categories.active().stream()
                .map(c -> new Option(c.id(), c.nameUk()))
                .toList();
    }

    private List<Option> statuses() {
        return Arrays.stream(AppealStatus.values())
                .map(s -> new Option(s.name(), texts.getProperty("status." + s.name())))
                .toList();
    }

    private List<String> executors() {
        var names = new TreeSet<String>();
        categories.active().stream().map(Category::executor).forEach(names::add);
        return List.copyOf(names);
    }

    private Map<AppealStatus, String> statusNames() {
        var out = new TreeMap<AppealStatus, String>();
        for (AppealStatus s : AppealStatus.values()) {
            out.put(s, texts.getProperty("status." + s.name()));
        }
        return out;
    }

    // Data.

    private void mapData(Context ctx) {
        Period p = period(ctx);
        Set<AppealStatus> statuses = EnumSet.noneOf(AppealStatus.class);
        for (String s : list(ctx.queryParam("status"))) {
            statuses.add(status(s));
        }
        Set<String> directions = new TreeSet<>(list(ctx.queryParam("category")));
        String executor = ctx.queryParam("executor");
        Bbox box = bbox(ctx.queryParam("bbox"));
        int zoom = zoom(ctx.queryParam("zoom"));
        var filter = new MapFilter(p.from(), p.to(), statuses, directions, executor);
        Bbox view = box.snapped(MapReader.clusterZoom(zoom));
        String key = "map|" + p.from() + "|" + p.to() + "|" + new TreeSet<>(statuses) + "|" + directions + "|"
                + filter.executor() + "|" + view + "|" + zoom;
        answers.send(ctx, key, "application/json", () -> {
            MapView v = mapReader.read(filter, box, zoom);
            List<ClusterJson> clusters =
                    v.clusters().stream().map(OpenMapPages::cluster).toList();
            List<PointJson> points =
                    v.points().stream().map(OpenMapPages::point).toList();
            return json(new MapJson(p.from(), p.to(), v.total(), v.truncated(), clusters, points));
        });
    }

    private static ClusterJson cluster(Cluster c) {
        return new ClusterJson(round(c.latitude()), round(c.longitude()), c.appeals(), c.byStatus());
    }

    private static PointJson point(MapPoint p) {
        return new PointJson(p.number(), round(p.latitude()), round(p.longitude()), p.status(), p.categoryId());
    }

    private static double round(double degrees) {
        return Math.round(degrees * 1e6) / 1e6;
    }

    private AppealStatus status(String value) {
        try {
            return AppealStatus.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw Refusal.invalid("status", text("error.status"));
        }
    }

    private Bbox bbox(String value) {
        if (value == null || value.isBlank()) {
            return Bbox.WORLD;
        }
        String[] parts = value.split(",");
        if (parts.length != 4) {
            throw Refusal.invalid("bbox", text("error.bbox"));
        }
        double[] d = new double[4];
        for (int i = 0; i < 4; i++) {
            try {
                d[i] = Double.parseDouble(parts[i].strip());
            } catch (NumberFormatException e) {
                d[i] = Double.NaN;
            }
            if (!Double.isFinite(d[i])) {
                throw Refusal.invalid("bbox", text("error.bbox"));
            }
        }
        try {
            return new Bbox(Math.max(-85, d[0]), Math.max(-180, d[1]), Math.min(85, d[2]), Math.min(180, d[3]));
        } catch (IllegalArgumentException e) {
            // The box refuses itself (south above north, say): said in the public's words.
            throw Refusal.invalid("bbox", text("error.bbox"));
        }
    }

    private int zoom(String value) {
        if (value == null) {
            return web.mapZoom();
        }
        try {
            int zoom = Integer.parseInt(value.strip());
            if (zoom >= 1 && zoom <= 19) {
                return zoom;
            }
        } catch (NumberFormatException e) {
            // answered below, as any zoom out of range
        }
        throw Refusal.invalid("zoom", text("error.zoom"));
    }

    private static List<String> list(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return Arrays.stream(value.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    private void statsData(Context ctx) {
        Period p = period(ctx);
        answers.send(
                ctx, "stats|" + p.from() + "|" + p.to(), "application/json", () -> json(statistics(p.from(), p.to())));
    }

    private OpenStatistics statistics(LocalDate from, LocalDate to) {
        return statistics.read(from, to);
    }

    private void appealData(Context ctx) {
        AppealNumber number = AppealNumber.parse(ctx.pathParam("number"))
                .orElseThrow(() -> Refusal.invalid("number", text("error.number")));
        answers.send(
                ctx,
                "appeal|" + number,
                "application/json",
                () -> json(
                        appealJson(map.appeal(number).orElseThrow(() -> Refusal.notFound(text("error.not.found"))))));
    }

    private AppealJson appealJson(PublicAppeal a) {
        return new AppealJson(
                a.number(),
                a.categoryId(),
                a.direction(),
                a.issueType(),
                a.status(),
                texts.getProperty("status." + a.status()),
                a.createdAt(),
                a.deadline(),
                a.legalDeadline(),
                a.closedAt(),
                a.executor(),
                a.point() == null ? null : a.point().latitude(),
                a.point() == null ? null : a.point().longitude());
    }

    /** One page of the open data. */
    private record DataPage(Period period, int page, int size) {
        String next(String path) {
            return path + "?from=" + period.from() + "&to=" + period.to() + "&page=" + (page + 1) + "&pageSize=" + size;
        }
    }

    private DataPage dataPage(Context ctx) {
        Period p = period(ctx);
        int page = whole(ctx, "page", 1, 1, 1_000_000);
        int size = whole(ctx, "pageSize", DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE);
        return new DataPage(p, page, size);
    }

    private int whole(Context ctx, String name, int fallback, int min, int max) {
        String value = ctx.queryParam(name);
        if (value == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below, as any number out of range
        }
        throw Refusal.invalid(name, text("error.page"));
    }

    private List<PublicAppeal> rows(DataPage d) {
        // One more than the page, to know whether there is a next one.
        return map.appeals(d.period().from(), d.period().to(), (d.page() - 1) * d.size(), d.size() + 1);
    }

    private void licenceHeaders(Context ctx, DataPage d, boolean more, String path) {
        var links = new ArrayList<String>();
        links.add("<" + settings.licenseUrl() + ">; rel=\"license\"");
        if (more) {
            links.add("<" + d.next(path) + ">; rel=\"next\"");
        }
        ctx.header("Link", String.join(", ", links));
        ctx.header("Access-Control-Allow-Origin", "*");
    }

    private void geojson(Context ctx) {
        DataPage d = dataPage(ctx);
        String key = "geojson|" + d;
        PublicAnswers.Answer a = answers.get(
                key + "|more", "text/plain", () -> PublicAnswers.utf8(Boolean.toString(rows(d).size() > d.size())));
        licenceHeaders(
                ctx,
                d,
                Boolean.parseBoolean(new String(a.body(), StandardCharsets.UTF_8)),
                "/public/api/appeals.geojson");
        answers.send(ctx, key, "application/geo+json", () -> {
            List<PublicAppeal> rows = rows(d);
            ObjectNode fc = ApiJson.MAPPER.createObjectNode();
            fc.put("type", "FeatureCollection");
            fc.put("license", settings.license());
            fc.put("licenseUrl", settings.licenseUrl());
            fc.put("from", d.period().from().toString());
            fc.put("to", d.period().to().toString());
            fc.put("page", d.page());
            fc.put("pageSize", d.size());
            ArrayNode features = fc.putArray("features");
            for (PublicAppeal p : rows.subList(0, Math.min(rows.size(), d.size()))) {
                ObjectNode f = features.addObject();
                f.put("type", "Feature");
                f.put("id", p.number());
                if (p.point() == null) {
                    f.putNull("geometry");
                } else {
                    ObjectNode g = f.putObject("geometry");
                    g.put("type", "Point");
                    g.putArray("coordinates")
                            .add(round(p.point().longitude()))
                            .add(round(p.point().latitude()));
                }
                f.set("properties", ApiJson.MAPPER.valueToTree(appealJson(p)));
                ((ObjectNode) f.get("properties")).remove(List.of("lat", "lon"));
            }
            return json(fc);
        });
    }

    static final List<String> CSV_COLUMNS = List.of(
            "number",
            "direction",
            "issue_type",
            "status",
            "created_at",
            "deadline",
            "legal_deadline",
            "closed_at",
            "executor",
            "latitude",
            "longitude");

    private void csv(Context ctx) {
        DataPage d = dataPage(ctx);
        String key = "csv|" + d;
        PublicAnswers.Answer a = answers.get(
                key + "|more", "text/plain", () -> PublicAnswers.utf8(Boolean.toString(rows(d).size() > d.size())));
        licenceHeaders(
                ctx, d, Boolean.parseBoolean(new String(a.body(), StandardCharsets.UTF_8)), "/public/api/appeals.csv");
        answers.send(ctx, key, "text/csv; charset=utf-8", () -> {
            List<PublicAppeal> rows = rows(d);
            var out = new StringBuilder(String.join(",", CSV_COLUMNS)).append("\r\n");
            for (PublicAppeal p : rows.subList(0, Math.min(rows.size(), d.size()))) {
                List<String> cells = List.of(
                        p.number(),
                        p.direction(),
                        p.issueType() == null ? "" : p.issueType(),
                        p.status().name(),
                        p.createdAt().toString(),
                        p.deadline().toString(),
                        p.legalDeadline().toString(),
                        p.closedAt() == null ? "" : p.closedAt().toString(),
                        p.executor(),
                        p.point() == null ? "" : Double.toString(round(p.point().latitude())),
                        p.point() == null ? "" : Double.toString(round(p.point().longitude())));
                out.append(String.join(
                                ",", cells.stream().map(QuarterlyReport::cell).toList()))
                        .append("\r\n");
            }
            return PublicAnswers.utf8(out.toString());
        });
    }

    /** The period asked; a refusal when it does not fit. */
    private Period period(Context ctx) {
        try {
            return Period.of(ctx, today());
        } catch (Period.Problem e) {
            throw Refusal.invalid(text(e.key));
        }
    }

    private static byte[] json(Object value) {
        try {
            return ApiJson.MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Properties texts() {
        try (InputStream in = OpenMapPages.class.getResourceAsStream("/openmap/messages.properties")) {
            var p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] resource(String path) {
        try (InputStream in = OpenMapPages.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
