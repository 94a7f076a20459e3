package ua.zvernennia.app;

import static org.assertj.core.api.Assertions.assertThat;
import static ua.zvernennia.app.ChannelsTest.awaitUntil;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The public map's data, the open data and the status check over real HTTP against the app: the
 * problems' points and nothing personal, valid GeoJSON, ETags, the per-client limit, and the
 * geocoder against a local fake Nominatim.
 */
class OpenMapHttpTest {
    static final String ADMIN = "open-map-admin-token-0123456789abcdef";
    /** What the citizens below told the city about themselves: none of it may be public. */
    static final List<String> PERSONAL = List.of(
            "Петро",
            "Мельник",
            "Оксана",
            "Коваль",
            "+380677654321",
            "0677654321",
            "67 765",
            "вул. Нова, 7",
            "Садова, 12",
            "Яма на дорозі біля школи",
            "Не світить ліхтар");

    @TempDir
    Path dir;

    final HttpClient http = HttpClient.newHttpClient();

    static String appeal(
            String category,
            String place,
            Double lat,
            Double lon,
            String first,
            String last,
            String home,
            String what) {
        return "{\"channel\": \"PHONE\", \"category\": \"" + category + "\", \"description\": \"" + what + "\", "
                + (place == null ? "" : "\"placeAddress\": \"" + place + "\", ")
                + (lat == null ? "" : "\"latitude\": " + lat + ", \"longitude\": " + lon + ", ")
                + "\"firstName\": \"" + first + "\", \"lastName\": \"" + last + "\", \"address\": \"" + home
                + "\", \"phone\": \"067 765 43 21\"}";
    }

    static String file(ApiClient api, String json) {
        ApiClient.Response r = api.post("/api/appeals", json);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("number").asText();
    }

    HttpResponse<String> get(int port, String path, Map<String, String> headers) throws Exception {
        var b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        headers.forEach(b::header);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theMapAndTheOpenDataShowTheProblemsPlaceAndNothingPersonal() throws Exception {
        try (App app =
                TestApps.start(dir, Clock.systemUTC(), Map.of("ADMIN_TOKEN", ADMIN, "PUBLIC_CACHE_SECONDS", "0"))) {
            var api = new ApiClient(app.httpPort(), ADMIN);
            String pothole = file(
                    api,
                    appeal(
                            "roads",
                            "вул. Шкільна, 3",
                            48.4647,
                            35.0462,
                            "Петро",
                            "Мельник",
                            "вул. Нова, 7, кв. 1",
                            "Яма на дорозі біля школи №5"));
            String light = file(
                    api,
                    appeal(
                            "street-lights",
                            null,
                            48.47,
                            35.05,
                            "Оксана",
                            "Коваль",
                            "вул. Садова, 12",
                            "Не світить ліхтар"));
            String typed = file(
                    api,
                    appeal(
                            "roads",
                            "просп. Свободи, 40",
                            null,
                            null,
                            "Петро",
                            "Мельник",
                            "вул. Нова, 7, кв. 1",
                            "Яма на дорозі біля школи №7"));
            assertThat(api.post("/api/appeals/" + light + "/status", "{\"status\": \"IN_PROGRESS\"}")
                            .status())
                    .isEqualTo(200);
            int port = app.httpPort();
            LocalDate today = LocalDate.now(ZoneId.of("Europe/Kyiv"));

            HttpResponse<String> map = get(
                    port, "/public/api/map?period=day&date=" + today + "&bbox=48.3,34.9,48.6,35.2&zoom=13", Map.of());
            assertThat(map.statusCode()).isEqualTo(200);
            JsonNode view = ua.zvernennia.app.api.ApiJson.MAPPER.readTree(map.body());
            assertThat(view.get("total").asInt()).isEqualTo(2);
            assertThat(view.get("points"))
                    .extracting(p -> p.get("number").asText())
                    .containsExactlyInAnyOrder(pothole, light);
            assertThat(ua.zvernennia.app.api.ApiJson.MAPPER
                            .readTree(get(port, "/public/api/map?period=day&status=IN_PROGRESS", Map.of())
                                    .body())
                            .get("points"))
                    .extracting(p -> p.get("number").asText())
                    .containsExactly(light);
            assertThat(ua.zvernennia.app.api.ApiJson.MAPPER
                            .readTree(get(port, "/public/api/map?period=month&category=roads", Map.of())
                                    .body())
                            .get("points"))
                    .extracting(p -> p.get("number").asText())
                    .containsExactly(pothole);

            // The ETag saves the body when nothing changed.
            String etag = map.headers().firstValue("ETag").orElseThrow();
            assertThat(get(
                                    port,
                                    "/public/api/map?period=day&date=" + today + "&bbox=48.3,34.9,48.6,35.2&zoom=13",
                                    Map.of("If-None-Match", etag))
                            .statusCode())
                    .isEqualTo(304);

            HttpResponse<String> geojson = get(port, "/public/api/appeals.geojson?period=month", Map.of());
            assertThat(geojson.statusCode()).isEqualTo(200);
            assertThat(geojson.headers().firstValue("Content-Type").orElseThrow())
                    .startsWith("application/geo+json");
            assertThat(geojson.headers().firstValue("Link").orElseThrow())
                    .contains("creativecommons.org/licenses/by/4.0", "rel=\"license\"");
            JsonNode fc = ua.zvernennia.app.api.ApiJson.MAPPER.readTree(geojson.body());
            assertValidGeoJson(fc);
            assertThat(fc.get("license").asText()).isEqualTo("CC BY 4.0");
            assertThat(fc.get("features")).hasSize(3);
            JsonNode first = fc.get("features").get(0);
            assertThat(first.get("id").asText()).isEqualTo(pothole);
            assertThat(first.get("geometry").get("coordinates").get(0).asDouble())
                    .isEqualTo(35.0462);
            assertThat(first.get("geometry").get("coordinates").get(1).asDouble())
                    .isEqualTo(48.4647);
            assertThat(first.get("properties").get("executor").asText()).isNotBlank();
            assertThat(fc.get("features").get(2).get("geometry").isNull())
                    .as("a typed place not yet found")
                    .isTrue();

            HttpResponse<String> page1 = get(port, "/public/api/appeals.csv?period=month&pageSize=2", Map.of());
            assertThat(page1.body().lines().toList())
                    .hasSize(3)
                    .first()
                    .asString()
                    .startsWith("number,direction,issue_type,status");
            assertThat(page1.headers().firstValue("Link").orElseThrow()).contains("rel=\"next\"", "page=2");
            HttpResponse<String> page2 = get(port, "/public/api/appeals.csv?period=month&pageSize=2&page=2", Map.of());
            assertThat(page2.body().lines().toList())
                    .hasSize(2)
                    .last()
                    .asString()
                    .startsWith(typed + ",");

            HttpResponse<String> one = get(port, "/public/api/appeals/" + light, Map.of());
            JsonNode a = ua.zvernennia.app.api.ApiJson.MAPPER.readTree(one.body());
            assertThat(a.get("statusName").asText()).isEqualTo("У роботі");
            assertThat(a.get("executor").asText()).isNotBlank();
            assertThat(get(port, "/public/api/appeals/2020-999999", Map.of()).statusCode())
                    .isEqualTo(404);
            HttpResponse<String> status = get(port, "/public/status?number=" + light, Map.of());
            assertThat(status.statusCode()).isEqualTo(200);
            assertThat(status.body()).contains("У роботі", "№ " + light);

            HttpResponse<String> stats = get(port, "/public/api/stats?period=month", Map.of());
            assertThat(ua.zvernennia.app.api.ApiJson.MAPPER
                            .readTree(stats.body())
                            .get("total")
                            .asInt())
                    .isEqualTo(3);
            assertThat(get(port, "/public/stats?period=week", Map.of()).body())
                    .contains("Ефективність виконавців", "day-chart");
            assertThat(get(port, "/public/stats?period=custom&from=2026-02-01&to=2025-01-01", Map.of())
                            .statusCode())
                    .isEqualTo(400);
            HttpResponse<String> badBox = get(port, "/public/api/map?bbox=1,2,3", Map.of());
            assertThat(badBox.statusCode()).isEqualTo(400);
            JsonNode refused = ua.zvernennia.app.api.ApiJson.MAPPER.readTree(badBox.body());
            assertThat(refused.get("field").asText())
                    .as("refused like the API, naming the field")
                    .isEqualTo("bbox");
            assertThat(refused.get("error").asText()).startsWith("Межі карти");
            assertThat(badBox.headers().firstValue("Cache-Control")).contains("no-store");

            for (String path : List.of(
                    "/public/map",
                    "/public/stats?period=month",
                    "/public/status?number=" + pothole,
                    "/public/api/map?period=month",
                    "/public/api/stats?period=month",
                    "/public/api/appeals/" + pothole,
                    "/public/api/appeals/" + typed,
                    "/public/api/appeals.geojson?period=month",
                    "/public/api/appeals.csv?period=month")) {
                String body = get(port, path, Map.of()).body();
                for (String p : PERSONAL) {
                    assertThat(body).as(path).doesNotContain(p);
                }
            }
        }
    }

    /** The parts of RFC 7946 a FeatureCollection of points must keep. */
    static void assertValidGeoJson(JsonNode fc) {
        assertThat(fc.get("type").asText()).isEqualTo("FeatureCollection");
        assertThat(fc.get("features").isArray()).isTrue();
        for (JsonNode f : fc.get("features")) {
            assertThat(f.get("type").asText()).isEqualTo("Feature");
            assertThat(f.has("geometry")).isTrue();
            assertThat(f.get("properties").isObject()).isTrue();
            JsonNode g = f.get("geometry");
            if (!g.isNull()) {
                assertThat(g.get("type").asText()).isEqualTo("Point");
                JsonNode c = g.get("coordinates");
                assertThat(c.isArray() && c.size() == 2).isTrue();
                assertThat(c.get(0).asDouble()).isBetween(-180.0, 180.0);
                assertThat(c.get(1).asDouble()).isBetween(-90.0, 90.0);
            }
        }
    }

    @Test
    void eachClientHasItsLimit() throws Exception {
        try (App app = TestApps.start(dir, Clock.systemUTC(), Map.of("PUBLIC_REQUESTS_PER_MINUTE", "3"))) {
            for (int i = 0; i < 3; i++) {
                assertThat(get(app.httpPort(), "/public/api/stats?period=day", Map.of())
                                .statusCode())
                        .isEqualTo(200);
            }
            HttpResponse<String> refused = get(app.httpPort(), "/public/api/stats?period=day", Map.of());
            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(refused.headers().firstValue("Retry-After")).isPresent();
            assertThat(get(app.httpPort(), "/public/static/openmap/openmap.js", Map.of())
                            .statusCode())
                    .as("static files are not counted")
                    .isEqualTo(200);
        }
    }

    @Test
    void typedPlacesAreFoundThroughTheGeocoderOncePerPlaceWithNothingPersonalSent() throws Exception {
        List<String> asked = new CopyOnWriteArrayList<>();
        List<String> agents = new CopyOnWriteArrayList<>();
        HttpServer nominatim = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        nominatim.createContext("/search", (HttpExchange ex) -> {
            asked.add(URLDecoder.decode(ex.getRequestURI().getRawQuery(), StandardCharsets.UTF_8));
            agents.add(ex.getRequestHeaders().getFirst("User-Agent"));
            String q = ex.getRequestURI().getQuery();
            byte[] body = (q.contains("свободи")
                            ? "[{\"place_id\": 1, \"lat\": \"48.4700\", \"lon\": \"35.0400\", \"display_name\": \"x\"}]"
                            : q.contains("зламана") ? "oops" : "[]")
                    .getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(q.contains("зламана") ? 500 : 200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        nominatim.start();
        try (App app = TestApps.start(
                dir,
                Clock.systemUTC(),
                Map.of(
                        "ADMIN_TOKEN",
                        ADMIN,
                        "PUBLIC_CACHE_SECONDS",
                        "0",
                        "GEOCODER_URL",
                        "http://127.0.0.1:" + nominatim.getAddress().getPort() + "/",
                        "GEOCODER_USER_AGENT",
                        "zvernennia-test (ops@example.ua)",
                        "GEOCODER_MIN_INTERVAL_MS",
                        "50",
                        "PUBLIC_REQUESTS_PER_MINUTE",
                        "100000"))) {
            var api = new ApiClient(app.httpPort(), ADMIN);
            String found = file(
                    api,
                    appeal(
                            "roads",
                            "просп. Свободи, 40",
                            null,
                            null,
                            "Петро",
                            "Мельник",
                            "вул. Нова, 7, кв. 1",
                            "Яма на дорозі біля школи №7"));
            String again = file(
                    api,
                    appeal(
                            "street-lights",
                            "  Просп.  Свободи, 40 ",
                            null,
                            null,
                            "Оксана",
                            "Коваль",
                            "вул. Садова, 12",
                            "Не світить ліхтар"));
            String nowhere = file(
                    api,
                    appeal(
                            "roads",
                            "Незнане місце",
                            null,
                            null,
                            "Петро",
                            "Мельник",
                            "вул. Нова, 7, кв. 1",
                            "Яма на дорозі біля школи №8"));
            String broken = file(
                    api,
                    appeal(
                            "roads",
                            "Зламана адреса",
                            null,
                            null,
                            "Петро",
                            "Мельник",
                            "вул. Нова, 7, кв. 1",
                            "Яма на дорозі біля школи №9"));
            awaitUntil(() -> mapOfToday(app).get("total").asInt() >= 2);
            JsonNode view = mapOfToday(app);
            assertThat(view.get("points"))
                    .extracting(p -> p.get("number").asText())
                    .containsExactlyInAnyOrder(found, again);
            assertThat(view.get("points").get(0).get("lat").asDouble()).isEqualTo(48.47);
            awaitUntil(() -> asked.size() >= 3);
            assertThat(asked)
                    .as("the same place is asked once; a failure does not stop the others")
                    .hasSize(3);
            assertThat(asked).anySatisfy(q -> assertThat(q).contains("q=просп. свободи, 40"));
            for (String q : asked) {
                for (String p : PERSONAL) {
                    assertThat(q).doesNotContain(p);
                }
            }
            assertThat(agents).containsOnly("zvernennia-test (ops@example.ua)");
            assertThat(api.get("/api/appeals/" + nowhere).status())
                    .as("the appeals stay as they were")
                    .isEqualTo(200);
            assertThat(api.get("/api/appeals/" + broken).json().get("status").asText())
                    .isEqualTo("REGISTERED");
            assertThat(app.storage()
                            .mapPlaces()
                            .place(ua.zvernennia.core.appeal.AppealNumber.parse(nowhere)
                                    .orElseThrow())
                            .orElseThrow()
                            .geocoderStatus())
                    .isEqualTo("NOT_FOUND");
        } finally {
            nominatim.stop(0);
        }
    }

    private JsonNode mapOfToday(App app) {
        try {
            return ua.zvernennia.app.api.ApiJson.MAPPER.readTree(
                    get(app.httpPort(), "/public/api/map?period=day", Map.of()).body());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
