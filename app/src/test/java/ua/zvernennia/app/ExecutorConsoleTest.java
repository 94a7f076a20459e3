package ua.zvernennia.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import ua.zvernennia.core.appeal.Appeal;
import ua.zvernennia.core.appeal.NewAppeal;
import ua.zvernennia.core.appeal.PersonName;
import ua.zvernennia.core.appeal.Phone;
import ua.zvernennia.core.chat.Channel;
import ua.zvernennia.core.chat.ChatKey;
import ua.zvernennia.core.testing.Await;

/**
 * Executors in the web console: the admins' executor pages, and an operator's reassignment with a
 * reason.
 */
class ExecutorConsoleTest {
    static final String ADMIN = "admin-token-for-executor-console-01";
    static final String PHONE = "+380501234567";
    private static final Pattern ISSUED = Pattern.compile("id=\"issued-token\"[^>]*value=\"([^\"]+)\"");

    @RegisterExtension
    final RunningApp running = RunningApp.withTelegram(Map.of("ADMIN_TOKEN", ADMIN, "OUTBOX_POLL_INTERVAL_MS", "50"));

    ApiClient admin() {
        return new ApiClient(running.app().httpPort(), ADMIN);
    }

    ConsoleHttp signedIn(String token) {
        ConsoleHttp b = new ConsoleHttp(running.app().httpPort());
        assertThat(b.signIn(token).status()).isEqualTo(303);
        return b;
    }

    Appeal filed(String category, String description) {
        Instant now = Instant.now();
        ChatKey chat = ChatKey.of(Channel.TELEGRAM, "8201");
        return running.app().storage().unitOfWork().run(s -> {
            s.citizens().recordConsent(chat, now, "uk");
            return s.appeals()
                    .submit(
                            new NewAppeal(
                                    chat.channel(),
                                    chat,
                                    s.categories().find(category).orElseThrow(),
                                    null,
                                    description,
                                    List.of(),
                                    null,
                                    "вул. Січових Стрільців, 12",
                                    new PersonName("Олена", "Коваленко"),
                                    "вул. Шевченка, 5, кв. 12",
                                    new Phone(PHONE)),
                            now,
                            now.plus(Duration.ofHours(6)),
                            now.plus(Duration.ofDays(30)));
        });
    }

    static JsonNode executor(ApiClient admin, long id) {
        for (JsonNode e : admin.get("/api/executors").json()) {
            if (e.get("id").asLong() == id) {
                return e;
            }
        }
        throw new AssertionError("no executor " + id);
    }

    static long idFrom(String location) {
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    static JsonNode lastEvent(ApiClient admin, Appeal a) {
        JsonNode history = admin.get("/api/appeals/" + a.number()).json().get("history");
        return history.get(history.size() - 1);
    }

    @Test
    void anAdminKeepsTheExecutorsTheirStaffAndTheirTokensByTheApisRules() {
        ApiClient admin = admin();
        ConsoleHttp b = signedIn(ADMIN);
        ConsoleHttp.Page list = b.get("/console/executors");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains("КП «Ліфтове господарство»").contains("id=\"add-executor\"");
        int count = admin.get("/api/executors").json().size();

        // Forms without the session's CSRF token change nothing.
        assertThat(b.post("/console/executors", Map.of("name", "КП «Без форми»"))
                        .status())
                .isEqualTo(403);

        // What the API refuses is refused here too, in Ukrainian, with what was typed kept.
        ConsoleHttp.Page badChat = b.post(
                "/console/executors",
                Map.of("_csrf", list.csrf(), "name", "КП «Тест»", "staffChat", "group-chat", "active", "yes"));
        assertThat(badChat.status()).isEqualTo(400);
        assertThat(badChat.body())
                .contains("Чат працівників у Telegram: числовий ідентифікатор")
                .contains("value=\"group-chat\"");
        ConsoleHttp.Page taken = b.post(
                "/console/executors",
                Map.of("_csrf", list.csrf(), "name", "КП «Ліфтове господарство»", "active", "yes"));
        assertThat(taken.status()).isEqualTo(400);
        assertThat(taken.body()).contains("Виконавець з такою назвою вже є.");
        assertThat(admin.get("/api/executors").json().size()).isEqualTo(count);

        ConsoleHttp.Page added = b.post(
                "/console/executors",
                Map.of(
                        "_csrf",
                        list.csrf(),
                        "name",
                        "КП «Тест»",
                        "contacts",
                        "+380441112233, диспетчер",
                        "staffChat",
                        "-100555",
                        "showCitizen",
                        "yes",
                        "active",
                        "yes"));
        assertThat(added.status()).isEqualTo(303);
        long id = idFrom(added.header("Location"));
        JsonNode saved = executor(admin, id);
        assertThat(saved.get("name").asText()).isEqualTo("КП «Тест»");
        assertThat(saved.get("contacts").asText()).isEqualTo("+380441112233, диспетчер");
        assertThat(saved.get("staffChat").asText()).isEqualTo("-100555");
        assertThat(saved.get("showCitizen").asBoolean()).isTrue();
        assertThat(saved.get("active").asBoolean()).isTrue();

        // The menu's category goes to it; renaming it in the console renames it there too.
        assertThat(admin.patch("/api/categories/street-lights", "{\"executorId\": " + id + "}")
                        .status())
                .isEqualTo(200);
        ConsoleHttp.Page page = b.get("/console/executors/" + id);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Виконавця «КП «Тест»» додано");
        ConsoleHttp.Page edited = b.post(
                "/console/executors/" + id,
                Map.of("_csrf", page.csrf(), "name", "КП «Міське світло»", "contacts", "", "staffChat", ""));
        assertThat(edited.status()).isEqualTo(303);
        saved = executor(admin, id);
        assertThat(saved.get("name").asText()).isEqualTo("КП «Міське світло»");
        assertThat(saved.get("contacts").isNull()).isTrue();
        assertThat(saved.get("staffChat").isNull()).isTrue();
        assertThat(saved.get("showCitizen").asBoolean()).isFalse();
        assertThat(saved.get("active").asBoolean()).isFalse();
        assertThat(MenuExecutorTest.category(admin, "street-lights")
                        .get("executor")
                        .asText())
                .isEqualTo("КП «Міське світло»");
        ConsoleHttp.Page tooLong = b.post(
                "/console/executors/" + id, Map.of("_csrf", page.csrf(), "name", "Д".repeat(201), "active", "yes"));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.body()).contains("Назва: від 1 до 200 символів.");
        assertThat(executor(admin, id).get("active").asBoolean()).isFalse();
        assertThat(b.get("/console/executors/987654").status()).isEqualTo(404);

        // Its staff's Telegram user ids.
        ConsoleHttp.Page badUser = b.post(
                "/console/executors/" + id + "/staff",
                Map.of("_csrf", page.csrf(), "staffName", "Петро Майстер", "telegramUserId", "@petro"));
        assertThat(badUser.status()).isEqualTo(400);
        assertThat(badUser.body()).contains("лише цифри");
        assertThat(admin.get("/api/executors/" + id + "/staff").json()).isEmpty();
        assertThat(b.post(
                                "/console/executors/" + id + "/staff",
                                Map.of("_csrf", page.csrf(), "staffName", "Петро Майстер", "telegramUserId", "501"))
                        .status())
                .isEqualTo(303);
        JsonNode staff = admin.get("/api/executors/" + id + "/staff").json();
        assertThat(staff).hasSize(1);
        assertThat(staff.get(0).get("telegramUserId").asText()).isEqualTo("501");
        assertThat(staff.get(0).get("name").asText()).isEqualTo("Петро Майстер");
        assertThat(b.get("/console/executors/" + id).body()).contains("Петро Майстер");
        assertThat(b.post("/console/executors/" + id + "/staff/501/remove", Map.of("_csrf", page.csrf()))
                        .status())
                .isEqualTo(303);
        assertThat(admin.get("/api/executors/" + id + "/staff").json()).isEmpty();

        // An executor's token, shown once.
        assertThat(b.post(
                                "/console/executors/" + id + "/tokens",
                                Map.of("_csrf", page.csrf(), "tokenName", "Бригада 1"))
                        .status())
                .isEqualTo(303);
        Matcher issued = ISSUED.matcher(b.get("/console/executors/" + id).body());
        assertThat(issued.find()).isTrue();
        JsonNode token = null;
        for (JsonNode t : admin.get("/api/tokens").json()) {
            if (t.get("name").asText().equals("Бригада 1")) {
                token = t;
            }
        }
        assertThat(token).isNotNull();
        assertThat(token.get("role").asText()).isEqualTo("EXECUTOR");
        assertThat(token.get("executorId").asLong()).isEqualTo(id);

        // The pages are the admins'.
        String operator = admin.post("/api/tokens", "{\"name\": \"Оператор\", \"role\": \"OPERATOR\"}")
                .json()
                .get("token")
                .asText();
        ConsoleHttp op = signedIn(operator);
        assertThat(op.get("/console/executors").status()).isEqualTo(403);
        assertThat(op.get("/console/appeals").body()).doesNotContain("href=\"/console/executors\"");
        assertThat(b.get("/console/appeals").body()).contains("href=\"/console/executors\"");
    }

    @Test
    void anOperatorReassignsAnAppealWithAReason() {
        ApiClient admin = admin();
        long water = MenuExecutorTest.newExecutor(admin, "КП «Водоканал-2»");
        assertThat(admin.patch("/api/executors/" + water, "{\"staffChat\": \"-100888\"}")
                        .status())
                .isEqualTo(200);
        Appeal lift = filed("lifts", "Вода в шахті ліфта");
        String operator = admin.post("/api/tokens", "{\"name\": \"Оператор Петренко\", \"role\": \"OPERATOR\"}")
                .json()
                .get("token")
                .asText();
        ConsoleHttp b = signedIn(operator);
        String path = "/console/appeals/" + lift.number();
        ConsoleHttp.Page page = b.get(path);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains("id=\"assign-form\"")
                .contains("<dd id=\"appeal-executor\">КП «Ліфтове господарство»</dd>")
                .contains("<option value=\"" + water + "\">КП «Водоканал-2»</option>");

        // No reason, no reassignment: the history must say why.
        ConsoleHttp.Page noReason =
                b.post(path + "/executor", Map.of("_csrf", page.csrf(), "executorId", Long.toString(water)));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body()).contains("Напишіть причину");
        ConsoleHttp.Page unknown = b.post(
                path + "/executor", Map.of("_csrf", page.csrf(), "executorId", "987654", "reason", "Інша служба"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("Оберіть активного виконавця зі списку.");
        assertThat(b.post(path + "/executor", Map.of("executorId", Long.toString(water), "reason", "без форми"))
                        .status())
                .isEqualTo(403);
        long lifts = admin.get("/api/appeals/" + lift.number())
                .json()
                .get("executorId")
                .asLong();
        assertThat(executor(admin, lifts).get("name").asText()).isEqualTo("КП «Ліфтове господарство»");

        ConsoleHttp.Page moved = b.post(
                path + "/executor",
                Map.of(
                        "_csrf",
                        page.csrf(),
                        "executorId",
                        Long.toString(water),
                        "reason",
                        "Протікає труба в шахті ліфта"));
        assertThat(moved.status()).isEqualTo(303);
        assertThat(admin.get("/api/appeals/" + lift.number())
                        .json()
                        .get("executorId")
                        .asLong())
                .isEqualTo(water);
        JsonNode assigned = lastEvent(admin, lift);
        assertThat(assigned.get("kind").asText()).isEqualTo("ASSIGNED");
        assertThat(assigned.get("actor").asText()).isEqualTo("Оператор Петренко");
        assertThat(assigned.get("note").asText()).isEqualTo("КП «Водоканал-2»: Протікає труба в шахті ліфта");
        ConsoleHttp.Page after = b.get(path);
        assertThat(after.body())
                .contains("Звернення передано виконавцю «КП «Водоканал-2»»")
                .contains("<dd id=\"appeal-executor\">КП «Водоканал-2»</dd>")
                .contains("Передано виконавцю");
        // The new executor's staff chat gets it.
        Await.until(
                "the staff chat gets the reassigned appeal",
                () -> running.telegram().shown(-100888).stream()
                        .anyMatch(s -> s.text().contains("Звернення № " + lift.number())));

        // To the same executor again: nothing to do.
        ConsoleHttp.Page again = b.post(
                path + "/executor",
                Map.of("_csrf", page.csrf(), "executorId", Long.toString(water), "reason", "Ще раз"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body()).contains("Звернення вже передано цьому виконавцю.");
    }
}
