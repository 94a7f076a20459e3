package ua.zvernennia.app;

import static org.assertj.core.api.Assertions.assertThat;
import static ua.zvernennia.app.ChannelsTest.awaitUntil;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import ua.zvernennia.app.MenuChats.TelegramCitizen;
import ua.zvernennia.core.appeal.Appeal;
import ua.zvernennia.core.chat.Channel;
import ua.zvernennia.core.chat.ChatKey;
import ua.zvernennia.telegram.FakeBotApi;

/**
 * The web console in a real headless Chromium (Debian's {@code chromium} and
 * {@code chromium-driver}), against the running app and the local fake Telegram server. Skipped
 * where they are not installed; {@code .ci/run} installs them. Leaves screenshots of the main
 * pages, on a laptop and on a phone, in {@code target/screenshots} (or in the folder the system
 * property {@code screenshots.dir} names, e.g. {@code ../docs/screenshots}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleBrowserTest {
    static final String ADMIN = "browser-admin-token-0123456789abcdef";
    static final long CITIZEN_CHAT = 7001;

    @TempDir
    static Path dir;

    FakeBotApi telegram;
    App app;
    ChromeDriver browser;
    ApiClient api;
    String operatorToken;
    String base;
    Path screenshots;

    @BeforeAll
    void start() throws Exception {
        HeadlessChromium.requireInstalled();
        telegram = new FakeBotApi();
        var env = new HashMap<>(Map.of(
                "DB_URL",
                "jdbc:h2:file:" + dir.resolve("db").toAbsolutePath(),
                "ADMIN_TOKEN",
                ADMIN,
                "OUTBOX_POLL_INTERVAL_MS",
                "50"));
        env.putAll(TestApps.telegram(telegram));
        app = TestApps.start(dir, Clock.systemUTC(), env);
        base = "http://127.0.0.1:" + app.httpPort();
        api = new ApiClient(app.httpPort(), ADMIN);
        operatorToken = api.post("/api/tokens", "{\"name\": \"Оператор Іваненко\", \"role\": \"OPERATOR\"}")
                .json()
                .get("token")
                .asText();
        screenshots = HeadlessChromium.screenshots();

        browser = HeadlessChromium.start(dir, false);
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (app != null) {
            app.close();
        }
        if (telegram != null) {
            telegram.close();
        }
    }

    @BeforeEach
    void freshBrowser() {
        browser.get(base + "/console/login");
        browser.manage().deleteAllCookies();
        laptop();
    }

    @Test
    void aWrongTokenIsRefused() throws IOException {
        browser.get(base + "/console/login");
        browser.findElement(By.id("token")).sendKeys("not-a-token");
        open(By.cssSelector("form button[type=submit]"));

        assertThat(browser.findElement(By.cssSelector("[role=alert]")).getText())
                .contains("Невірний або відкликаний токен");
        assertThat(browser.manage().getCookieNamed("zv_console")).isNull();
        browser.get(base + "/console/appeals");
        assertThat(browser.getCurrentUrl()).isEqualTo(base + "/console/login");
        screenshot("login");
    }

    @Test
    void anOperatorFiltersTheListAndChangesAStatusThatReachesTheCitizensTelegram() throws Exception {
        Appeal lift = filed(
                ChatKey.of(Channel.TELEGRAM, String.valueOf(CITIZEN_CHAT)),
                "lifts",
                "Застряг ліфт між 5 і 6 поверхами",
                Duration.ofHours(6));
        filed(
                ChatKey.of(Channel.TELEGRAM, "7002"),
                "street-lights",
                "Не світить ліхтар біля зупинки",
                Duration.ofHours(-3));
        filed(ChatKey.of(Channel.TELEGRAM, "7003"), "roads", "Глибока яма на перехресті", Duration.ofHours(48));
        signIn(operatorToken);
        assertThat(browser.findElement(By.cssSelector(".summary")).getText())
                .contains("Знайдено: "
                        + api.get("/api/appeals").json().get("total").asInt());
        assertThat(browser.findElements(By.cssSelector("tr.overdue")))
                .as("the overdue ones are marked")
                .hasSize(
                        api.get("/api/appeals?overdue=true").json().get("total").asInt())
                .isNotEmpty();
        screenshot("appeals");

        new Select(browser.findElement(By.id("f-category"))).selectByValue("lifts");
        browser.findElement(By.id("f-q")).sendKeys("ліфт");
        open(By.cssSelector(".filter-form button[type=submit]:not([name])"));
        assertThat(browser.findElement(By.cssSelector(".summary")).getText()).contains("Знайдено: 1");
        assertThat(browser.getCurrentUrl())
                .as("the search stays out of the URL")
                .isEqualTo(base + "/console/appeals");

        open(By.linkText("№ " + lift.number()));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Звернення № " + lift.number());
        new Select(browser.findElement(By.id("status"))).selectByValue("IN_PROGRESS");
        browser.findElement(By.id("comment")).sendKeys("Бригада виїхала");
        open(By.cssSelector("#status-form button[type=submit]"));
        assertThat(browser.findElement(By.cssSelector(".flash")).getText())
                .contains("Статус змінено: Зареєстровано → У роботі");

        awaitUntil(() -> telegram.shown(CITIZEN_CHAT).stream()
                .anyMatch(s ->
                        s.text().equals("📬 Звернення № " + lift.number() + ": у роботі.\nКоментар: Бригада виїхала")));
        awaitUntil(() -> {
            browser.navigate().refresh();
            return browser.findElement(By.cssSelector(".history li:last-child"))
                    .getText()
                    .contains("доставлено громадянину");
        });
        assertThat(browser.findElement(By.cssSelector(".history li:last-child")).getText())
                .contains("Оператор Іваненко")
                .contains("Зареєстровано → У роботі")
                .contains("Бригада виїхала");
        screenshot("appeal");

        phone();
        browser.get(base + "/console/appeals");
        screenshot("appeals-phone");
        browser.get(base + "/console/appeals/" + lift.number());
        screenshot("appeal-phone");
    }

    @Test
    void anAdminAddsACategoryThatTheBotOffersInItsNextMenu() throws Exception {
        signIn(ADMIN);
        open(By.linkText("Категорії"));
        browser.findElement(By.id("id")).sendKeys("snow");
        browser.findElement(By.id("nameUk")).sendKeys("Прибирання снігу");
        browser.findElement(By.id("nameEn")).sendKeys("Snow removal");
        browser.findElement(By.id("emoji")).sendKeys("❄️");
        new Select(browser.findElement(By.id("deadlineClass"))).selectByValue("SHORT");
        new Select(browser.findElement(By.id("executorId")))
                .selectByVisibleText("Департамент благоустрою та інфраструктури");
        browser.findElement(By.id("position")).sendKeys("1");
        open(By.cssSelector("#add-category button[type=submit]"));
        assertThat(browser.findElement(By.cssSelector(".flash")).getText())
                .contains("Категорію «Прибирання снігу» додано");
        assertThat(browser.findElement(By.cssSelector("table.menu tbody tr:first-child"))
                        .getText())
                .contains("❄️ Прибирання снігу")
                .contains("Департамент благоустрою та інфраструктури");
        screenshot("categories");

        TelegramCitizen citizen = new TelegramCitizen(telegram, 7100).start();
        assertThat(citizen.openMenu().categories()).startsWith("❄️ Прибирання снігу");

        open(By.linkText("Токени"));
        browser.findElement(By.id("name")).sendKeys("Диспетчер Коваль");
        open(By.cssSelector("#issue-token button[type=submit]"));
        String issued = browser.findElement(By.id("issued-token")).getAttribute("value");
        assertThat(api.as(issued).get("/api/appeals").status())
                .as("the issued token works")
                .isEqualTo(200);
        browser.navigate().refresh();
        assertThat(browser.findElements(By.id("issued-token"))).as("shown once").isEmpty();
        screenshot("tokens");
    }

    @Test
    void anAdminAddsAnExecutorWhoseTokenTakesAndResolvesItsOwnAppeal() throws Exception {
        Appeal pothole =
                filed(ChatKey.of(Channel.TELEGRAM, "7005"), "roads", "Вибоїна на тротуарі", Duration.ofHours(48));
        signIn(ADMIN);
        open(By.linkText("Виконавці"));
        browser.findElement(By.id("name")).sendKeys("КП «Міськшляхрембуд»");
        browser.findElement(By.id("contacts")).sendKeys("+380562000000, диспетчер");
        open(By.cssSelector("#add-executor button[type=submit]"));
        assertThat(browser.findElement(By.cssSelector(".flash")).getText())
                .contains("Виконавця «КП «Міськшляхрембуд»» додано");
        String page = browser.getCurrentUrl();
        long id = Long.parseLong(page.substring(page.lastIndexOf('/') + 1));
        browser.findElement(By.id("staffName")).sendKeys("Петро Майстер");
        browser.findElement(By.id("telegramUserId")).sendKeys("501");
        open(By.cssSelector("#add-staff button[type=submit]"));
        assertThat(browser.findElement(By.id("staff-list")).getText()).contains("Петро Майстер", "501");
        browser.findElement(By.id("tokenName")).sendKeys("Бригада шляховиків");
        open(By.cssSelector("#issue-executor-token button[type=submit]"));
        String token = browser.findElement(By.id("issued-token")).getAttribute("value");
        screenshot("executor");

        // An operator gives the appeal to the new executor, with a reason.
        browser.get(base + "/console/appeals/" + pothole.number());
        new Select(browser.findElement(By.id("executorId"))).selectByVisibleText("КП «Міськшляхрембуд»");
        browser.findElement(By.id("assign-reason")).sendKeys("Тротуар обслуговує шляхове підприємство");
        open(By.cssSelector("#assign-form button[type=submit]"));
        assertThat(browser.findElement(By.id("appeal-executor")).getText()).isEqualTo("КП «Міськшляхрембуд»");

        // The executor's token sees it, takes it into work and resolves it with a comment.
        browser.manage().deleteAllCookies();
        browser.get(base + "/console/login");
        browser.findElement(By.id("token")).sendKeys(token);
        open(By.cssSelector("form button[type=submit]"));
        assertThat(browser.getCurrentUrl()).isEqualTo(base + "/console/work");
        assertThat(browser.findElements(By.cssSelector("#work-list tbody tr"))).hasSize(1);
        open(By.linkText("№ " + pothole.number()));
        assertThat(browser.findElement(By.id("work-description")).getText()).isEqualTo("Вибоїна на тротуарі");
        assertThat(browser.findElements(By.id("work-citizen")))
                .as("no leave to see the citizen")
                .isEmpty();
        open(By.cssSelector("#take-form button[type=submit]"));
        assertThat(browser.findElement(By.cssSelector(".flash")).getText()).contains("взято в роботу");
        browser.findElement(By.id("comment")).sendKeys("Вибоїну засипано й заасфальтовано");
        screenshot("work-appeal");
        open(By.cssSelector("#resolve-form button[type=submit]"));
        assertThat(browser.findElement(By.cssSelector(".lead .status")).getText())
                .isEqualTo("Вирішено");
        assertThat(api.get("/api/appeals/" + pothole.number())
                        .json()
                        .get("status")
                        .asText())
                .isEqualTo("RESOLVED");
        assertThat(api.get("/api/executors/" + id + "/staff").json()).hasSize(1);
    }

    @Test
    void theStatisticsPageShowsTheReportsChartsForAPeriod() throws IOException {
        filed(ChatKey.of(Channel.TELEGRAM, "7004"), "water", "Немає холодної води в будинку", Duration.ofHours(24));
        signIn(operatorToken);
        open(By.linkText("Статистика"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Статистика");
        new Select(browser.findElement(By.id("groupBy"))).selectByValue("MONTH");
        open(By.cssSelector("#period button[type=submit]"));
        assertThat(browser.getCurrentUrl()).contains("groupBy=MONTH");

        String from = browser.findElement(By.id("from")).getAttribute("value");
        String to = browser.findElement(By.id("to")).getAttribute("value");
        long total = api.get("/api/stats?from=" + from + "&to=" + to + "&groupBy=month")
                .json()
                .get("total")
                .asLong();
        assertThat(total).isPositive();
        assertThat(browser.findElement(By.id("stats-total")).getText()).startsWith("Звернень за період: " + total);
        assertThat(browser.findElements(By.cssSelector("#chart-periods svg rect")))
                .isNotEmpty();
        assertThat(browser.findElements(By.cssSelector("#chart-channels svg circle.slice")))
                .isNotEmpty();
        assertThat(browser.findElement(By.id("chart-categories")).getText()).contains("Водоканал");
        screenshot("stats");

        String year = new Select(browser.findElement(By.id("year")))
                .getFirstSelectedOption()
                .getText();
        String quarter = new Select(browser.findElement(By.id("quarter")))
                .getFirstSelectedOption()
                .getText();
        browser.get(base + "/console/stats/report?year=" + year + "&quarter=" + quarter + "&format=html");
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains(year);
        assertThat(browser.findElements(By.cssSelector("#chart-channels svg"))).isNotEmpty();
    }

    @Test
    void anOperatorClassifiesAnAppealAndAnAdminWritesTheNarrativeOfTheCouncilsReport() throws IOException {
        Appeal water = filed(
                ChatKey.of(Channel.TELEGRAM, "7005"), "water", "Немає гарячої води третій день", Duration.ofHours(24));
        signIn(operatorToken);
        browser.get(base + "/console/appeals/" + water.number());
        assertThat(browser.findElement(By.id("register-now")).getText())
                .as("the bot's direction gave the first question")
                .contains("009 — Комунальне господарство");
        new Select(browser.findElement(By.id("question-1"))).selectByValue("010");
        new Select(browser.findElement(By.id("type"))).selectByValue("3.3");
        new Select(browser.findElement(By.id("c-form"))).selectByValue("5.2");
        browser.findElement(By.id("signatories")).sendKeys("25");
        browser.findElement(By.cssSelector("details.categories summary")).click();
        browser.findElement(By.cssSelector("input[name=citizenCategory][value='7.21']"))
                .click();
        open(By.cssSelector("#classification-form button[type=submit]"));
        assertThat(browser.findElement(By.cssSelector(".flash")).getText()).contains("Класифікацію збережено");
        assertThat(browser.findElement(By.id("register-now")).getText())
                .contains("010 — Житлова політика", "3.3 — Скарга", "5.2 — Колективне", "25", "Пенсіонери");
        assertThat(browser.findElement(By.cssSelector(".history li:last-child")).getText())
                .contains(
                        "Класифікація в реєстрі",
                        "Оператор Іваненко",
                        "Питання (тематика): 009 → 009, 010",
                        "Форма: — → 5.2");
        var json = api.get("/api/appeals/" + water.number()).json();
        assertThat(json.get("questions").findValuesAsText("topic")).containsExactly("009", "010");
        assertThat(json.get("signatories").asInt()).isEqualTo(25);
        screenshot("appeal-register");

        browser.manage().deleteAllCookies();
        signIn(ADMIN);
        open(By.linkText("Звіт для ради"));
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Kyiv"));
        String period = today.getYear() + "-Q" + ((today.getMonthValue() - 1) / 3 + 1);
        new Select(browser.findElement(By.id("period"))).selectByValue(period);
        open(By.cssSelector("#report-period button[type=submit]"));
        assertThat(browser.getCurrentUrl()).endsWith("/console/reports?period=" + period);
        long appeals = api.get("/api/reports/council?period=" + period + "&format=csv")
                .body()
                .lines()
                .filter(l -> l.startsWith("total,appeals,"))
                .map(l -> l.split(",")[4])
                .mapToLong(Long::parseLong)
                .findFirst()
                .orElseThrow();
        assertThat(browser.findElement(By.id("register-total")).getText()).startsWith("Звернень: " + appeals);
        browser.findElement(By.id("text")).sendKeys("Проведено 1 засідання комісії з питань звернень громадян.");
        open(By.cssSelector("#narrative-form button[type=submit]"));
        assertThat(browser.findElement(By.cssSelector(".flash")).getText())
                .contains("Текстову частину звіту збережено");
        screenshot("report");

        browser.get(base + "/console/reports/council?period=" + period + "&format=html");
        assertThat(browser.findElement(By.tagName("h1")).getText())
                .contains("Інформація про роботу зі зверненнями громадян");
        assertThat(browser.findElement(By.id("narrative")).getText()).contains("Проведено 1 засідання комісії");
        screenshot("council-report");
    }

    // ---- helpers ---------------------------------------------------------------------------------

    void signIn(String token) {
        browser.get(base + "/console/login");
        browser.findElement(By.id("token")).sendKeys(token);
        open(By.cssSelector("form button[type=submit]"));
        assertThat(browser.getCurrentUrl()).isEqualTo(base + "/console/appeals");
    }

    /** Clicks what loads another page, and waits until the old one is gone. */
    void open(By clickable) {
        WebElement page = browser.findElement(By.tagName("html"));
        browser.findElement(clickable).click();
        // While the page is being replaced, chromedriver may answer with other errors than "stale"; they mean "not
        // yet".
        new WebDriverWait(browser, Duration.ofSeconds(15))
                .ignoring(WebDriverException.class)
                .until(d -> {
                    try {
                        page.getTagName();
                        return false;
                    } catch (StaleElementReferenceException e) {
                        return true;
                    }
                });
    }

    Appeal filed(ChatKey chat, String category, String description, Duration deadlineIn) {
        return Filed.appeal(category, description).dueIn(deadlineIn).in(app, chat);
    }

    void laptop() {
        browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }

    void phone() {
        browser.executeCdpCommand(
                "Emulation.setDeviceMetricsOverride",
                Map.of("width", 390, "height", 844, "deviceScaleFactor", 1, "mobile", true));
    }

    /** The whole page, not only what fits the window. */
    void screenshot(String name) throws IOException {
        Number width = (Number) browser.executeScript("return document.documentElement.clientWidth");
        Number height = (Number) browser.executeScript("return Math.min(document.documentElement.scrollHeight, 4000)");
        Map<String, Object> shot = browser.executeCdpCommand(
                "Page.captureScreenshot",
                Map.of(
                        "format",
                        "png",
                        "captureBeyondViewport",
                        true,
                        "clip",
                        Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
        Files.write(screenshots.resolve(name + ".png"), Base64.getDecoder().decode((String) shot.get("data")));
    }
}
