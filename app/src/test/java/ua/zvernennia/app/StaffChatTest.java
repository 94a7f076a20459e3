package ua.zvernennia.app;

import static org.assertj.core.api.Assertions.assertThat;
import static ua.zvernennia.app.ChannelsTest.awaitUntil;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import ua.zvernennia.core.appeal.Appeal;
import ua.zvernennia.core.chat.Channel;
import ua.zvernennia.core.chat.ChatKey;
import ua.zvernennia.telegram.FakeBotApi;
import ua.zvernennia.telegram.Updates;

/** An executor's staff chat on the running app: its staff take an appeal into work and resolve it; strangers are refused. */
class StaffChatTest {
    static final String ADMIN = TokenApiTest.ADMIN;
    static final long STAFF_CHAT = -100777;

    @RegisterExtension
    final RunningApp running = RunningApp.withTelegram(Map.of("ADMIN_TOKEN", ADMIN, "OUTBOX_POLL_INTERVAL_MS", "50"));

    App app;

    @BeforeEach
    void app() {
        app = running.app();
    }

    Appeal filed(ChatKey chat, String category, String description) {
        return Filed.appeal(category, description).in(app, chat);
    }

    static ObjectNode press(long userId, String data) {
        ObjectNode u = Updates.press(STAFF_CHAT, 42, data);
        ObjectNode q = (ObjectNode) u.get("callback_query");
        q.putObject("from")
                .put("id", userId)
                .put("is_bot", false)
                .put("first_name", "Петро")
                .put("last_name", "Майстер");
        ((ObjectNode) q.get("message").get("chat")).put("type", "supergroup");
        return u;
    }

    static ObjectNode photo(long userId, String fileId, String caption) {
        ObjectNode u = Updates.photo(STAFF_CHAT, fileId, caption);
        ObjectNode m = (ObjectNode) u.get("message");
        ((ObjectNode) m.get("chat")).put("type", "supergroup");
        m.putObject("from")
                .put("id", userId)
                .put("is_bot", false)
                .put("first_name", "Петро")
                .put("last_name", "Майстер");
        return u;
    }

    JsonNode lastEvent(ApiClient admin, String n) {
        JsonNode history = admin.get("/api/appeals/" + n).json().get("history");
        return history.get(history.size() - 1);
    }

    @Test
    void staffTakeAnAppealAndResolveItWithAPhotoAndStrangersAreRefused() throws Exception {
        FakeBotApi telegram = running.telegram();
        ApiClient admin = new ApiClient(app.httpPort(), ADMIN);
        long water = admin.post(
                        "/api/executors", "{\"name\": \"КП «Водоканал-3»\", \"staffChat\": \"" + STAFF_CHAT + "\"}")
                .json()
                .get("id")
                .asLong();
        assertThat(admin.post(
                                "/api/executors/" + water + "/staff",
                                "{\"telegramUserId\": \"501\", \"name\": \"Петро Майстер\"}")
                        .status())
                .isBetween(200, 204);
        Appeal appeal = filed(ChatKey.of(Channel.TELEGRAM, "7001"), "lifts", "Тече труба в підвалі");
        String n = appeal.number().toString();
        assertThat(admin.post(
                                "/api/appeals/" + n + "/executor",
                                "{\"executorId\": " + water + ", \"reason\": \"Труба\"}")
                        .status())
                .isEqualTo(200);
        awaitUntil(
                () -> telegram.shown(STAFF_CHAT).stream().anyMatch(s -> s.text().contains("Звернення № " + n)));

        // A stranger's press is refused and changes nothing.
        telegram.enqueue(List.of(press(999, "staff:take:" + n)));
        awaitUntil(() -> telegram.calls("answerCallbackQuery").stream()
                .anyMatch(c -> c.params().path("text").asText().contains("не зареєстровані")));
        assertThat(admin.get("/api/appeals/" + n).json().get("status").asText()).isEqualTo("REGISTERED");

        // The staff member takes it into work.
        telegram.enqueue(List.of(press(501, "staff:take:" + n)));
        awaitUntil(() ->
                admin.get("/api/appeals/" + n).json().get("status").asText().equals("IN_PROGRESS"));
        JsonNode taken = lastEvent(admin, n);
        assertThat(taken.get("actor").asText()).isEqualTo("Петро Майстер (tg 501)");
        awaitUntil(
                () -> telegram.shown(STAFF_CHAT).stream().anyMatch(s -> s.text().contains("взяв(ла) в роботу " + n)));

        // «Виконано» asks for the photo with a comment; the photo resolves the appeal.
        telegram.enqueue(List.of(press(501, "staff:done:" + n)));
        awaitUntil(
                () -> telegram.shown(STAFF_CHAT).stream().anyMatch(s -> s.text().contains("надішліть фото")));
        telegram.enqueue(List.of(photo(999, "stranger-photo", "Не моє")));
        telegram.enqueue(List.of(photo(501, "done-photo", "Трубу замінено")));
        awaitUntil(() ->
                admin.get("/api/appeals/" + n).json().get("status").asText().equals("RESOLVED"));
        JsonNode resolved = lastEvent(admin, n);
        assertThat(resolved.get("actor").asText()).isEqualTo("Петро Майстер (tg 501)");
        assertThat(resolved.get("note").asText()).isEqualTo("Трубу замінено");
        // The citizen gets the resolution with the staff's photo, then the question whether it is solved.
        awaitUntil(() -> telegram.shown(7001).stream()
                .anyMatch(s ->
                        s.text().startsWith("[photo done-photo]") && s.text().contains("Трубу замінено")));
        assertThat(telegram.calls("sendPhoto"))
                .allMatch(c -> c.params().path("photo").asText().equals("done-photo"));

        // «Не наша компетенція» hands another appeal back to the operators, with the reason and who did it.
        Appeal other = filed(ChatKey.of(Channel.TELEGRAM, "7002"), "lifts", "Не працює ліфт");
        String m = other.number().toString();
        assertThat(admin.post(
                                "/api/appeals/" + m + "/executor",
                                "{\"executorId\": " + water + ", \"reason\": \"Вода\"}")
                        .status())
                .isEqualTo(200);
        telegram.enqueue(List.of(press(501, "staff:back:" + m)));
        awaitUntil(() -> admin.get("/api/appeals/" + m).json().get("executorId").isNull());
        JsonNode back = lastEvent(admin, m);
        assertThat(back.get("kind").asText()).isEqualTo("RETURNED");
        assertThat(back.get("note").asText()).isEqualTo("не наша компетенція");
        assertThat(back.get("actor").asText()).isEqualTo("Петро Майстер (tg 501)");
    }
}
