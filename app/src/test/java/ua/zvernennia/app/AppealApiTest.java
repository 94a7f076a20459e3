package ua.zvernennia.app;

import static org.assertj.core.api.Assertions.assertThat;
import static ua.zvernennia.app.ChannelsTest.awaitUntil;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ua.zvernennia.core.appeal.Appeal;
import ua.zvernennia.core.appeal.PhotoRef;
import ua.zvernennia.core.chat.Channel;
import ua.zvernennia.core.chat.ChatKey;
import ua.zvernennia.telegram.FakeBotApi;
import ua.zvernennia.telegram.Updates;
import ua.zvernennia.viber.FakeViberApi;
import ua.zvernennia.viber.ViberRig;

/** The operators' API on the running app, with pushes delivered to the local fake messengers. */
class AppealApiTest {
    static final String ADMIN = TokenApiTest.ADMIN;
    static final long TELEGRAM_CHAT = 7001;

    @TempDir
    Path dir;

    App app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    App start(FakeBotApi telegram, FakeViberApi viber) {
        var env = new HashMap<>(Map.of(
                "DB_URL",
                "jdbc:h2:file:" + dir.resolve("db").toAbsolutePath(),
                "ADMIN_TOKEN",
                ADMIN,
                "OUTBOX_POLL_INTERVAL_MS",
                "50"));
        if (telegram != null) {
            env.put("TELEGRAM_BOT_TOKEN", FakeBotApi.TOKEN);
            env.put("TELEGRAM_API_URL", telegram.url().toString());
        }
        if (viber != null) {
            env.put("VIBER_AUTH_TOKEN", ViberRig.TOKEN);
            env.put("VIBER_API_URL", viber.url().toString());
        }
        app = TestApps.start(dir, Clock.systemUTC(), env);
        return app;
    }

    ApiClient operator() {
        ApiClient admin = new ApiClient(app.httpPort(), ADMIN);
        String token = admin.post("/api/tokens", "{\"name\": \"Оператор Іваненко\", \"role\": \"OPERATOR\"}")
                .json()
                .get("token")
                .asText();
        return admin.as(token);
    }

    /** A citizen's appeal as the bot registers it, with their consent on record. */
    Appeal filed(ChatKey chat, String description, List<PhotoRef> photos) {
        return Filed.appeal("lifts", description).withPhotos(photos).in(app, chat);
    }

    static ChatKey telegramChat() {
        return ChatKey.of(Channel.TELEGRAM, String.valueOf(TELEGRAM_CHAT));
    }

    JsonNode lastPush(ApiClient api, Appeal a) {
        JsonNode history = api.get("/api/appeals/" + a.number()).json().get("history");
        return history.get(history.size() - 1).get("push");
    }

    @Test
    void aStatusChangeIsPushedToTelegramWithTheNumberAndTheComment() throws Exception {
        try (FakeBotApi telegram = new FakeBotApi()) {
            start(telegram, null);
            ApiClient api = operator();
            Appeal a = filed(telegramChat(), "Застряг ліфт", List.of());

            ApiClient.Response r = api.post(
                    "/api/appeals/" + a.number() + "/status",
                    "{\"status\": \"IN_PROGRESS\", \"comment\": \"Бригада виїхала\"}");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.json().get("pushed").asBoolean()).isTrue();

            awaitUntil(() -> telegram.shown(TELEGRAM_CHAT).stream()
                    .anyMatch(s -> s.text()
                            .equals("📬 Звернення № " + a.number() + ": у роботі.\nКоментар: Бригада виїхала")));
            awaitUntil(() -> lastPush(api, a).get("delivered").asBoolean());
            JsonNode details = api.get("/api/appeals/" + a.number()).json();
            assertThat(details.get("status").asText()).isEqualTo("IN_PROGRESS");
            JsonNode change = details.get("history").get(1);
            assertThat(change.get("kind").asText()).isEqualTo("STATUS");
            assertThat(change.get("from").asText()).isEqualTo("REGISTERED");
            assertThat(change.get("actor").asText()).isEqualTo("Оператор Іваненко");
            assertThat(change.get("note").asText()).isEqualTo("Бригада виїхала");
            assertThat(change.get("push").get("status").asText()).isEqualTo("SENT");
        }
    }

    @Test
    void aQuestionIsPushedToViberAndTheCitizensAnswerIsAttached() throws Exception {
        try (FakeViberApi viber = new FakeViberApi()) {
            start(null, viber);
            ApiClient api = operator();
            Appeal a = filed(ChatKey.of(Channel.VIBER, ViberRig.USER), "Не працює ліфт", List.of());

            assertThat(api.post(
                                    "/api/appeals/" + a.number() + "/status",
                                    "{\"status\": \"NEEDS_INFO\", \"comment\": \"Який підʼїзд?\"}")
                            .status())
                    .isEqualTo(200);
            assertThat(viber.awaitText("Звернення № " + a.number() + ": потрібне уточнення"))
                    .last()
                    .satisfies(req -> assertThat(req.text()).contains("Питання від оператора: Який підʼїзд?"));

            byte[] callback =
                    ("{\"event\":\"message\",\"timestamp\":1700000000000,\"message_token\":5000000000000000077,"
                                    + "\"sender\":{\"id\":\"" + ViberRig.USER + "\",\"name\":\"Олена\"},"
                                    + "\"message\":{\"type\":\"text\",\"text\":\"Третій підʼїзд\"}}")
                            .getBytes(StandardCharsets.UTF_8);
            HttpResponse<String> posted = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.httpPort() + "/viber/webhook"))
                                    .header("X-Viber-Content-Signature", ViberRig.sign(callback))
                                    .POST(HttpRequest.BodyPublishers.ofByteArray(callback))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(posted.statusCode()).isEqualTo(200);
            viber.awaitText("Додано до звернення № " + a.number());

            JsonNode history = api.get("/api/appeals/" + a.number()).json().get("history");
            assertThat(history.get(history.size() - 1).get("kind").asText()).isEqualTo("ANSWER");
            assertThat(history.get(history.size() - 1).get("actor").asText()).isEqualTo("citizen");
            assertThat(history.get(history.size() - 1).get("note").asText()).isEqualTo("Третій підʼїзд");
        }
    }

    @Test
    void aPushCommittedWhileNoMessengerRunsIsDeliveredAfterARestart() throws Exception {
        start(null, null);
        ApiClient api = operator();
        Appeal a = filed(telegramChat(), "Застряг ліфт", List.of());
        assertThat(api.post(
                                "/api/appeals/" + a.number() + "/status",
                                "{\"status\": \"RESOLVED\", \"comment\": \"Ліфт працює\"}")
                        .status())
                .isEqualTo(200);
        assertThat(lastPush(api, a).get("status").asText()).isEqualTo("PENDING");
        app.close();
        app = null;

        try (FakeBotApi telegram = new FakeBotApi()) {
            start(telegram, null);
            awaitUntil(() -> telegram.shown(TELEGRAM_CHAT).stream()
                    .anyMatch(s -> s.text().contains("Звернення № " + a.number() + ": вирішено.")
                            && s.text().contains("Коментар: Ліфт працює")
                            && s.text().contains("Чи вирішено вашу проблему?")));
            ApiClient again = new ApiClient(app.httpPort(), ADMIN);
            awaitUntil(() -> lastPush(again, a).get("delivered").asBoolean());

            // The citizen answers «Ні» on the pushed question: the appeal is back in work with their comment.
            telegram.enqueue(List.of(Updates.press(TELEGRAM_CHAT, 1, "solved_no:" + a.number())));
            awaitUntil(() -> telegram.shown(TELEGRAM_CHAT).stream()
                    .anyMatch(s -> s.text().contains("що саме не так")));
            telegram.enqueue(List.of(Updates.text(TELEGRAM_CHAT, "Ліфт знову стоїть")));
            awaitUntil(() -> again.get("/api/appeals/" + a.number())
                    .json()
                    .get("status")
                    .asText()
                    .equals("IN_PROGRESS"));
            JsonNode history = again.get("/api/appeals/" + a.number()).json().get("history");
            JsonNode reopening = history.get(history.size() - 1);
            assertThat(reopening.get("from").asText()).isEqualTo("RESOLVED");
            assertThat(reopening.get("actor").asText()).isEqualTo("citizen");
            assertThat(reopening.get("note").asText()).isEqualTo("Ліфт знову стоїть");
            assertThat(again.get("/api/appeals/" + a.number())
                            .json()
                            .get("closedAt")
                            .isNull())
                    .isTrue();
        }
    }

    @Test
    void aPushRefusedWith429IsDeliveredLater() throws Exception {
        try (FakeBotApi telegram = new FakeBotApi()) {
            start(telegram, null);
            ApiClient api = operator();
            Appeal a = filed(telegramChat(), "Застряг ліфт", List.of());
            telegram.failNext("sendMessage", 429, "Too Many Requests: retry after 1", 1);

            api.post("/api/appeals/" + a.number() + "/status", "{\"status\": \"IN_PROGRESS\"}");
            awaitUntil(() -> telegram.shown(TELEGRAM_CHAT).stream()
                    .anyMatch(s -> s.text().contains("Звернення № " + a.number() + ": у роботі.")));
            assertThat(telegram.calls("sendMessage")).hasSize(2);
            awaitUntil(() -> lastPush(api, a).get("delivered").asBoolean());
        }
    }

    @Test
    void anUnreachableCitizenIsNotRetriedAndTheOperatorSeesIt() throws Exception {
        try (FakeBotApi telegram = new FakeBotApi()) {
            start(telegram, null);
            ApiClient api = operator();
            Appeal a = filed(telegramChat(), "Застряг ліфт", List.of());
            telegram.failNext("sendMessage", 403, "Forbidden: bot was blocked by the user", null);

            api.post("/api/appeals/" + a.number() + "/status", "{\"status\": \"IN_PROGRESS\"}");
            awaitUntil(() -> lastPush(api, a).get("status").asText().equals("FAILED"));
            assertThat(lastPush(api, a).get("delivered").asBoolean()).isFalse();
            assertThat(lastPush(api, a).get("lastError").asText())
                    .contains("unreachable")
                    .contains("blocked");

            api.post("/api/appeals/" + a.number() + "/status", "{\"status\": \"RESOLVED\", \"comment\": \"Готово\"}");
            assertThat(lastPush(api, a).get("status").asText())
                    .as("not even tried")
                    .isEqualTo("FAILED");
            assertThat(telegram.calls("sendMessage")).hasSize(1);
        }
    }

    @Test
    void illegalChangesAndBadRequestsChangeNothing() {
        start(null, null);
        ApiClient api = operator();
        Appeal a = filed(telegramChat(), "Застряг ліфт", List.of());
        String path = "/api/appeals/" + a.number() + "/status";

        ApiClient.Response withdraw = api.post(path, "{\"status\": \"WITHDRAWN\"}");
        assertThat(withdraw.status()).isEqualTo(409);
        assertThat(withdraw.json().get("error").asText()).contains("only the citizen");
        assertThat(api.post(path, "{\"status\": \"REGISTERED\"}").status()).isEqualTo(409);
        ApiClient.Response noQuestion = api.post(path, "{\"status\": \"NEEDS_INFO\"}");
        assertThat(noQuestion.status()).isEqualTo(400);
        assertThat(noQuestion.json().get("error").asText()).contains("question");
        assertThat(api.post(path, "{\"status\": \"DONE\"}").json().get("error").asText())
                .contains("DONE");
        assertThat(api.post(path, "{\"status\": \"IN_PROGRESS\", \"colour\": \"red\"}")
                        .json()
                        .get("error")
                        .asText())
                .contains("colour");
        assertThat(api.post(path, "{\"comment\": \"x\"}").json().get("error").asText())
                .contains("status");
        assertThat(api.post(path, "{\"status\": 3}").status()).isEqualTo(400);
        assertThat(api.post(path, "{\"status\": ").status()).isEqualTo(400);
        assertThat(api.post("/api/appeals/2026-999999/status", "{\"status\": \"IN_PROGRESS\"}")
                        .status())
                .isEqualTo(404);
        assertThat(api.post("/api/appeals/abc/status", "{\"status\": \"IN_PROGRESS\"}")
                        .status())
                .isEqualTo(400);

        JsonNode details = api.get("/api/appeals/" + a.number()).json();
        assertThat(details.get("status").asText()).isEqualTo("REGISTERED");
        assertThat(details.get("history")).hasSize(1);

        assertThat(api.post(path, "{\"status\": \"REJECTED\", \"comment\": \"Не належить до компетенції міста\"}")
                        .status())
                .isEqualTo(200);
        ApiClient.Response closed = api.post(path, "{\"status\": \"IN_PROGRESS\"}");
        assertThat(closed.status()).isEqualTo(409);
        assertThat(closed.json().get("error").asText()).contains("REJECTED").contains("closed");
    }

    @Test
    void tokensAndRoles() {
        start(null, null);
        ApiClient admin = new ApiClient(app.httpPort(), ADMIN);
        ApiClient operator = operator();
        assertThat(operator.get("/api/appeals").status()).isEqualTo(200);
        assertThat(admin.get("/api/appeals").status())
                .as("an admin may do what an operator may")
                .isEqualTo(200);
        assertThat(admin.as(null).get("/api/appeals").status()).isEqualTo(401);
        assertThat(admin.as("nope")
                        .post("/api/appeals/2026-000001/status", "{\"status\": \"IN_PROGRESS\"}")
                        .status())
                .isEqualTo(401);
        assertThat(operator.get("/api/tokens").status()).isEqualTo(403);
    }

    @Test
    void anAppealTakenByPhoneShowsUpInTheFilteredPages() {
        start(null, null);
        ApiClient api = operator();
        Appeal lift = filed(telegramChat(), "Застряг ліфт", List.of());
        ApiClient.Response created = api.post("/api/appeals", """
                {"channel": "PHONE", "category": "roads", "issueType": "pothole", "description": "Яма на дорозі біля школи №5",
                 "placeAddress": "вул. Шкільна, 3", "firstName": "Петро", "lastName": "Мельник",
                 "address": "вул. Нова, 7, кв. 1", "phone": "067 765 43 21", "comment": "Дзвінок на гарячу лінію"}""");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String number = created.json().get("number").asText();
        assertThat(created.json().get("channel").asText()).isEqualTo("PHONE");
        assertThat(created.json().get("phone").asText()).isEqualTo("+380677654321");

        JsonNode page = api.get("/api/appeals").json();
        assertThat(page.get("total").asInt()).isEqualTo(2);
        assertThat(page.get("items").get(0).get("number").asText())
                .as("newest first")
                .isEqualTo(number);
        JsonNode item = page.get("items").get(0);
        assertThat(item.get("lastName").asText()).isEqualTo("Мельник");
        assertThat(item.get("location").get("address").asText()).isEqualTo("вул. Шкільна, 3");
        assertThat(item.get("deadline").asText()).isNotBlank();

        assertThat(numbers(api.get("/api/appeals?channel=PHONE"))).containsExactly(number);
        assertThat(numbers(api.get("/api/appeals?category=lifts")))
                .containsExactly(lift.number().toString());
        assertThat(numbers(api.get(
                        "/api/appeals?status=REGISTERED,IN_PROGRESS&q=%D0%BC%D0%B5%D0%BB%D1%8C%D0%BD%D0%B8%D0%BA")))
                .containsExactly(number);
        assertThat(numbers(api.get("/api/appeals?overdue=false"))).hasSize(2);
        assertThat(numbers(api.get("/api/appeals?overdue=true"))).isEmpty();
        assertThat(numbers(api.get("/api/appeals?executor="
                        + java.net.URLEncoder.encode(lift.executor(), StandardCharsets.UTF_8))))
                .containsExactly(lift.number().toString());
        assertThat(numbers(api.get("/api/appeals?from=2000-01-01&to=2001-01-01")))
                .isEmpty();
        JsonNode second = api.get("/api/appeals?offset=1&limit=1").json();
        assertThat(second.get("total").asInt()).isEqualTo(2);
        assertThat(numbers(second)).containsExactly(lift.number().toString());

        assertThat(api.get("/api/appeals?limit=0").status()).isEqualTo(400);
        assertThat(api.get("/api/appeals?overdue=maybe").status()).isEqualTo(400);
        assertThat(api.get("/api/appeals?status=LOST").json().get("error").asText())
                .contains("LOST");
        assertThat(api.get("/api/appeals?colour=red").json().get("error").asText())
                .contains("colour");

        JsonNode history = api.get("/api/appeals/" + number).json().get("history");
        assertThat(history.get(1).get("actor").asText()).isEqualTo("Оператор Іваненко");
        assertThat(history.get(1).get("note").asText()).isEqualTo("Дзвінок на гарячу лінію");

        ApiClient.Response badPhone = api.post("/api/appeals", """
                {"channel": "PHONE", "category": "roads", "description": "Яма", "placeAddress": "вул. Шкільна, 3",
                 "firstName": "Петро", "lastName": "Мельник", "address": "вул. Нова, 7", "phone": "12345"}""");
        assertThat(badPhone.status()).isEqualTo(400);
        assertThat(badPhone.json().get("error").asText()).contains("phone");
        ApiClient.Response messenger = api.post("/api/appeals", """
                {"channel": "TELEGRAM", "category": "roads", "description": "Яма", "placeAddress": "вул. Шкільна, 3",
                 "firstName": "Петро", "lastName": "Мельник", "address": "вул. Нова, 7", "phone": "0677654321"}""");
        assertThat(messenger.status()).isEqualTo(400);
        ApiClient.Response noPlace = api.post("/api/appeals", """
                {"channel": "EMAIL", "category": "roads", "description": "Яма", "firstName": "Петро", "lastName": "Мельник",
                 "address": "вул. Нова, 7", "phone": "0677654321"}""");
        assertThat(noPlace.json().get("error").asText()).contains("place");
        assertThat(api.get("/api/appeals").json().get("total").asInt())
                .as("nothing half-written")
                .isEqualTo(2);
    }

    @Test
    void photosAreServedFromTheBytesKeptAtReceiptOnly() throws Exception {
        try (FakeBotApi telegram = new FakeBotApi()) {
            byte[] jpeg = ua.zvernennia.app.media.TestImages.jpeg(800, 600);
            telegram.file("AgACphoto1", jpeg);
            start(telegram, null);
            ApiClient api = operator();
            Appeal a = filed(telegramChat(), "Застряг ліфт", List.of(new PhotoRef("AgACphoto1", "u1")));
            assertThat(api.get("/api/appeals/" + a.number())
                            .json()
                            .get("photos")
                            .get(0)
                            .get("url")
                            .asText())
                    .isEqualTo("/api/appeals/" + a.number() + "/photos/0");
            awaitUntil(() -> api.get("/api/appeals/" + a.number() + "/photos/0").status() == 200);
            telegram.forgetFiles();
            int fileCalls = telegram.calls("getFile").size();

            HttpResponse<byte[]> photo = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.httpPort() + "/api/appeals/"
                                            + a.number() + "/photos/0"))
                                    .header("Authorization", "Bearer " + ADMIN)
                                    .build(),
                            HttpResponse.BodyHandlers.ofByteArray());
            assertThat(photo.statusCode()).isEqualTo(200);
            assertThat(photo.body()).as("served after Telegram forgot it").isEqualTo(jpeg);
            assertThat(photo.headers().firstValue("Content-Type")).contains("image/jpeg");
            assertThat(photo.headers().firstValue("Cache-Control")).contains("no-store");
            HttpResponse<byte[]> thumb = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.httpPort() + "/api/appeals/"
                                            + a.number() + "/photos/0?size=thumbnail"))
                                    .header("Authorization", "Bearer " + ADMIN)
                                    .build(),
                            HttpResponse.BodyHandlers.ofByteArray());
            assertThat(thumb.statusCode()).isEqualTo(200);
            assertThat(thumb.body().length).isLessThan(jpeg.length);
            assertThat(telegram.calls("getFile"))
                    .as("the route never asks Telegram")
                    .hasSize(fileCalls);
            assertThat(api.get("/api/appeals/" + a.number() + "/photos/1").status())
                    .isEqualTo(404);
            assertThat(api.as(null)
                            .get("/api/appeals/" + a.number() + "/photos/0")
                            .status())
                    .isEqualTo(401);

            Appeal viber = filed(
                    ChatKey.of(Channel.VIBER, ViberRig.USER),
                    "Не працює ліфт",
                    List.of(new PhotoRef("https://dl-media.viber.com/1.jpg", "t")));
            ApiClient.Response notHere = api.get("/api/appeals/" + viber.number() + "/photos/0");
            assertThat(notHere.status())
                    .as("Viber is not configured here: the photo waits")
                    .isEqualTo(503);
            assertThat(notHere.json().get("error").asText()).contains("still being downloaded");
        }
    }

    @Test
    void theOpenApiDocumentHasTheAppealRoutes() {
        start(null, null);
        JsonNode doc =
                new ApiClient(app.httpPort(), null).get("/api/openapi.json").json();
        assertThat(doc.get("paths").has("/api/appeals")).isTrue();
        assertThat(doc.get("paths").has("/api/appeals/{number}/status")).isTrue();
        assertThat(doc.get("paths").has("/api/tokens")).isTrue();
        assertThat(doc.get("components").get("schemas").has("HistoryEntry")).isTrue();
    }

    static List<String> numbers(ApiClient.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return numbers(r.json());
    }

    static List<String> numbers(JsonNode page) {
        var out = new java.util.ArrayList<String>();
        page.get("items").forEach(i -> out.add(i.get("number").asText()));
        return out;
    }
}
