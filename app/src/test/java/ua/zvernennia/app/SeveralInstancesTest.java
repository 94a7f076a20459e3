package ua.zvernennia.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ua.zvernennia.app.api.ApiJson;
import ua.zvernennia.storage.TestPostgres;
import ua.zvernennia.telegram.FakeBotApi;
import ua.zvernennia.telegram.TelegramWebhook;
import ua.zvernennia.telegram.Updates;
import ua.zvernennia.viber.FakeViberApi;
import ua.zvernennia.viber.ViberRig;

/**
 * Two instances of the app, each a JVM of its own started from {@code Main}, on one PostgreSQL
 * database, as a city runs them behind a load balancer; one of them is killed with SIGKILL in the
 * middle of the run, as a machine dies: its sockets close, PostgreSQL rolls back its open
 * transaction, and nothing of it runs any more (an instance in this JVM could not be stopped that
 * hard: its threads would go on). Citizens on Telegram (webhook, then polling) and Viber go
 * through the whole appeal, every update handed in as soon as the one before is acknowledged and
 * to the other instance than the one before; operators change statuses on either instance.
 */
class SeveralInstancesTest {
    static final String ADMIN = "several-instances-admin-token-0123456789";
    static final Duration WITHIN = Duration.ofSeconds(120);
    static final String DESCRIPTION = "Ліфт стоїть з ранку, підʼїзд ";
    /** A citizen's way through the bot, typed (the bot takes a button's label as its press). */
    static final List<String> SCRIPT = List.of(
            "/start",
            "✅ Погоджуюсь",
            "📝 Нове звернення",
            "🛗 Ліфти",
            "Ліфт не працює",
            DESCRIPTION + "%d",
            "⏭ Пропустити",
            "вул. Робоча, %d",
            "Олена Коваленко",
            "вул. Робоча, 7, кв. %d",
            "050 123 45 67",
            "✅ Підтвердити");

    static final AtomicLong VIBER_TOKENS = new AtomicLong(6_100_000_000_000_000_000L);

    @TempDir
    Path dir;

    String db;
    final List<Instance> instances = new ArrayList<>();
    final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final ExecutorService citizens = Executors.newFixedThreadPool(16);

    @BeforeEach
    void database() {
        TestPostgres.require();
        db = TestPostgres.freshDatabase();
    }

    @AfterEach
    void stop() throws InterruptedException {
        citizens.shutdownNow();
        for (Instance i : instances) {
            i.process.destroyForcibly();
            i.process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** Neither instance logged an error: a killed peer is something the other takes in its stride. */
    private void noErrorsLogged() {
        for (Instance i : instances) {
            assertThat(tail(i.log(), Integer.MAX_VALUE)).as(i.name() + "'s log").doesNotContain(" ERROR ");
        }
    }

    @Test
    void webhooksLandOnEitherInstanceAndTheOtherCarriesOnWhenOneIsKilled() throws Exception {
        try (FakeBotApi telegram = new FakeBotApi();
                FakeViberApi viber = new FakeViberApi()) {
            Map<String, String> env = new HashMap<>(Map.of(
                    "TELEGRAM_BOT_TOKEN",
                    FakeBotApi.TOKEN,
                    "TELEGRAM_API_URL",
                    telegram.url().toString(),
                    "TELEGRAM_WEBHOOK_URL",
                    "https://bot.example.ua" + TelegramWebhook.PATH,
                    "VIBER_AUTH_TOKEN",
                    ViberRig.TOKEN,
                    "VIBER_API_URL",
                    viber.url().toString()));
            Instance one = start("one", env);
            Instance two = start("two", env);
            awaitReady(one);
            awaitReady(two);
            // Each instance registered the webhook at its start; Telegram keeps the last secret,
            // which must be the one both instances check.
            List<String> secrets = telegram.calls("setWebhook").stream()
                    .map(c -> c.params().path("secret_token").asText())
                    .toList();
            assertThat(secrets).hasSize(2);
            assertThat(secrets.get(0)).isNotBlank().isEqualTo(secrets.get(1));
            String secret = secrets.get(1);
            var lb = new Balancer(List.of(one, two));

            // Staff sign in on one instance; the next request lands on the other.
            ConsoleHttp onOne = new ConsoleHttp(one.port);
            assertThat(onOne.signIn(ADMIN).status()).isEqualTo(303);
            ConsoleHttp onTwo = new ConsoleHttp(two.port);
            onTwo.cookies.putAll(onOne.cookies);
            ConsoleHttp.Page list = onTwo.get("/console/appeals");
            assertThat(list.status())
                    .as("a session started on one instance, on the other")
                    .isEqualTo(200);
            // A token issued on one instance is shown once on the next page, served by the other.
            ConsoleHttp.Page issued =
                    onTwo.post("/console/tokens", Map.of("_csrf", list.csrf(), "name", "Оператор", "role", "OPERATOR"));
            assertThat(issued.status()).isEqualTo(303);
            onOne.cookies.clear();
            onOne.cookies.putAll(onTwo.cookies);
            java.util.regex.Matcher shown = java.util.regex.Pattern.compile(
                            "id=\"issued-token\"[^>]* value=\"([^\"]+)\"")
                    .matcher(onOne.get(issued.header("Location")).body());
            assertThat(shown.find()).as("the new token on the next page").isTrue();
            String token = shown.group(1);
            assertThat(new ApiClient(two.port, token).get("/api/appeals").status())
                    .isEqualTo(200);
            assertThat(rows("SELECT * FROM console_session").toString())
                    .as("the token is not kept with the session")
                    .doesNotContain(token)
                    .doesNotContain(onOne.cookies.get("zv_console"));
            assertThat(onOne.post("/console/logout", Map.of("_csrf", list.csrf()))
                            .status())
                    .isEqualTo(303);
            assertThat(onTwo.get("/console/appeals").status())
                    .as("signed out on the other instance")
                    .isEqualTo(303);

            // Group A: both instances up all along.
            List<Citizen> groupA = citizens(0, 4, telegram, viber, secret);
            runAll(groupA, lb, null);
            List<String> numbersA = filedOnce(groupA);
            pushStatuses(numbersA, lb, "IN_PROGRESS");
            awaitAllSent();
            for (Citizen c : groupA) {
                assertThat(c.delivered())
                        .as("%s: every reply and push once, in order", c)
                        .containsExactlyElementsOf(queued(c));
            }

            // Group B: instance two is killed when half of their updates are in.
            List<Citizen> groupB = citizens(100, 4, telegram, viber, secret);
            int half = groupB.size() * SCRIPT.size() / 2;
            runAll(groupB, lb, acknowledged -> {
                if (acknowledged == half) {
                    kill(two);
                    lb.down(two);
                }
            });
            assertThat(two.process.isAlive()).isFalse();
            List<String> numbersB = filedOnce(groupB);
            pushStatuses(numbersB, lb, "IN_PROGRESS");
            pushStatuses(numbersA, lb, "RESOLVED");
            awaitAllSent();
            for (Citizen c : groupA) {
                assertThat(c.delivered())
                        .as("%s: every reply and push once, in order", c)
                        .containsExactlyElementsOf(queued(c));
            }
            for (Citizen c : groupB) {
                // What the killed instance had sent but not yet marked sent is sent once more by the
                // other (at least once, never lost); nothing else repeats, and the order holds.
                List<String> queued = queued(c);
                assertThat(withoutRepeats(c.delivered(), queued))
                        .as("%s: nothing lost, in order", c)
                        .containsExactlyElementsOf(queued);
            }
            assertThat(telegram.calls("setWebhook")).hasSize(2);
            noErrorsLogged();
        }
    }

    @Test
    void oneInstancePollsTelegramAndAnotherTakesOverWhenItIsKilled() throws Exception {
        try (FakeBotApi telegram = new FakeBotApi()) {
            Map<String, String> env = Map.of(
                    "TELEGRAM_BOT_TOKEN",
                    FakeBotApi.TOKEN,
                    "TELEGRAM_API_URL",
                    telegram.url().toString());
            Instance one = start("one", env);
            Instance two = start("two", env);
            awaitReady(one);
            awaitReady(two);
            List<Citizen> group = new ArrayList<>();
            for (int n = 0; n < 6; n++) {
                group.add(new Citizen(n, telegram, 9300 + n, null, null, null));
            }
            AtomicInteger acknowledged = new AtomicInteger();
            int half = group.size() * SCRIPT.size() / 2;
            var done = new ArrayList<CompletableFuture<Void>>();
            for (Citizen c : group) {
                done.add(CompletableFuture.runAsync(
                        () -> {
                            for (int step = 0; step < SCRIPT.size(); step++) {
                                long id = telegram.enqueue(List.of(Updates.text(c.telegramChat, c.say(step))))
                                        .get(0);
                                // Acknowledged: the poller asked for updates past it.
                                awaitUntil(() -> telegram.offsets().stream().anyMatch(o -> o > id));
                                if (acknowledged.incrementAndGet() == half) {
                                    kill(poller(one, two));
                                }
                            }
                        },
                        citizens));
            }
            CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get(WITHIN.toSeconds(), TimeUnit.SECONDS);
            assertThat(one.process.isAlive() ^ two.process.isAlive())
                    .as("one of them was killed")
                    .isTrue();
            filedOnce(group);
            awaitAllSent();
            for (Citizen c : group) {
                List<String> queued = queued(c);
                assertThat(withoutRepeats(c.delivered(), queued))
                        .as("%s: nothing lost, in order", c)
                        .containsExactlyElementsOf(queued);
            }
            assertThat(telegram.mostPollsAtOnce())
                    .as("getUpdates from one instance at a time")
                    .isEqualTo(1);
            long updates = count("SELECT COUNT(*) FROM processed_update WHERE channel = 'TELEGRAM'");
            assertThat(updates).as("every update recorded once").isEqualTo((long) group.size() * SCRIPT.size());
            noErrorsLogged();
        }
    }

    // ---- citizens -------------------------------------------------------------------------------

    /** One citizen on Telegram ({@code telegramChat}) or Viber ({@code viberUser}). */
    final class Citizen {
        final int n;
        final FakeBotApi telegram;
        final long telegramChat;
        final FakeViberApi viber;
        final String viberUser;
        final String secret;

        Citizen(int n, FakeBotApi telegram, long telegramChat, FakeViberApi viber, String viberUser, String secret) {
            this.n = n;
            this.telegram = telegram;
            this.telegramChat = telegramChat;
            this.viber = viber;
            this.viberUser = viberUser;
            this.secret = secret;
        }

        String chatId() {
            return viberUser != null ? viberUser : Long.toString(telegramChat);
        }

        String channel() {
            return viberUser != null ? "VIBER" : "TELEGRAM";
        }

        String say(int step) {
            return SCRIPT.get(step).contains("%d") ? SCRIPT.get(step).formatted(n) : SCRIPT.get(step);
        }

        /** The update of this step as its messenger posts it to a webhook: path, body, signature header. */
        Post post(int step) {
            if (viberUser != null) {
                byte[] body = IsolationTest.viberText(viberUser, say(step));
                return new Post("/viber/webhook", body, "X-Viber-Content-Signature", ViberRig.sign(body));
            }
            ObjectNode u = Updates.text(telegramChat, say(step)).put("update_id", telegram.newUpdateId());
            return new Post(
                    TelegramWebhook.PATH,
                    u.toString().getBytes(StandardCharsets.UTF_8),
                    TelegramWebhook.SECRET_HEADER,
                    secret);
        }

        /** What reached the citizen's messenger, oldest first. */
        List<String> delivered() {
            if (viberUser != null) {
                return viber.sent().stream()
                        .filter(r -> r.body().path("receiver").asText().equals(viberUser))
                        .map(FakeViberApi.Request::text)
                        .toList();
            }
            return telegram.shown(telegramChat).stream()
                    .map(FakeBotApi.Shown::text)
                    .toList();
        }

        @Override
        public String toString() {
            return channel().toLowerCase() + "/" + chatId();
        }
    }

    record Post(String path, byte[] body, String header, String value) {}

    private List<Citizen> citizens(int from, int perChannel, FakeBotApi telegram, FakeViberApi viber, String secret) {
        var all = new ArrayList<Citizen>();
        for (int n = from; n < from + perChannel; n++) {
            all.add(new Citizen(n, telegram, 9100 + n, null, null, secret));
            all.add(new Citizen(n, null, 0, viber, "multi" + n + "A=", null));
        }
        return all;
    }

    /**
     * Every citizen at once, each handing in its next update as soon as the one before is
     * acknowledged (200), to the other instance than the one before; {@code afterEach} hears the
     * count of updates acknowledged so far.
     */
    private void runAll(List<Citizen> group, Balancer lb, java.util.function.IntConsumer afterEach) throws Exception {
        AtomicInteger acknowledged = new AtomicInteger();
        var done = new ArrayList<CompletableFuture<Void>>();
        for (Citizen c : group) {
            done.add(CompletableFuture.runAsync(
                    () -> {
                        for (int step = 0; step < SCRIPT.size(); step++) {
                            lb.deliver(c.post(step), c.n + step);
                            int n = acknowledged.incrementAndGet();
                            if (afterEach != null) {
                                afterEach.accept(n);
                            }
                        }
                    },
                    citizens));
        }
        CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get(WITHIN.toSeconds(), TimeUnit.SECONDS);
    }

    /** Each citizen's appeal is in the database once, as they filed it; returns their numbers. */
    private List<String> filedOnce(List<Citizen> group) throws SQLException {
        awaitUntil(() -> count("SELECT COUNT(*) FROM inbox") == 0);
        var numbers = new ArrayList<String>();
        for (Citizen c : group) {
            List<Map<String, String>> rows =
                    rows("SELECT num, description, last_name, phone FROM appeal WHERE channel = '" + c.channel()
                            + "' AND chat_id = '" + c.chatId() + "'");
            assertThat(rows)
                    .as("%s: one appeal%s", c, rows.size() == 1 ? "" : diagnosis(c))
                    .hasSize(1);
            assertThat(rows.get(0).get("description")).isEqualTo(DESCRIPTION + c.n);
            assertThat(rows.get(0).get("last_name")).isEqualTo("Коваленко");
            assertThat(rows.get(0).get("phone")).isEqualTo("+380501234567");
            numbers.add(rows.get(0).get("num"));
        }
        return numbers;
    }

    /** Where a citizen's conversation stands and what the bot said, with the instances' logs: for a failure. */
    private String diagnosis(Citizen c) throws SQLException {
        String where = "channel = '" + c.channel() + "' AND chat_id = '" + c.chatId() + "'";
        var out = new StringBuilder("\nconversation: ")
                .append(rows("SELECT step, draft FROM conversation WHERE " + where))
                .append("\ninbox: ")
                .append(rows("SELECT * FROM inbox WHERE " + where))
                .append("\nreplies: ")
                .append(rows("SELECT id, status, payload FROM outbox WHERE " + where + " ORDER BY id"));
        for (Instance i : instances) {
            out.append("\n").append(i.name()).append("'s log: ").append(tail(i.log(), 6000));
        }
        return out.toString();
    }

    /** Operators move the appeals on, each change on the other instance than the one before. */
    private void pushStatuses(List<String> numbers, Balancer lb, String status) {
        int i = 0;
        for (String number : numbers) {
            String body = "{\"status\":\"" + status + "\",\"comment\":\"Бригада виїхала\"}";
            lb.api(i++, "/api/appeals/" + number + "/status", body);
        }
    }

    /** What the database queued for the citizen, in order: every reply and push. */
    private List<String> queued(Citizen c) throws SQLException {
        return rows("SELECT payload FROM outbox WHERE channel = '" + c.channel() + "' AND chat_id = '" + c.chatId()
                        + "' ORDER BY id")
                .stream()
                .map(r -> text(r.get("payload")))
                .toList();
    }

    /** The text of a reply as the outbox keeps it (JSON). */
    private static String text(String payload) {
        try {
            return ApiJson.MAPPER.readTree(payload).path("text").asText();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private void awaitAllSent() {
        awaitUntil(() -> count("SELECT COUNT(*) FROM outbox WHERE status <> 'SENT'") == 0
                && count("SELECT COUNT(*) FROM inbox") == 0);
    }

    /**
     * What was delivered, with the one repeat a kill may cause taken out: the killed instance's
     * last messages, sent but not yet marked sent, are sent again by the other, right after
     * themselves. Anything else (a message lost, one out of order, a second repeat) is left in
     * and fails the comparison with what was queued.
     */
    static List<String> withoutRepeats(List<String> delivered, List<String> queued) {
        int j = 0;
        while (j < delivered.size() && j < queued.size() && delivered.get(j).equals(queued.get(j))) {
            j++;
        }
        if (j == delivered.size()) {
            return delivered;
        }
        for (int i = j - 1; i >= 0; i--) {
            List<String> again = queued.subList(i, j);
            if (delivered.size() >= j + again.size()
                    && delivered.subList(j, j + again.size()).equals(again)) {
                var out = new ArrayList<>(delivered.subList(0, j));
                out.addAll(delivered.subList(j + again.size(), delivered.size()));
                return out;
            }
        }
        return delivered;
    }

    // ---- instances ------------------------------------------------------------------------------

    record Instance(String name, Process process, int port, Path log) {}

    /** Sends to instances in turn, and to the other when one does not answer, as a load balancer does. */
    final class Balancer {
        private final List<Instance> all;
        private final List<Instance> down = new java.util.concurrent.CopyOnWriteArrayList<>();

        Balancer(List<Instance> all) {
            this.all = all;
        }

        void down(Instance i) {
            down.add(i);
        }

        /** Posts the update until an instance answers 200: the messenger sends it again until then. */
        void deliver(Post post, int turn) {
            long until = System.nanoTime() + WITHIN.toNanos();
            for (int attempt = 0; ; attempt++) {
                assertThat(System.nanoTime()).as("an instance took the update").isLessThan(until);
                Instance to = all.get((turn + attempt) % all.size());
                if (down.contains(to)) {
                    continue;
                }
                HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + to.port() + post.path()))
                        .timeout(Duration.ofSeconds(60))
                        .header(post.header(), post.value())
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(post.body()))
                        .build();
                try {
                    if (http.send(request, HttpResponse.BodyHandlers.discarding())
                                    .statusCode()
                            == 200) {
                        return;
                    }
                } catch (IOException e) {
                    // Not answered: killed under the request, say. Sent again, as the messenger would.
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError(e);
                }
                pause(50);
            }
        }

        void api(int turn, String path, String json) {
            for (int attempt = 0; attempt < 2 * all.size(); attempt++) {
                Instance to = all.get((turn + attempt) % all.size());
                if (down.contains(to)) {
                    continue;
                }
                ApiClient.Response r = new ApiClient(to.port(), ADMIN).post(path, json);
                assertThat(r.status()).as(path + ": " + r.body()).isEqualTo(200);
                return;
            }
            throw new AssertionError("no instance up");
        }
    }

    private Instance start(String name, Map<String, String> channels) throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path log = dir.resolve(name + ".log");
        ProcessBuilder pb = TestApps.childJvm(log);
        Map<String, String> env = pb.environment();
        env.remove("TELEGRAM_WEBHOOK_URL");
        env.put("HTTP_PORT", Integer.toString(port));
        env.put("HTTP_HOST", "127.0.0.1");
        env.put("DB_URL", db);
        env.put("CATEGORIES_FILE", "../config/categories.yaml");
        env.put("WEB_PHOTOS_DIR", dir.resolve("web-photos").toString());
        env.put("DEMO", "off");
        env.put("ADMIN_TOKEN", ADMIN);
        env.put("LEASE_TTL_MS", "2000");
        env.put("OUTBOX_POLL_INTERVAL_MS", "100");
        // Telegram's own limits would only slow the run down; the fake does not enforce them.
        env.put("TELEGRAM_MAX_MESSAGES_PER_SECOND", "1000");
        env.put("TELEGRAM_MAX_MESSAGES_PER_CHAT_PER_SECOND", "1000");
        env.putAll(channels);
        Instance i = new Instance(name, pb.start(), port, log);
        instances.add(i);
        return i;
    }

    private void awaitReady(Instance i) {
        awaitUntil(() -> {
            assertThat(i.process().isAlive())
                    .as(i.name() + " runs; its log: " + tail(i.log()))
                    .isTrue();
            try {
                return http.send(
                                        HttpRequest.newBuilder(
                                                        URI.create("http://127.0.0.1:" + i.port() + "/health/ready"))
                                                .build(),
                                        HttpResponse.BodyHandlers.discarding())
                                .statusCode()
                        == 200;
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        });
    }

    /** SIGKILL: nothing of the instance runs on, its sockets close. */
    private static void kill(Instance i) {
        i.process().destroyForcibly();
        try {
            assertThat(i.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The instance that holds the Telegram poller's lease (its id holds its process id). */
    private Instance poller(Instance one, Instance two) {
        try {
            List<Map<String, String>> rows = rows("SELECT holder FROM lease WHERE name = 'telegram-poller'");
            String holder = rows.get(0).get("holder");
            return holder.contains("-" + one.process().pid() + "-") ? one : two;
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    private static String tail(Path log) {
        return tail(log, 3000);
    }

    private static String tail(Path log, int chars) {
        try {
            String all = Files.readString(log);
            return all.substring(Math.max(0, all.length() - chars));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    // ---- the database, read directly ------------------------------------------------------------

    private long count(String sql) {
        try (Connection c = DriverManager.getConnection(db);
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    private List<Map<String, String>> rows(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(db);
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            var out = new ArrayList<Map<String, String>>();
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                var row = new LinkedHashMap<String, String>();
                for (int i = 1; i <= columns; i++) {
                    row.put(rs.getMetaData().getColumnLabel(i), rs.getString(i));
                }
                out.add(row);
            }
            return out;
        }
    }

    static void awaitUntil(BooleanSupplier condition) {
        long until = System.nanoTime() + WITHIN.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("within " + WITHIN).isLessThan(until);
            pause(20);
        }
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
