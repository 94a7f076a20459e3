package ua.zvernennia.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import ua.zvernennia.core.appeal.Appeal;
import ua.zvernennia.core.chat.Channel;
import ua.zvernennia.core.chat.ChatKey;
import ua.zvernennia.core.testing.Await;

/**
 * Executors in the web console: the admins' executor pages, an operator's reassignment with a
 * reason, and an executor's token that sees and acts on its own appeals only.
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
        return Filed.appeal(category, description).in(running.app(), ChatKey.of(Channel.TELEGRAM, "8201"));
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

    @Test
    void anExecutorsTokenSeesAndActsOnItsOwnAppealsOnly() {
        ApiClient admin = admin();
        long lifts = MenuExecutorTest.category(admin, "lifts").get("executorId").asLong();
        long water = MenuExecutorTest.category(admin, "water").get("executorId").asLong();
        Appeal stuck = filed("lifts", "Застряг ліфт у першому підʼїзді");
        Appeal noisy = filed("lifts", "Ліфт гуркоче між поверхами");
        Appeal leak = filed("water", "Тече труба у підвалі будинку");
        String token = admin.post(
                        "/api/tokens",
                        "{\"name\": \"Бригада ліфтів\", \"role\": \"EXECUTOR\", \"executorId\": " + lifts + "}")
                .json()
                .get("token")
                .asText();

        ConsoleHttp b = new ConsoleHttp(running.app().httpPort());
        ConsoleHttp.Page in = b.signIn(token);
        assertThat(in.status()).isEqualTo(303);
        assertThat(in.header("Location")).isEqualTo("/console/work");
        assertThat(b.get("/console/appeals").header("Location")).isEqualTo("/console/work");

        ConsoleHttp.Page list = b.get("/console/work");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body())
                .contains("Бригада ліфтів")
                .contains("№ " + stuck.number())
                .contains("№ " + noisy.number())
                .doesNotContain(leak.number().toString())
                .as("the operators' sections are not offered")
                .doesNotContain("href=\"/console/appeals/new\"");

        // Another executor's appeal is not there; the operators' pages are not the executor's.
        assertThat(b.get("/console/work/" + leak.number()).status()).isEqualTo(404);
        assertThat(b.get("/console/work/" + leak.number() + "/photos/0").status())
                .isEqualTo(404);
        assertThat(b.post("/console/work/" + leak.number() + "/take", Map.of("_csrf", list.csrf()))
                        .status())
                .isEqualTo(404);
        assertThat(admin.get("/api/appeals/" + leak.number())
                        .json()
                        .get("status")
                        .asText())
                .isEqualTo("REGISTERED");
        assertThat(b.get("/console/appeals/" + leak.number()).status()).isEqualTo(403);
        assertThat(b.get("/console/appeals/" + stuck.number()).status()).isEqualTo(403);
        assertThat(b.get("/console/executors").status()).isEqualTo(403);
        assertThat(b.get("/console/stats").status()).isEqualTo(403);

        // Its own appeal, without the citizen's data (the admins did not allow it).
        String path = "/console/work/" + stuck.number();
        ConsoleHttp.Page page = b.get(path);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains("Застряг ліфт у першому підʼїзді")
                .contains("вул. Січових Стрільців, 12")
                .doesNotContain(PHONE)
                .doesNotContain("Коваленко")
                .contains("id=\"take-form\"");

        // Into work.
        assertThat(b.post(path + "/take", Map.of("_csrf", page.csrf())).status())
                .isEqualTo(303);
        JsonNode taken = admin.get("/api/appeals/" + stuck.number()).json();
        assertThat(taken.get("status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(lastEvent(admin, stuck).get("actor").asText()).isEqualTo("Бригада ліфтів");
        assertThat(b.get(path).body()).doesNotContain("id=\"take-form\"");

        // Resolved with a comment; none is refused.
        ConsoleHttp.Page noComment = b.post(path + "/resolve", Map.of("_csrf", page.csrf(), "comment", "  "));
        assertThat(noComment.status()).isEqualTo(400);
        assertThat(noComment.body()).contains("напишіть у коментарі, що зроблено");
        assertThat(admin.get("/api/appeals/" + stuck.number())
                        .json()
                        .get("status")
                        .asText())
                .isEqualTo("IN_PROGRESS");
        assertThat(b.post(path + "/resolve", Map.of("_csrf", page.csrf(), "comment", "Замінили трос, ліфт працює"))
                        .status())
                .isEqualTo(303);
        JsonNode resolved = lastEvent(admin, stuck);
        assertThat(resolved.get("to").asText()).isEqualTo("RESOLVED");
        assertThat(resolved.get("note").asText()).isEqualTo("Замінили трос, ліфт працює");
        assertThat(resolved.get("actor").asText()).isEqualTo("Бригада ліфтів");
        String stuckLink = "href=\"/console/work/" + stuck.number() + "\"";
        assertThat(b.get("/console/work").body()).doesNotContain(stuckLink);
        assertThat(b.get("/console/work?show=all").body()).contains(stuckLink);

        // Handed back with a reason; none is refused.
        String other = "/console/work/" + noisy.number();
        ConsoleHttp.Page noReason = b.post(other + "/return", Map.of("_csrf", page.csrf(), "reason", ""));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body()).contains("Напишіть причину");
        ConsoleHttp.Page back =
                b.post(other + "/return", Map.of("_csrf", page.csrf(), "reason", "Це зовнішній ліфт ОСББ"));
        assertThat(back.status()).isEqualTo(303);
        assertThat(back.header("Location")).isEqualTo("/console/work");
        JsonNode queue = admin.get("/api/appeals/" + noisy.number()).json();
        assertThat(queue.get("executorId").isNull()).isTrue();
        JsonNode returned = lastEvent(admin, noisy);
        assertThat(returned.get("kind").asText()).isEqualTo("RETURNED");
        assertThat(returned.get("note").asText()).isEqualTo("Це зовнішній ліфт ОСББ");
        assertThat(b.get(other).status()).isEqualTo(404);
        assertThat(b.get("/console/work").body()).doesNotContain("href=\"/console/work/" + noisy.number() + "\"");

        // Where the admins allow it, the executor sees the citizen; the water utility's token sees its own only.
        assertThat(admin.patch("/api/executors/" + lifts, "{\"showCitizen\": true}")
                        .status())
                .isEqualTo(200);
        assertThat(b.get(path).body()).contains(PHONE).contains("Коваленко");
        String waterToken = admin.post(
                        "/api/tokens",
                        "{\"name\": \"Бригада води\", \"role\": \"EXECUTOR\", \"executorId\": " + water + "}")
                .json()
                .get("token")
                .asText();
        ConsoleHttp w = signedIn(waterToken);
        assertThat(w.get("/console/work/" + leak.number()).status()).isEqualTo(200);
        assertThat(w.get(path).status()).isEqualTo(404);

        // Signing out works for an executor too.
        ConsoleHttp.Page out = b.post("/console/logout", Map.of("_csrf", page.csrf()));
        assertThat(out.status()).isEqualTo(303);
        assertThat(b.get("/console/work").header("Location")).isEqualTo("/console/login");
        // An admin is no executor: the executor's pages are not an admin's.
        assertThat(signedIn(ADMIN).get("/console/work").status()).isEqualTo(403);
    }
}
