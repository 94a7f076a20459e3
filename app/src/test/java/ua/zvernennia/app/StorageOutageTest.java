package ua.zvernennia.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import ua.zvernennia.app.api.ApiJson;
import ua.zvernennia.core.testing.Await;
import ua.zvernennia.storage.Ci;
import ua.zvernennia.storage.SmallDisk;
import ua.zvernennia.telegram.FakeBotApi;
import ua.zvernennia.telegram.Updates;
import ua.zvernennia.viber.FakeViberApi;
import ua.zvernennia.viber.ViberRig;

/**
 * The database's disk (a 3 MB tmpfs) runs full under the running app and then gets room again.
 * Meanwhile readiness says 503 with the reason, the API answers 503 and Viber callbacks a 5xx,
 * all without hanging, and Telegram updates stay unacknowledged; once there is room the same app
 * answers again with nothing acknowledged lost and nothing handled twice. Needs root to mount.
 */
class StorageOutageTest {
    private static final String ADMIN = TokenApiTest.ADMIN;
    private static final long CITIZEN = 7001;
    /** A request that takes this long hangs: the test fails instead of waiting for ever. */
    private static final Duration NO_HANG = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "h2"})
    void aFullDiskMakesTheAppUnreadyAndItResumesByItselfWithNothingLostOrDoubled(String database) throws Exception {
        if (!Ci.running()) {
            assumeTrue(SmallDisk.canMount(), "mounting a small tmpfs needs root");
        }
        try (SmallDisk disk = SmallDisk.mount(dir, "32m");
                FakeBotApi telegram = new FakeBotApi();
                FakeViberApi viber = new FakeViberApi()) {
            var env = new java.util.HashMap<>(TestApps.telegram(telegram));
            env.putAll(Map.of(
                    "DB_URL",
                    database.equals("h2")
                            ? "jdbc:h2:file:" + disk.path().resolve("db").toAbsolutePath()
                            : "jdbc:sqlite:" + disk.path().resolve("db.sqlite").toAbsolutePath(),
                    "ADMIN_TOKEN",
                    ADMIN,
                    "VIBER_AUTH_TOKEN",
                    ViberRig.TOKEN,
                    "VIBER_API_URL",
                    viber.url().toString(),
                    "OUTBOX_POLL_INTERVAL_MS",
                    "100"));
            try (App app = TestApps.start(dir, Clock.systemUTC(), env)) {
                int port = app.httpPort();
                assertThat(get(port, "/health/ready").statusCode()).isEqualTo(200);
                telegram.enqueue(List.of(Updates.text(CITIZEN, "/start")));
                await(() -> welcomes(telegram) == 1);
                long repliesToStart = outboxRows(app, "telegram", String.valueOf(CITIZEN));
                assertThat(repliesToStart).isPositive();
                ConsoleHttp console = new ConsoleHttp(port);
                console.signIn(ADMIN);
                String csrf = console.get("/console/tokens").csrf();

                disk.fill();
                // Tokens issued until the database refuses: some may still fit in the file's free pages.
                List<String> issued = new ArrayList<>();
                List<String> refused = new ArrayList<>();
                for (int i = 0; refused.isEmpty() && i < 2_000; i++) {
                    HttpResponse<String> r = issue(port, "Оператор " + i);
                    assertThat(r.statusCode()).as(r.body()).isIn(201, 503);
                    (r.statusCode() == 201 ? issued : refused).add("Оператор " + i);
                    if (r.statusCode() == 503) {
                        assertThat(r.headers().firstValue("Retry-After")).isPresent();
                        assertThat(json(r).get("error").asText()).contains("database is unavailable");
                    }
                }
                assertThat(refused).isNotEmpty();
                await(() -> get(port, "/health/ready").statusCode() == 503);
                JsonNode unready = json(get(port, "/health/ready"));
                assertThat(unready.get("status").asText()).isEqualTo("unavailable");
                assertThat(unready.get("reason").asText()).isNotBlank();
                assertThat(get(port, "/health").statusCode())
                        .as("alive all the same")
                        .isEqualTo(200);

                long update = telegram.enqueue(List.of(Updates.text(CITIZEN, "/start")))
                        .get(0);
                byte[] callback = viberStart(5_000_000_000_000_000_101L);
                HttpResponse<String> viberWhileFull = viber(port, callback);
                assertThat(viberWhileFull.statusCode())
                        .as("Viber must deliver it again")
                        .isGreaterThanOrEqualTo(500);
                assertThat(issue(port, "Оператор refused").statusCode()).isEqualTo(503);
                ConsoleHttp.Page page = console.post(
                        "/console/tokens", Map.of("_csrf", csrf, "name", "Оператор console", "role", "OPERATOR"));
                assertThat(page.status()).isEqualTo(503);
                assertThat(page.body()).contains("База даних зараз недоступна");
                refused.add("Оператор console");
                assertThat(telegram.offsets())
                        .as("the update is not acknowledged")
                        .allMatch(o -> o <= update);

                disk.free();
                await(() -> get(port, "/health/ready").statusCode() == 200);
                // Telegram sends the unacknowledged update again; Viber posts its callback again.
                await(() -> telegram.offsets().stream().anyMatch(o -> o > update));
                await(() -> welcomes(telegram) >= 2);
                assertThat(viber(port, callback).statusCode()).isEqualTo(200);
                viber.awaitText("Вітаю");
                long viberReplies = outboxRows(app, "viber", ViberRig.USER);
                assertThat(viberReplies).isPositive();
                assertThat(viber(port, callback).statusCode())
                        .as("a repeat is a no-op")
                        .isEqualTo(200);
                assertThat(outboxRows(app, "viber", ViberRig.USER)).isEqualTo(viberReplies);
                assertThat(issue(port, "Оператор after").statusCode()).isEqualTo(201);

                List<String> names = new ArrayList<>();
                HttpResponse<String> tokens = send(port, "/api/tokens", null);
                assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
                json(tokens).forEach(t -> names.add(t.get("name").asText()));
                assertThat(names).containsAll(issued).contains("Оператор after").doesNotContainAnyElementsOf(refused);
                assertThat(names).doesNotHaveDuplicates();
                // Each update handled once: the replies of the second /start are written once, like the first's.
                // (A reply may still be sent twice: its sent mark may not commit while the disk is full.)
                assertThat(outboxRows(app, "telegram", String.valueOf(CITIZEN))).isEqualTo(2 * repliesToStart);
            }
        }
    }

    private static long outboxRows(App app, String channel, String chat) {
        return app.storage()
                .read(s -> s.handle()
                        .createQuery(
                                "SELECT COUNT(*) FROM outbox WHERE UPPER(channel) = UPPER(:channel) AND chat_id = :chat")
                        .bind("channel", channel)
                        .bind("chat", chat)
                        .mapTo(Long.class)
                        .one());
    }

    private static long welcomes(FakeBotApi telegram) {
        return telegram.shown(CITIZEN).stream()
                .filter(s -> s.text().contains("Вітаю"))
                .count();
    }

    private static byte[] viberStart(long token) {
        return ("{\"event\":\"message\",\"timestamp\":1700000000000,\"message_token\":" + token + ","
                        + "\"sender\":{\"id\":\"" + ViberRig.USER + "\",\"name\":\"Олена\"},"
                        + "\"message\":{\"type\":\"text\",\"text\":\"/start\"}}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private HttpResponse<String> viber(int port, byte[] callback) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/viber/webhook"))
                        .timeout(NO_HANG)
                        .header("X-Viber-Content-Signature", ViberRig.sign(callback))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(callback))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> issue(int port, String name) throws IOException, InterruptedException {
        return send(port, "/api/tokens", "{\"name\": \"" + name + "\", \"role\": \"OPERATOR\"}");
    }

    private HttpResponse<String> send(int port, String path, String json) throws IOException, InterruptedException {
        var b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(NO_HANG)
                .header("Authorization", "Bearer " + ADMIN);
        b = json == null
                ? b.GET()
                : b.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(int port, String path) {
        try {
            return http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                            .timeout(NO_HANG)
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("GET " + path + " failed or hung", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static JsonNode json(HttpResponse<String> r) throws IOException {
        return ApiJson.MAPPER.readTree(r.body());
    }

    private static void await(BooleanSupplier condition) {
        Await.until("the app's storage state", condition);
    }
}
