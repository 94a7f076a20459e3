package ua.zvernennia.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ua.zvernennia.app.MenuChats.Menu;
import ua.zvernennia.app.MenuChats.TelegramCitizen;
import ua.zvernennia.app.MenuChats.ViberCitizen;
import ua.zvernennia.telegram.FakeBotApi;
import ua.zvernennia.viber.FakeViberApi;
import ua.zvernennia.viber.ViberRig;

/**
 * Two executors, each given a direction in the menu; citizens file appeals through the whole
 * conversation, one on Telegram and one on Viber, and each appeal lands with its direction's
 * executor, whose token sees it and not the other.
 */
class ExecutorRoutingTest {
    static final String ADMIN = "executor-routing-admin-token-0123456789";
    static final Pattern NUMBER = Pattern.compile("№ (\\d{4}-\\d{6})");

    @TempDir
    Path dir;

    FakeBotApi telegram;
    FakeViberApi viber;
    App app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
        if (telegram != null) {
            telegram.close();
        }
        if (viber != null) {
            viber.close();
        }
    }

    static String number(Menu registered) {
        Matcher m = NUMBER.matcher(registered.text());
        assertThat(m.find()).as(registered.text()).isTrue();
        return m.group(1);
    }

    static long executor(ApiClient admin, String name) {
        ApiClient.Response r = admin.post("/api/executors", "{\"name\": \"" + name + "\"}");
        assertThat(r.status()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    static List<String> numbersSeenBy(ApiClient client) {
        var out = new ArrayList<String>();
        for (JsonNode a : client.get("/api/appeals").json().get("items")) {
            out.add(a.get("number").asText());
        }
        return out;
    }

    @Test
    void appealsFiledOnBothMessengersLandWithTheirDirectionsExecutor() throws Exception {
        telegram = new FakeBotApi();
        viber = new FakeViberApi();
        app = TestApps.start(
                dir,
                Clock.systemUTC(),
                Map.of(
                        "ADMIN_TOKEN",
                        ADMIN,
                        "TELEGRAM_BOT_TOKEN",
                        FakeBotApi.TOKEN,
                        "TELEGRAM_API_URL",
                        telegram.url().toString(),
                        "VIBER_AUTH_TOKEN",
                        ViberRig.TOKEN,
                        "VIBER_API_URL",
                        viber.url().toString()));
        ApiClient admin = new ApiClient(app.httpPort(), ADMIN);
        long water = executor(admin, "КП «Водоканал-7»");
        long lifts = executor(admin, "Ліфтова бригада №7");
        assertThat(admin.patch("/api/categories/water", "{\"executorId\": " + water + "}")
                        .status())
                .isEqualTo(200);
        assertThat(admin.patch("/api/categories/lifts", "{\"executorId\": " + lifts + "}")
                        .status())
                .isEqualTo(200);

        TelegramCitizen t = new TelegramCitizen(telegram, 9101).start();
        Menu types = t.press(t.openMenu(), "cat:water", m -> m.has("type:no-water"));
        t.press(types, "type:no-water", m -> m.text().contains("Опишіть проблему"));
        Menu photos = t.send("Немає холодної води в підʼїзді з самого ранку", m -> m.has("photos_done"));
        t.press(photos, "photos_done", m -> m.text().contains("Де проблема"));
        t.send("вул. Січових Стрільців, 12", m -> m.text().contains("імʼя та прізвище"));
        t.send("Олена Коваленко", m -> m.text().contains("Ваша адреса"));
        t.send("вул. Шевченка, 5, кв. 12", m -> m.text().contains("номер телефону"));
        Menu check = t.send("+380501234567", m -> m.has("confirm"));
        String onTelegram =
                number(t.press(check, "confirm", m -> NUMBER.matcher(m.text()).find()));

        ViberCitizen v = new ViberCitizen(viber, app.httpPort(), "viber-user-9101=").start();
        v.openMenu();
        v.send("btn:cat:lifts", m -> m.has("type:stopped"));
        v.send("btn:type:stopped", m -> m.text().contains("Опишіть проблему"));
        v.send("Не працює ліфт у третьому підʼїзді", m -> m.has("photos_done"));
        v.send("btn:photos_done", m -> m.text().contains("Де проблема"));
        v.send("вул. Січових Стрільців, 14", m -> m.text().contains("імʼя та прізвище"));
        v.send("Петро Мельник", m -> m.text().contains("Ваша адреса"));
        v.send("вул. Нова, 7, кв. 1", m -> m.text().contains("номер телефону"));
        v.send("+380671234567", m -> m.has("confirm"));
        String onViber =
                number(v.send("btn:confirm", m -> NUMBER.matcher(m.text()).find()));

        assertThat(admin.get("/api/appeals/" + onTelegram)
                        .json()
                        .get("executorId")
                        .asLong())
                .isEqualTo(water);
        assertThat(admin.get("/api/appeals/" + onViber).json().get("executorId").asLong())
                .isEqualTo(lifts);
        ApiClient waterWorks = ExecutorApiTest.tokenOf(admin, water);
        ApiClient liftCrew = ExecutorApiTest.tokenOf(admin, lifts);
        assertThat(numbersSeenBy(waterWorks)).containsExactly(onTelegram);
        assertThat(numbersSeenBy(liftCrew)).containsExactly(onViber);
        assertThat(waterWorks.get("/api/appeals/" + onViber).status()).isEqualTo(404);
        assertThat(liftCrew.get("/api/appeals/" + onTelegram).status()).isEqualTo(404);
    }
}
