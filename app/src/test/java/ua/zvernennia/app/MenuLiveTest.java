package ua.zvernennia.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ua.zvernennia.app.MenuChats.Menu;
import ua.zvernennia.app.MenuChats.TelegramCitizen;
import ua.zvernennia.app.MenuChats.ViberCitizen;
import ua.zvernennia.app.api.ApiJson;
import ua.zvernennia.telegram.FakeBotApi;
import ua.zvernennia.viber.FakeViberApi;
import ua.zvernennia.viber.ViberKeyboards;
import ua.zvernennia.viber.ViberRig;

/**
 * Admins edit the menu through the API while the app runs; the next menu a citizen opens on
 * Telegram and on Viber (through their fake servers) shows the change.
 */
class MenuLiveTest {
    static final String ADMIN = "admin-token-for-menu-tests-0123456789";

    @TempDir
    Path dir;

    FakeBotApi telegram;
    FakeViberApi viber;
    App app;
    ApiClient admin;

    void start(String pageSize) throws Exception {
        telegram = new FakeBotApi();
        viber = new FakeViberApi();
        app = TestApps.start(
                dir,
                Clock.systemUTC(),
                Map.of(
                        "DB_URL",
                        "jdbc:h2:file:" + dir.resolve("db").toAbsolutePath(),
                        "MENU_PAGE_SIZE",
                        pageSize,
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
        admin = new ApiClient(app.httpPort(), ADMIN);
    }

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

    /** The category labels of the next menu on each channel; they must agree. */
    List<String> nextMenus(TelegramCitizen t, ViberCitizen v) throws Exception {
        List<String> onTelegram = t.openMenu().categories();
        List<String> onViber = v.openMenu().categories();
        assertThat(onViber).isEqualTo(onTelegram);
        return onTelegram;
    }

    List<String> ids() {
        var out = new ArrayList<String>();
        admin.get("/api/categories").json().forEach(c -> out.add(c.get("id").asText()));
        return out;
    }

    @Test
    void addRenameReorderDeactivateAndImportEachShowInTheNextMenuOnBothChannels() throws Exception {
        start("20");
        TelegramCitizen t = new TelegramCitizen(telegram, 8101).start();
        ViberCitizen v = new ViberCitizen(viber, app.httpPort(), "viber-user-8101=").start();
        List<String> first = nextMenus(t, v);
        assertThat(first).hasSize(19).startsWith("💧 Водоканал", "🛗 Ліфти");

        assertThat(admin.post("/api/categories", """
                {"id": "bridges", "nameUk": "Мости", "nameEn": "Bridges", "emoji": "🌉", "deadlineClass": "MEDIUM",
                 "executor": "Департамент благоустрою", "position": 1}""").status()).isEqualTo(201);
        assertThat(nextMenus(t, v)).hasSize(20).startsWith("🌉 Мости", "💧 Водоканал");

        assertThat(admin.patch("/api/categories/water", "{\"nameUk\": \"Вода і каналізація\"}")
                        .status())
                .isEqualTo(200);
        assertThat(nextMenus(t, v)).contains("💧 Вода і каналізація").doesNotContain("💧 Водоканал");

        List<String> order = ids();
        order.remove("lifts");
        order.add(0, "lifts");
        assertThat(admin.post("/api/categories/reorder", ApiJson.MAPPER.writeValueAsString(Map.of("ids", order)))
                        .status())
                .isEqualTo(200);
        assertThat(nextMenus(t, v)).startsWith("🛗 Ліфти", "🌉 Мости", "💧 Вода і каналізація");

        assertThat(admin.patch("/api/categories/greenery", "{\"active\": false}")
                        .status())
                .isEqualTo(200);
        List<String> withoutGreenery = nextMenus(t, v);
        assertThat(withoutGreenery).hasSize(19).doesNotContain("🌳 Зелені насадження");

        // A refused import changes nothing, in the API or in the bot.
        String bad =
                "categories:\n  - {id: a, name: Мости, deadline: LONG}\n  - {id: b, name: мости, deadline: LONG}\n";
        assertThat(admin.postText("/api/categories/import", bad).status()).isEqualTo(400);
        assertThat(nextMenus(t, v)).isEqualTo(withoutGreenery);

        String file = """
                categories:
                  - id: lifts
                    name: Ліфти
                    emoji: 🛗
                    deadline: EMERGENCY
                    executor: КП «Ліфтове господарство»
                  - id: snow
                    name: Прибирання снігу
                    nameEn: Snow removal
                    emoji: ❄️
                    deadline: SHORT
                    executor: КП «Шляхрембуд»
                  - id: water
                    name: Водоканал
                    emoji: 💧
                    deadline: SHORT
                    executor: КП «Міський водоканал»
                """;
        assertThat(admin.postText("/api/categories/import", file).status()).isEqualTo(200);
        assertThat(nextMenus(t, v)).containsExactly("🛗 Ліфти", "❄️ Прибирання снігу", "💧 Водоканал");

        JsonNode changes = admin.get("/api/categories/changes").json();
        assertThat(changes)
                .extracting(c -> c.get("action").asText())
                .containsExactly(
                        "menu.import", "category.update", "category.reorder", "category.update", "category.add");
    }

    @Test
    void aConversationWhoseCategoryIsDeactivatedMidWayIsAskedToChooseAgain() throws Exception {
        start("12");
        TelegramCitizen t = new TelegramCitizen(telegram, 8201).start();
        ViberCitizen v = new ViberCitizen(viber, app.httpPort(), "viber-user-8201=").start();
        Menu tMenu = t.openMenu();
        Menu tTypes = t.press(tMenu, "cat:water", m -> m.text().contains("що саме сталося"));
        t.press(tTypes, "type:no-water", m -> m.text().contains("Опишіть"));
        v.openMenu();
        v.send("btn:cat:water", m -> m.text().contains("що саме сталося"));
        v.send("btn:type:no-water", m -> m.text().contains("Опишіть"));

        assertThat(admin.patch("/api/categories/water", "{\"active\": false}").status())
                .isEqualTo(200);

        int tFrom = t.since(0).size();
        Menu again = t.send("З ранку немає води в усьому будинку", Menu::offersCategories);
        assertThat(t.since(tFrom)).anyMatch(m -> m.text().contains("щойно прибрали"));
        assertThat(again.categories()).doesNotContain("💧 Водоканал").contains("🛗 Ліфти");
        t.press(again, "cat:lifts", m -> m.text().contains("Ліфти: що саме сталося"));

        int vFrom = v.since(0).size();
        Menu viberAgain = v.send("З ранку немає води в усьому будинку", Menu::offersCategories);
        assertThat(v.since(vFrom)).anyMatch(m -> m.text().contains("щойно прибрали"));
        assertThat(viberAgain.categories()).doesNotContain("💧 Водоканал").contains("🛗 Ліфти");
        v.send("btn:cat:lifts", m -> m.text().contains("Ліфти: що саме сталося"));
    }

    @Test
    void aLongMenuIsPagedOnBothChannels() throws Exception {
        start("12");
        var file = new StringBuilder("categories:\n");
        for (int i = 1; i <= 30; i++) {
            file.append("  - {id: c")
                    .append(i)
                    .append(", name: Напрямок ")
                    .append(i)
                    .append(", emoji: 📁, deadline: MEDIUM}\n");
        }
        assertThat(admin.postText("/api/categories/import", file.toString()).status())
                .isEqualTo(200);

        TelegramCitizen t = new TelegramCitizen(telegram, 8301).start();
        Menu page = t.openMenu();
        var seen = new LinkedHashSet<>(page.categories());
        assertThat(page.text()).contains("сторінка 1 з 3");
        for (int n = 2; n <= 3; n++) {
            int at = page.messageId();
            int pageNo = n;
            page = t.press(page, "page_next", m -> m.text().contains("сторінка " + pageNo + " з 3"));
            assertThat(page.messageId()).as("the same message is edited").isEqualTo(at);
            seen.addAll(page.categories());
        }
        assertThat(seen).hasSize(30).contains("📁 Напрямок 1", "📁 Напрямок 30");
        t.press(page, "cat:c30", m -> m.text().contains("Опишіть"));

        ViberCitizen v = new ViberCitizen(viber, app.httpPort(), "viber-user-8301=").start();
        Menu vPage = v.openMenu();
        var vSeen = new LinkedHashSet<>(vPage.categories());
        assertThat(vPage.buttons()).hasSizeLessThanOrEqualTo(ViberKeyboards.MAX_BUTTONS);
        for (int n = 2; n <= 3; n++) {
            int pageNo = n;
            vPage = v.send("btn:page_next", m -> m.text().contains("сторінка " + pageNo + " з 3"));
            assertThat(vPage.buttons()).hasSizeLessThanOrEqualTo(ViberKeyboards.MAX_BUTTONS);
            vSeen.addAll(vPage.categories());
        }
        assertThat(vSeen).isEqualTo(seen);
        v.send("btn:cat:c30", m -> m.text().contains("Опишіть"));
    }

    @Test
    void theLargestPageStillFitsAViberKeyboard() throws Exception {
        start("20");
        var file = new StringBuilder("categories:\n");
        for (int i = 1; i <= 45; i++) {
            file.append("  - {id: c")
                    .append(i)
                    .append(", name: Напрямок ")
                    .append(i)
                    .append(", deadline: MEDIUM}\n");
        }
        assertThat(admin.postText("/api/categories/import", file.toString()).status())
                .isEqualTo(200);
        ViberCitizen v = new ViberCitizen(viber, app.httpPort(), "viber-user-8401=").start();
        v.openMenu();
        Menu middle = v.send("btn:page_next", m -> m.text().contains("сторінка 2 з 3"));
        assertThat(middle.categories()).hasSize(20);
        assertThat(middle.buttons()).hasSize(24);
    }
}
