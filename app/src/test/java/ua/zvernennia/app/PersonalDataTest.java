package ua.zvernennia.app;

import static org.assertj.core.api.Assertions.assertThat;
import static ua.zvernennia.app.ChannelsTest.awaitUntil;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ua.zvernennia.app.media.TestImages;
import ua.zvernennia.core.appeal.Appeal;
import ua.zvernennia.core.appeal.PersonName;
import ua.zvernennia.core.appeal.Phone;
import ua.zvernennia.core.appeal.PhotoRef;
import ua.zvernennia.core.chat.Channel;
import ua.zvernennia.core.chat.ChatKey;
import ua.zvernennia.core.conversation.Step;
import ua.zvernennia.telegram.FakeBotApi;

/**
 * A citizen's data erased from the bot and on a written request, after which the number finds
 * nothing through the API or the console while the statistics stay the same; and every look at
 * personal data, by the API or the console, in the access log.
 */
class PersonalDataTest {
    static final String ADMIN = "admin-token-for-personal-data-0123456789";
    static final long CHAT_ID = 8301;
    static final String PHONE = "+380671112233";

    @TempDir
    Path dir;

    FakeBotApi telegram;
    App app;
    ApiClient admin;

    @BeforeEach
    void start() throws Exception {
        telegram = new FakeBotApi();
        var env = new HashMap<>(TestApps.telegram(telegram));
        env.put("ADMIN_TOKEN", ADMIN);
        app = TestApps.start(dir, Clock.systemUTC(), env);
        admin = new ApiClient(app.httpPort(), ADMIN);
    }

    @AfterEach
    void stop() {
        app.close();
        telegram.close();
    }

    Appeal filed(ChatKey chat, String description, List<PhotoRef> photos) {
        return Filed.appeal("lifts", description)
                .withPhotos(photos)
                .by(new PersonName("Мирослава", "Ткачук"), new Phone(PHONE))
                .withoutConsent()
                .in(app, chat);
    }

    void close(Appeal a, String to) {
        assertThat(admin.post("/api/appeals/" + a.number() + "/status", "{\"status\": \"IN_PROGRESS\"}")
                        .status())
                .isEqualTo(200);
        assertThat(admin.post(
                                "/api/appeals/" + a.number() + "/status",
                                "{\"status\": \"" + to + "\", \"comment\": \"Зроблено\"}")
                        .status())
                .isEqualTo(200);
    }

    String stats() {
        String today = LocalDate.now(ZoneId.of("Europe/Kyiv")).toString();
        JsonNode s = admin.get("/api/stats?from=" + today + "&to=" + today + "&groupBy=day")
                .json();
        return List.of(s.get("total"), s.get("byChannel"), s.get("byCategory"), s.get("byStatus"), s.get("byExecutor"))
                .toString();
    }

    @Test
    void erasedFromTheBotAndOnRequestTheNumberFindsNothingAndStatisticsStay() throws Exception {
        telegram.file("AgACclosed", TestImages.jpeg(320, 240));
        var citizen = new MenuChats.TelegramCitizen(telegram, CHAT_ID).start();
        ChatKey chat = ChatKey.of(Channel.TELEGRAM, String.valueOf(CHAT_ID));
        app.storage().unitOfWork().run(s -> {
            s.citizens()
                    .saveDetails(
                            chat,
                            new PersonName("Мирослава", "Ткачук"),
                            "вул. Шевченка, 5, кв. 12",
                            new Phone(PHONE),
                            Instant.now());
            return null;
        });
        Appeal closed = filed(chat, "Застряг ліфт між поверхами", List.of(new PhotoRef("AgACclosed", "u")));
        Appeal open = filed(chat, "Не працює кнопка виклику", List.of());
        Appeal byPhone = filed(ChatKey.of(Channel.TELEGRAM, "8399"), "Ліфт зупиняється між поверхами", List.of());
        close(closed, "RESOLVED");
        awaitUntil(
                () -> admin.get("/api/appeals/" + closed.number() + "/photos/0").status() == 200);
        String before = stats();

        // The citizen in the bot: what is kept, then erase all but the open appeal.
        MenuChats.Menu main = citizen.send("/start", m -> m.has("mydata"));
        MenuChats.Menu data = citizen.press(main, "mydata", m -> m.has("erase"));
        assertThat(data.text()).contains(PHONE).contains("Мирослава Ткачук");
        MenuChats.Menu erase = citizen.press(data, "erase", m -> m.has("erase_yes"));
        assertThat(erase.has("withdraw:" + open.number())).isTrue();
        citizen.press(erase, "erase_yes", m -> m.text().contains("Ваші дані видалено"));

        JsonNode anonymised = admin.get("/api/appeals/" + closed.number()).json();
        assertThat(anonymised.get("firstName").asText()).isEqualTo("Знеособлено");
        assertThat(anonymised.get("phone").asText()).isEqualTo("+380000000000");
        assertThat(anonymised.get("description").asText()).isEqualTo("знеособлено");
        assertThat(admin.get("/api/appeals/" + closed.number() + "/photos/0").status())
                .as("photo erased")
                .isEqualTo(410);
        assertThat(admin.get("/api/appeals/" + open.number())
                        .json()
                        .get("phone")
                        .asText())
                .as("open: kept")
                .isEqualTo(PHONE);
        java.util.Optional<ua.zvernennia.core.citizen.Citizen> citizenRow =
                app.storage().read(s -> s.citizens().find(chat));
        assertThat(citizenRow).isEmpty();
        assertThat(app.storage()
                        .read(s -> s.conversations().load(chat))
                        .orElseThrow()
                        .step())
                .isEqualTo(Step.CONSENT);
        assertThat(stats()).as("statistics unchanged").isEqualTo(before);

        // A written request: the open appeal is closed first, then everything under the number goes.
        close(open, "REJECTED");
        String beforeRequest = stats();
        ApiClient.Response erased = admin.post("/api/citizens/erase", "{\"phone\": \"067 111 22 33\"}");
        assertThat(erased.status()).as(erased.body()).isEqualTo(200);
        List<String> numbers = new ArrayList<>();
        erased.json().get("erased").get("appeals").forEach(n -> numbers.add(n.asText()));
        assertThat(numbers).containsExactlyInAnyOrder(open.number().toString());
        assertThat(erased.json().get("kept").size()).isEqualTo(1);
        assertThat(erased.json().get("kept").get(0).get("number").asText())
                .isEqualTo(byPhone.number().toString());
        assertThat(erased.json().get("kept").get(0).get("why").asText()).contains("open");
        assertThat(stats()).as("statistics unchanged").isEqualTo(beforeRequest);
        close(byPhone, "RESOLVED");
        String beforeSecond = stats();
        assertThat(admin.post("/api/citizens/erase", "{\"phone\": \"" + PHONE + "\"}")
                        .json()
                        .get("erased")
                        .get("appeals")
                        .get(0)
                        .asText())
                .isEqualTo(byPhone.number().toString());

        assertThat(admin.get("/api/appeals?q=" + PHONE.substring(1))
                        .json()
                        .get("total")
                        .asInt())
                .as("the number finds nothing")
                .isZero();
        assertThat(admin.get("/api/appeals?q=0671112233").json().get("total").asInt())
                .isZero();
        assertThat(admin.get("/api/appeals?q=%D0%A2%D0%BA%D0%B0%D1%87%D1%83%D0%BA")
                        .json()
                        .get("total")
                        .asInt())
                .as("nor the name")
                .isZero();
        ConsoleHttp b = new ConsoleHttp(app.httpPort());
        b.signIn(ADMIN);
        String csrf = b.get("/console/appeals").csrf();
        b.post("/console/appeals/filter", Map.of("_csrf", csrf, "q", "671112233"));
        assertThat(b.get("/console/appeals").body()).contains("Знайдено: <strong>0</strong>");
        assertThat(stats()).as("statistics unchanged").isEqualTo(beforeSecond);

        ApiClient.Response nothing = admin.post("/api/citizens/erase", "{\"phone\": \"+380990000001\"}");
        assertThat(nothing.json().get("note").asText()).contains("nothing is kept");
        assertThat(admin.post("/api/citizens/erase", "{\"phone\": \"12\"}").status())
                .isEqualTo(400);
        ApiClient operator = admin.as(admin.post("/api/tokens", "{\"name\": \"Оператор\", \"role\": \"OPERATOR\"}")
                .json()
                .get("token")
                .asText());
        assertThat(operator.post("/api/citizens/erase", "{\"phone\": \"" + PHONE + "\"}")
                        .status())
                .as("admins only")
                .isEqualTo(403);
    }

    @Test
    void everyLookAtPersonalDataIsInTheAccessLog() {
        Appeal a = filed(ChatKey.of(Channel.TELEGRAM, "8302"), "Застряг ліфт", List.of());
        ApiClient operator =
                admin.as(admin.post("/api/tokens", "{\"name\": \"Оператор Бондар\", \"role\": \"OPERATOR\"}")
                        .json()
                        .get("token")
                        .asText());
        assertThat(operator.get("/api/appeals/" + a.number()).status()).isEqualTo(200);
        assertThat(operator.get("/api/appeals?q=Ткачук").json().get("total").asInt())
                .isEqualTo(1);
        assertThat(operator.get("/api/appeals").status())
                .as("a list without a search is not a look at a person")
                .isEqualTo(200);
        ConsoleHttp b = new ConsoleHttp(app.httpPort());
        b.signIn(ADMIN);
        assertThat(b.get("/console/appeals/" + a.number()).status()).isEqualTo(200);

        JsonNode log = admin.get("/api/audit?appeal=" + a.number()).json().get("items");
        List<String> seen = new ArrayList<>();
        log.forEach(e -> seen.add(e.get("actor").asText() + " " + e.get("via").asText() + " "
                + e.get("action").asText() + " " + e.get("appeal").asText()));
        assertThat(seen)
                .containsExactly(
                        "admin CONSOLE DETAIL " + a.number(),
                        "Оператор Бондар API SEARCH " + a.number(),
                        "Оператор Бондар API DETAIL " + a.number());
        assertThat(log.get(0).get("at").asText()).isNotBlank();
        assertThat(operator.get("/api/audit").status()).as("admins only").isEqualTo(403);
        assertThat(admin.get("/api/audit?actor="
                                + java.net.URLEncoder.encode(
                                        "Оператор Бондар", java.nio.charset.StandardCharsets.UTF_8))
                        .json()
                        .get("items")
                        .size())
                .isEqualTo(2);
        assertThat(admin.get("/api/audit?limit=5000").status()).isEqualTo(400);
        JsonNode doc = admin.as(null).get("/api/openapi.json").json();
        assertThat(doc.get("paths").has("/api/citizens/erase")).isTrue();
        assertThat(doc.get("paths").has("/api/audit")).isTrue();

        String page = b.get("/console/privacy?appeal=" + a.number()).body();
        assertThat(page)
                .contains("Журнал доступу")
                .contains("Оператор Бондар")
                .contains("картка звернення")
                .contains("пошук за текстом");
        String csrf = b.get("/console/privacy").csrf();
        ConsoleHttp.Page done = b.post("/console/privacy/erase", Map.of("_csrf", csrf, "phone", PHONE));
        assertThat(done.status()).isEqualTo(303);
        assertThat(b.get("/console/privacy").body()).contains("Залишено відкриті звернення № " + a.number());
    }
}
