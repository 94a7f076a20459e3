package ua.zvernennia.app;

import static org.assertj.core.api.Assertions.assertThat;
import static ua.zvernennia.app.ChannelsTest.awaitUntil;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import ua.zvernennia.core.appeal.Appeal;
import ua.zvernennia.core.appeal.AppealEvent;
import ua.zvernennia.core.appeal.AppealStatus;
import ua.zvernennia.core.appeal.Rating;
import ua.zvernennia.core.chat.Channel;
import ua.zvernennia.core.chat.ChatKey;
import ua.zvernennia.telegram.FakeBotApi;

/** Executors on the running app: routing, tokens that see only their own appeals, reassignment, hand-back, efficiency. */
class ExecutorApiTest {
    static final String ADMIN = TokenApiTest.ADMIN;
    static final String LIFTS = "КП «Ліфтове господарство»";

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

    long executorNamed(ApiClient admin, String name) {
        for (JsonNode e : admin.get("/api/executors").json()) {
            if (e.get("name").asText().equals(name)) {
                return e.get("id").asLong();
            }
        }
        throw new AssertionError("no executor " + name);
    }

    static ApiClient tokenOf(ApiClient admin, long executorId) {
        ApiClient.Response r = admin.post(
                "/api/tokens",
                "{\"name\": \"Бригада " + executorId + "\", \"role\": \"EXECUTOR\", \"executorId\": " + executorId
                        + "}");
        assertThat(r.status()).isEqualTo(201);
        return admin.as(r.json().get("token").asText());
    }

    @Test
    void eachExecutorSeesAndActsOnItsOwnAppealsOnly() throws Exception {
        FakeBotApi telegram = running.telegram();
        ApiClient admin = new ApiClient(app.httpPort(), ADMIN);
        ApiClient.Response water = admin.post(
                "/api/executors",
                "{\"name\": \"КП «Водоканал-2»\", \"contacts\": \"+380441234567\", \"staffChat\": \"-100777\", \"showCitizen\": true}");
        assertThat(water.status()).isEqualTo(201);
        long waterId = water.json().get("id").asLong();
        // The lifts' category has an executor by name in the menu: it becomes a record when an appeal is routed.
        Appeal lift = filed(ChatKey.of(Channel.TELEGRAM, "7001"), "lifts", "Застряг ліфт у першому підʼїзді");
        Appeal lift2 = filed(ChatKey.of(Channel.VIBER, "viber-user-1"), "lifts", "Не працює ліфт у другому підʼїзді");
        long liftsId = executorNamed(admin, LIFTS);
        ApiClient lifts = tokenOf(admin, liftsId);
        ApiClient waterWorks = tokenOf(admin, waterId);

        JsonNode own = lifts.get("/api/appeals").json();
        assertThat(own.get("total").asLong()).isEqualTo(2);
        assertThat(waterWorks.get("/api/appeals").json().get("total").asLong()).isZero();
        // Without leave to see the citizen, the lifts' staff see the problem but not the name or phone.
        JsonNode detail = lifts.get("/api/appeals/" + lift.number()).json();
        assertThat(detail.get("description").asText()).isEqualTo("Застряг ліфт у першому підʼїзді");
        assertThat(detail.has("phone")).isFalse();
        assertThat(detail.get("executorId").asLong()).isEqualTo(liftsId);

        // Another executor's appeal is not there, on every route.
        String n = lift.number().toString();
        assertThat(waterWorks.get("/api/appeals/" + n).status()).isEqualTo(404);
        assertThat(waterWorks
                        .post("/api/appeals/" + n + "/status", "{\"status\": \"IN_PROGRESS\"}")
                        .status())
                .isEqualTo(404);
        assertThat(waterWorks.get("/api/appeals/" + n + "/photos/0").status()).isEqualTo(404);
        assertThat(waterWorks
                        .post("/api/appeals/" + n + "/return", "{\"reason\": \"не наше\"}")
                        .status())
                .isEqualTo(404);
        // Routes of staff only are forbidden to executors.
        assertThat(waterWorks
                        .post("/api/appeals/" + n + "/executor", "{\"executorId\": " + waterId + ", \"reason\": \"x\"}")
                        .status())
                .isEqualTo(403);
        assertThat(waterWorks.get("/api/stats?from=2020-01-01&to=2020-01-31").status())
                .isEqualTo(403);

        // An operator reassigns one to the water utility, with a reason kept in the history.
        ApiClient.Response moved = admin.post(
                "/api/appeals/" + n + "/executor",
                "{\"executorId\": " + waterId + ", \"reason\": \"Протікає труба в шахті ліфта\"}");
        assertThat(moved.status()).isEqualTo(200);
        assertThat(lifts.get("/api/appeals/" + n).status()).isEqualTo(404);
        assertThat(lifts.get("/api/appeals").json().get("total").asLong()).isEqualTo(1);
        JsonNode theirs = waterWorks.get("/api/appeals/" + n).json();
        assertThat(theirs.get("phone").asText()).isEqualTo("+380501234567");
        JsonNode history = admin.get("/api/appeals/" + n).json().get("history");
        JsonNode assigned = history.get(history.size() - 1);
        assertThat(assigned.get("kind").asText()).isEqualTo("ASSIGNED");
        assertThat(assigned.get("note").asText()).isEqualTo("КП «Водоканал-2»: Протікає труба в шахті ліфта");
        // The staff chat gets the appeal with its buttons.
        awaitUntil(() -> telegram.shown(-100777).stream().anyMatch(s -> s.text().contains("Звернення № " + n)));

        // The water utility works on it; it may not reject or withdraw.
        assertThat(waterWorks
                        .post("/api/appeals/" + n + "/status", "{\"status\": \"REJECTED\", \"comment\": \"ні\"}")
                        .status())
                .isEqualTo(403);
        assertThat(waterWorks
                        .post("/api/appeals/" + n + "/status", "{\"status\": \"IN_PROGRESS\"}")
                        .status())
                .isEqualTo(200);
        // The lifts hand the other one back: it leaves their list for the operators' queue.
        assertThat(lifts.post("/api/appeals/" + lift2.number() + "/return", "{\"reason\": \"Це зовнішній ліфт ОСББ\"}")
                        .status())
                .isEqualTo(200);
        assertThat(lifts.get("/api/appeals").json().get("total").asLong()).isZero();
        JsonNode queue = admin.get("/api/appeals/" + lift2.number()).json();
        assertThat(queue.get("executorId").isNull()).isTrue();
        JsonNode back = queue.get("history").get(queue.get("history").size() - 1);
        assertThat(back.get("kind").asText()).isEqualTo("RETURNED");
        assertThat(back.get("actor").asText()).isEqualTo("Бригада " + liftsId);
    }

    @Test
    void efficiencyMatchesAHandComputedSet() {
        ApiClient admin = new ApiClient(app.httpPort(), ADMIN);
        long a = admin.post("/api/executors", "{\"name\": \"Бригада А\"}")
                .json()
                .get("id")
                .asLong();
        ChatKey chat = ChatKey.of(Channel.TELEGRAM, "9001");
        Instant t0 = Instant.now().minus(Duration.ofDays(2));
        // Four appeals of executor A, filed at t0, deadline t0 + 10 h:
        //  1 resolved after 2 h (on time), rated 5;  2 resolved after 20 h (late), rated 3;
        //  3 resolved after 4 h, then reopened by the citizen (open again);  4 still open.
        List<String> numbers = new ArrayList<>();
        app.storage().unitOfWork().run(s -> {
            for (int i = 0; i < 4; i++) {
                Appeal ap = Filed.appeal("lifts", "Опис номер " + i)
                        .at(t0)
                        .dueIn(Duration.ofHours(10))
                        .in(s, chat);
                s.assignments().assign(ap.number(), s.assignments().executor(a).orElseThrow());
                numbers.add(ap.number().toString());
            }
            var n = numbers.stream()
                    .map(x -> ua.zvernennia.core.appeal.AppealNumber.parse(x).orElseThrow())
                    .toList();
            s.appeals()
                    .changeStatus(
                            n.get(0),
                            AppealStatus.REGISTERED,
                            AppealStatus.RESOLVED,
                            "b",
                            null,
                            null,
                            t0.plus(Duration.ofHours(2)));
            s.appeals().rate(n.get(0), new Rating(5));
            s.appeals()
                    .changeStatus(
                            n.get(1),
                            AppealStatus.REGISTERED,
                            AppealStatus.RESOLVED,
                            "b",
                            null,
                            null,
                            t0.plus(Duration.ofHours(20)));
            s.appeals().rate(n.get(1), new Rating(3));
            s.appeals()
                    .changeStatus(
                            n.get(2),
                            AppealStatus.REGISTERED,
                            AppealStatus.RESOLVED,
                            "b",
                            null,
                            null,
                            t0.plus(Duration.ofHours(4)));
            s.appeals()
                    .changeStatus(
                            n.get(2),
                            AppealStatus.RESOLVED,
                            AppealStatus.IN_PROGRESS,
                            AppealEvent.CITIZEN,
                            "ні",
                            null,
                            t0.plus(Duration.ofHours(5)));
            return null;
        });
        java.time.LocalDate day = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Kyiv"));
        JsonNode stats =
                admin.get("/api/stats?from=" + day.minusDays(5) + "&to=" + day).json();
        JsonNode mine = null;
        for (JsonNode e : stats.get("efficiency")) {
            if (e.get("executorId").asLong() == a) {
                mine = e;
            }
        }
        assertThat(mine).isNotNull();
        assertThat(mine.get("received").asLong()).isEqualTo(4);
        assertThat(mine.get("resolved").asLong()).isEqualTo(2);
        assertThat(mine.get("resolvedOnTime").asLong()).isEqualTo(1);
        assertThat(mine.get("onTimePercent").asDouble()).isEqualTo(50.0);
        assertThat(mine.get("medianHours").asDouble()).isEqualTo(11.0);
        assertThat(mine.get("reopened").asLong()).isEqualTo(1);
        assertThat(mine.get("reopenedPercent").asDouble()).isEqualTo(33.3);
        assertThat(mine.get("averageRating").asDouble()).isEqualTo(4.0);
    }
}
