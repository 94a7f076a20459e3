package ua.zvernennia.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ua.zvernennia.app.api.ApiJson;
import ua.zvernennia.core.testing.Await;
import ua.zvernennia.telegram.FakeBotApi;
import ua.zvernennia.telegram.TelegramWebhook;
import ua.zvernennia.telegram.Updates;
import ua.zvernennia.viber.FakeViberApi;
import ua.zvernennia.viber.ViberRig;

/**
 * One chat floods the bot with a burst of 500 messages; another citizen's /start is answered
 * within 2 seconds all the same, on each way updates come in. The flood limit is off here: the
 * isolation holds without it.
 */
class IsolationTest {
    static final int BURST = 500;
    static final int WARM_UP = 20;
    static final Duration ANSWER_WITHIN = Duration.ofSeconds(2);
    static final Map<String, String> NO_FLOOD_LIMIT = Map.of("FLOOD_MAX_MESSAGES", "0", "FLOOD_REPEAT_WINDOW_MS", "0");
    static final AtomicLong VIBER_TOKENS = new AtomicLong(7_000_000_000_000_000_000L);

    @TempDir
    Path dir;
    /** Telegram posts to a webhook over at most 40 connections at once (its max_connections). */
    final ExecutorService messengerConnections = Executors.newFixedThreadPool(40);

    @AfterEach
    void stop() {
        messengerConnections.shutdownNow();
    }

    @Test
    void telegramPollingAnswersAnotherChatDuringABurst() throws Exception {
        try (FakeBotApi telegram = new FakeBotApi()) {
            var env = new HashMap<>(TestApps.telegram(telegram));
            env.putAll(NO_FLOOD_LIMIT);
            try (App app = TestApps.start(dir, Clock.systemUTC(), env)) {
                // A bot that has run a while: the path is loaded and compiled before the burst.
                for (int i = 0; i < WARM_UP; i++) {
                    telegram.enqueue(List.of(Updates.text(8000, "/start")));
                    int seen = i + 1;
                    awaitWithin(
                            Duration.ofSeconds(20),
                            "warm-up",
                            () -> telegram.shown(8000).size() >= seen);
                }
                var burst = new ArrayList<ObjectNode>();
                for (int i = 0; i < BURST; i++) {
                    burst.add(Updates.text(8001, "повідомлення " + i));
                }
                List<Long> ids = telegram.enqueue(burst);
                long start = System.nanoTime();
                long other =
                        telegram.enqueue(List.of(Updates.text(8002, "/start"))).get(0);

                awaitWithin(
                        ANSWER_WITHIN,
                        "the other citizen's /start answered",
                        () -> telegram.shown(8002).stream()
                                .anyMatch(s -> s.text().contains("Вітаю")));
                assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(ANSWER_WITHIN.toMillis());

                // Every update is acknowledged, and the burst is handled in the end, none twice.
                awaitWithin(
                        Duration.ofSeconds(30),
                        "the offset past every update",
                        () -> telegram.offsets().stream().anyMatch(o -> o > Math.max(other, ids.get(ids.size() - 1))));
                awaitWithin(Duration.ofSeconds(60), "the burst handled", () -> inboxEmpty(app));
            }
        }
    }

    @Test
    void telegramWebhookAnswersAnotherChatDuringABurst() throws Exception {
        try (FakeBotApi telegram = new FakeBotApi()) {
            var env = new HashMap<>(TestApps.telegram(telegram));
            env.putAll(NO_FLOOD_LIMIT);
            env.put("TELEGRAM_WEBHOOK_URL", "https://bot.example.ua" + TelegramWebhook.PATH);
            try (App app = TestApps.start(dir, Clock.systemUTC(), env)) {
                List<FakeBotApi.Call> set = telegram.calls("setWebhook");
                String secret =
                        set.get(set.size() - 1).params().path("secret_token").asText();
                HttpClient http = HttpClient.newHttpClient();
                URI hook = URI.create("http://127.0.0.1:" + app.httpPort() + TelegramWebhook.PATH);
                for (int i = 0; i < WARM_UP; i++) {
                    ObjectNode u = Updates.text(8100, "/start").put("update_id", telegram.newUpdateId());
                    assertThat(status(http, post(hook, u.toString(), TelegramWebhook.SECRET_HEADER, secret)))
                            .isEqualTo(200);
                    int seen = i + 1;
                    awaitWithin(
                            Duration.ofSeconds(20),
                            "warm-up",
                            () -> telegram.shown(8100).size() >= seen);
                }
                var posts = new ArrayList<CompletableFuture<Integer>>();
                for (int i = 0; i < BURST; i++) {
                    ObjectNode u = Updates.text(8101, "повідомлення " + i).put("update_id", telegram.newUpdateId());
                    posts.add(CompletableFuture.supplyAsync(
                            () -> status(http, post(hook, u.toString(), TelegramWebhook.SECRET_HEADER, secret)),
                            messengerConnections));
                }
                long start = System.nanoTime();
                ObjectNode hello = Updates.text(8102, "/start").put("update_id", telegram.newUpdateId());
                HttpResponse<String> answered = HttpClient.newHttpClient()
                        .send(
                                post(hook, hello.toString(), TelegramWebhook.SECRET_HEADER, secret),
                                HttpResponse.BodyHandlers.ofString());
                assertThat(answered.statusCode()).isEqualTo(200);
                awaitWithin(
                        ANSWER_WITHIN,
                        "the other citizen's /start answered",
                        () -> telegram.shown(8102).stream()
                                .anyMatch(s -> s.text().contains("Вітаю")));
                assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(ANSWER_WITHIN.toMillis());

                for (var p : posts) {
                    assertThat(p.get()).isEqualTo(200);
                }
                awaitWithin(Duration.ofSeconds(60), "the burst handled", () -> inboxEmpty(app));
            }
        }
    }

    @Test
    void viberAnswersAnotherChatDuringABurst() throws Exception {
        try (FakeViberApi viber = new FakeViberApi()) {
            var env = new HashMap<String, String>(NO_FLOOD_LIMIT);
            env.put("VIBER_AUTH_TOKEN", ViberRig.TOKEN);
            env.put("VIBER_API_URL", viber.url().toString());
            try (App app = TestApps.start(dir, Clock.systemUTC(), env)) {
                HttpClient http = HttpClient.newHttpClient();
                URI hook = URI.create("http://127.0.0.1:" + app.httpPort() + "/viber/webhook");
                for (int i = 0; i < WARM_UP; i++) {
                    byte[] body = viberText("warm0000000A=", "/start");
                    assertThat(status(http, post(hook, body, "X-Viber-Content-Signature", ViberRig.sign(body))))
                            .isEqualTo(200);
                    int seen = i + 1;
                    awaitWithin(
                            Duration.ofSeconds(20),
                            "warm-up",
                            () -> viber.sent().stream()
                                            .filter(r -> r.body()
                                                    .path("receiver")
                                                    .asText()
                                                    .equals("warm0000000A="))
                                            .count()
                                    >= seen);
                }
                var posts = new ArrayList<CompletableFuture<Integer>>();
                for (int i = 0; i < BURST; i++) {
                    byte[] body = viberText("flooder0000A=", "повідомлення " + i);
                    posts.add(CompletableFuture.supplyAsync(
                            () -> status(http, post(hook, body, "X-Viber-Content-Signature", ViberRig.sign(body))),
                            messengerConnections));
                }
                long start = System.nanoTime();
                byte[] hello = viberText("patient0000A=", "/start");
                HttpResponse<String> answered = HttpClient.newHttpClient()
                        .send(
                                post(hook, hello, "X-Viber-Content-Signature", ViberRig.sign(hello)),
                                HttpResponse.BodyHandlers.ofString());
                assertThat(answered.statusCode()).isEqualTo(200);
                awaitWithin(
                        ANSWER_WITHIN,
                        "the other citizen's /start answered",
                        () -> viber.sent().stream()
                                .anyMatch(
                                        r -> r.body().path("receiver").asText().equals("patient0000A=")
                                                && r.text().contains("Вітаю")));
                assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(ANSWER_WITHIN.toMillis());

                for (var p : posts) {
                    assertThat(p.get()).isEqualTo(200);
                }
                awaitWithin(Duration.ofSeconds(60), "the burst handled", () -> inboxEmpty(app));
            }
        }
    }

    static byte[] viberText(String user, String text) {
        return ApiJson.MAPPER
                .createObjectNode()
                .put("event", "message")
                .put("timestamp", 1700000000000L)
                .put("message_token", VIBER_TOKENS.incrementAndGet())
                .<ObjectNode>set(
                        "sender",
                        ApiJson.MAPPER
                                .createObjectNode()
                                .put("id", user)
                                .put("name", "Олена")
                                .put("api_version", 10))
                .<ObjectNode>set(
                        "message",
                        ApiJson.MAPPER.createObjectNode().put("type", "text").put("text", text))
                .toString()
                .getBytes(StandardCharsets.UTF_8);
    }

    static int status(HttpClient http, HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static HttpRequest post(URI uri, String body, String header, String value) {
        return post(uri, body.getBytes(StandardCharsets.UTF_8), header, value);
    }

    static HttpRequest post(URI uri, byte[] body, String header, String value) {
        return HttpRequest.newBuilder(uri)
                .header(header, value)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
    }

    static boolean inboxEmpty(App app) {
        return app.storage().unitOfWork().run(s -> s.inbox().waiting()).isEmpty();
    }

    static void awaitWithin(Duration limit, String what, BooleanSupplier condition) {
        Await.within(limit, what, condition);
    }
}
