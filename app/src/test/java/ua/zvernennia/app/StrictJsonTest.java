package ua.zvernennia.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ua.zvernennia.core.appeal.Appeal;
import ua.zvernennia.core.appeal.NewAppeal;
import ua.zvernennia.core.appeal.PersonName;
import ua.zvernennia.core.appeal.Phone;
import ua.zvernennia.core.chat.Channel;
import ua.zvernennia.core.chat.ChatKey;

/**
 * Every route that reads a JSON body takes exactly one value, no key twice and only Unicode
 * text, and answers 400 with the reason otherwise, writing nothing; every API answer forbids
 * sniffing and caching.
 */
class StrictJsonTest {
    static final String ADMIN = "admin-token-for-strict-json-0123456789";

    @TempDir
    Path dir;

    App app;
    ApiClient admin;
    Appeal appeal;

    @BeforeEach
    void start() {
        app = TestApps.start(dir, Clock.systemUTC(), Map.of("ADMIN_TOKEN", ADMIN));
        admin = new ApiClient(app.httpPort(), ADMIN);
        Instant now = Instant.now();
        ChatKey chat = ChatKey.of(Channel.TELEGRAM, "5001");
        appeal = app.storage().unitOfWork().run(s -> {
            s.citizens().recordConsent(chat, now, "uk");
            return s.appeals()
                    .submit(
                            new NewAppeal(
                                    Channel.TELEGRAM,
                                    chat,
                                    s.categories().find("lifts").orElseThrow(),
                                    null,
                                    "Застряг ліфт",
                                    List.of(),
                                    null,
                                    "вул. Січових Стрільців, 12",
                                    new PersonName("Олена", "Коваленко"),
                                    "вул. Шевченка, 5, кв. 12",
                                    new Phone("+380501234567")),
                            now,
                            now.plus(Duration.ofHours(6)),
                            now.plus(Duration.ofDays(30)));
        });
    }

    @AfterEach
    void stop() {
        app.close();
    }

    /** A route and a good body for it: the strict checks break that body three ways. */
    record Route(String method, String path, String goodBody) {}

    @Test
    void everyJsonRouteRefusesTrailingDataDuplicateKeysAndLoneSurrogates() {
        List<Route> routes = List.of(
                new Route("POST", "/api/tokens", "{\"name\": \"Оператор\", \"role\": \"OPERATOR\"}"),
                new Route(
                        "POST", "/api/categories", "{\"id\": \"x\", \"nameUk\": \"Ікс\", \"deadlineClass\": \"LONG\"}"),
                new Route("PATCH", "/api/categories/lifts", "{\"nameUk\": \"Підйомники\"}"),
                new Route("POST", "/api/categories/reorder", "{\"ids\": [\"lifts\"]}"),
                new Route("POST", "/api/categories/water/issue-types", "{\"id\": \"x\", \"nameUk\": \"Ікс\"}"),
                new Route("PATCH", "/api/categories/water/issue-types/x", "{\"nameUk\": \"Ікс\"}"),
                new Route("POST", "/api/categories/water/issue-types/reorder", "{\"ids\": [\"x\"]}"),
                new Route(
                        "POST",
                        "/api/appeals",
                        "{\"channel\": \"PHONE\", \"category\": \"roads\", \"description\": \"Яма на дорозі\", "
                                + "\"placeAddress\": \"вул. Нова, 7\", \"firstName\": \"Петро\", \"lastName\": \"Мельник\", "
                                + "\"address\": \"вул. Нова, 7\", \"phone\": \"0677654321\"}"),
                new Route("POST", "/api/appeals/" + appeal.number() + "/status", "{\"status\": \"IN_PROGRESS\"}"),
                new Route("POST", "/api/citizens/erase", "{\"phone\": \"+380501234567\"}"));
        String menuBefore = admin.get("/api/categories").body();
        String tokensBefore = admin.get("/api/tokens").body();

        for (Route r : routes) {
            String good = r.goodBody();
            String trailing = good + " xyz";
            String trailingValue = good + " {}";
            // The first key given again with another value.
            int colon = good.indexOf(':');
            int comma = good.indexOf(", \"");
            String firstPair = comma > 0 ? good.substring(1, comma) : good.substring(1, good.length() - 1);
            String duplicated = "{" + firstPair + ", " + good.substring(1);
            String surrogate =
                    good.substring(0, colon + 1) + " \"\\ud800\"" + (comma > 0 ? good.substring(comma) : "}");
            refused(r, trailing, "invalid JSON");
            refused(r, trailingValue, "invalid JSON");
            refused(r, duplicated, "twice");
            refused(r, surrogate, "invalid Unicode");
            refused(r, new byte[] {'{', '"', 'n', '"', ':', '"', (byte) 0xC3, '"', '}'}, "UTF-8");
        }

        assertThat(admin.get("/api/categories").body())
                .as("the menu is unchanged")
                .isEqualTo(menuBefore);
        assertThat(admin.get("/api/categories/changes").json().size())
                .as("no change recorded")
                .isZero();
        assertThat(admin.get("/api/tokens").body()).as("no token issued").isEqualTo(tokensBefore);
        ApiClient.Response list = admin.get("/api/appeals");
        assertThat(list.json().get("total").asInt()).as("no appeal registered").isEqualTo(1);
        assertThat(list.json().get("items").get(0).get("status").asText())
                .as("the status is unchanged")
                .isEqualTo("REGISTERED");
        assertThat(list.json().get("items").get(0).get("phone").asText())
                .as("nothing erased")
                .isEqualTo("+380501234567");

        ApiClient.Response ok = admin.post(
                "/api/appeals/" + appeal.number() + "/status",
                "{\"status\": \"IN_PROGRESS\", \"comment\": \"Майстер 🛠 виїхав\"}");
        assertThat(ok.status()).as("a pair of surrogates is text: " + ok.body()).isEqualTo(200);
    }

    @Test
    void apiAnswersForbidSniffingAndCaching() throws Exception {
        for (String path :
                List.of("/api/appeals", "/api/appeals/" + appeal.number(), "/api/openapi.json", "/api/nothing-here")) {
            HttpResponse<String> r = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.httpPort() + path))
                                    .header("Authorization", "Bearer " + ADMIN)
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(r.headers().firstValue("X-Content-Type-Options"))
                    .as(path)
                    .contains("nosniff");
            assertThat(r.headers().firstValue("Cache-Control")).as(path).contains("no-store");
        }
    }

    private void refused(Route r, String body, String reason) {
        refused(r, body.getBytes(java.nio.charset.StandardCharsets.UTF_8), reason);
    }

    private void refused(Route r, byte[] body, String reason) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.httpPort() + r.path()))
                    .header("Authorization", "Bearer " + ADMIN)
                    .header("Content-Type", "application/json")
                    .method(r.method(), HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
            HttpResponse<String> response =
                    HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode())
                    .as(r.method() + " " + r.path() + " " + new String(body, java.nio.charset.StandardCharsets.UTF_8)
                            + " → " + response.body())
                    .isEqualTo(400);
            assertThat(response.body()).as(r.path()).contains(reason);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
