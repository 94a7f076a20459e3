package ua.zvernennia.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ua.zvernennia.core.appeal.Appeal;
import ua.zvernennia.core.appeal.PhotoRef;
import ua.zvernennia.telegram.FakeBotApi;

/**
 * The web console over plain HTTP: sessions and their cookie, CSRF, roles, headers, and that
 * refused forms change nothing. The browser tests ({@link ConsoleBrowserTest}) cover the pages in use.
 */
class ConsoleHttpTest {
    static final String ADMIN = "console-admin-token-0123456789abcdef";

    @TempDir
    Path dir;

    FakeBotApi telegram;
    App app;
    ApiClient api;
    String operatorToken;

    @BeforeEach
    void start() throws Exception {
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
        api = new ApiClient(app.httpPort(), ADMIN);
        operatorToken = api.post("/api/tokens", "{\"name\": \"Оператор Петренко\", \"role\": \"OPERATOR\"}")
                .json()
                .get("token")
                .asText();
    }

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
        if (telegram != null) {
            telegram.close();
        }
    }

    ConsoleHttp browser() {
        return new ConsoleHttp(app.httpPort());
    }

    Appeal filed(String description, List<PhotoRef> photos) {
        var t = new AppealApiTest();
        t.app = app;
        return t.filed(AppealApiTest.telegramChat(), description, photos);
    }

    @Test
    void signingInKeepsTheTokenOnTheServerBehindAStrictHttpOnlyCookie() {
        ConsoleHttp b = browser();
        ConsoleHttp.Page form = b.get("/console/login");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.header("Content-Type")).startsWith("text/html").containsIgnoringCase("charset=utf-8");
        assertThat(form.header("Content-Security-Policy"))
                .contains("default-src 'none'")
                .contains("script-src 'self'")
                .contains("frame-ancestors 'none'")
                .doesNotContain("unsafe-inline");
        assertThat(form.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(form.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(form.header("Referrer-Policy")).isEqualTo("no-referrer");

        ConsoleHttp.Page in = b.post("/console/login", Map.of("_csrf", form.csrf(), "token", operatorToken));
        assertThat(in.status()).isEqualTo(303);
        assertThat(in.header("Location")).isEqualTo("/console/appeals");
        String cookie = in.cookies().stream()
                .filter(c -> c.startsWith("zv_console="))
                .findFirst()
                .orElseThrow();
        assertThat(cookie)
                .contains("HttpOnly")
                .contains("SameSite=Strict")
                .contains("Path=/console")
                .doesNotContain("Secure");
        assertThat(cookie).doesNotContain(operatorToken);

        ConsoleHttp.Page list = b.get("/console/appeals");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains("Оператор Петренко").doesNotContain(operatorToken);
        assertThat(list.header("Cache-Control")).isEqualTo("no-store");

        ConsoleHttp.Page out = b.post("/console/logout", Map.of("_csrf", list.csrf()));
        assertThat(out.status()).isEqualTo(303);
        assertThat(b.get("/console/appeals").header("Location"))
                .as("signed out")
                .isEqualTo("/console/login");
    }

    @Test
    void behindAnHttpsProxyTheCookieIsSecure() {
        ConsoleHttp b = browser();
        ConsoleHttp.Page form = b.get("/console/login", "X-Forwarded-Proto", "https");
        ConsoleHttp.Page in = b.post(
                "/console/login", Map.of("_csrf", form.csrf(), "token", operatorToken), "X-Forwarded-Proto", "https");
        assertThat(in.cookies()).anyMatch(c -> c.startsWith("zv_console=") && c.contains("; Secure"));
    }

    @Test
    void aWrongTokenOrAForeignSignInFormIsRefused() {
        ConsoleHttp b = browser();
        ConsoleHttp.Page wrong = b.signIn("not-a-token");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.body()).contains("Невірний або відкликаний токен");
        assertThat(b.cookies).doesNotContainKey("zv_console");

        // Another site's form posts a token without the one-time value of this browser's form.
        ConsoleHttp other = browser();
        ConsoleHttp.Page forged = other.post("/console/login", Map.of("_csrf", "guess", "token", operatorToken));
        assertThat(forged.status()).isEqualTo(403);
        assertThat(other.cookies).doesNotContainKey("zv_console");

        assertThat(browser().get("/console/appeals").header("Location")).isEqualTo("/console/login");
    }

    @Test
    void formsWithoutTheSessionsCsrfTokenChangeNothing() {
        Appeal a = filed("Застряг ліфт", List.of());
        ConsoleHttp b = browser();
        b.signIn(operatorToken);
        ConsoleHttp.Page refused = b.post(
                "/console/appeals/" + a.number() + "/status", Map.of("status", "IN_PROGRESS", "_csrf", "forged"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).contains("Форма застаріла");
        assertThat(api.get("/api/appeals/" + a.number()).json().get("status").asText())
                .isEqualTo("REGISTERED");

        String csrf = b.get("/console/appeals/" + a.number()).csrf();
        ConsoleHttp.Page done =
                b.post("/console/appeals/" + a.number() + "/status", Map.of("status", "IN_PROGRESS", "_csrf", csrf));
        assertThat(done.status()).isEqualTo(303);
        assertThat(api.get("/api/appeals/" + a.number()).json().get("status").asText())
                .isEqualTo("IN_PROGRESS");
    }

    @Test
    void operatorsDoNotReachTheAdminPagesAndARevokedTokenEndsItsSession() {
        ConsoleHttp b = browser();
        b.signIn(operatorToken);
        assertThat(b.get("/console/categories").status()).isEqualTo(403);
        assertThat(b.get("/console/tokens").status()).isEqualTo(403);
        String csrf = b.get("/console/appeals").csrf();
        assertThat(b.post("/console/tokens", Map.of("_csrf", csrf, "name", "x", "role", "ADMIN"))
                        .status())
                .isEqualTo(403);
        assertThat(api.get("/api/tokens").json()).hasSize(1);

        long id = api.get("/api/tokens").json().get(0).get("id").asLong();
        assertThat(api.delete("/api/tokens/" + id).status()).isEqualTo(204);
        assertThat(b.get("/console/appeals").header("Location")).isEqualTo("/console/login?ended=revoked");
        assertThat(b.get("/console/appeals").header("Location")).isEqualTo("/console/login");
    }

    @Test
    void theTextSearchStaysOutOfTheUrl() {
        filed("Застряг ліфт у підʼїзді", List.of());
        filed("Не світить ліхтар", List.of());
        ConsoleHttp b = browser();
        b.signIn(operatorToken);
        String csrf = b.get("/console/appeals").csrf();
        ConsoleHttp.Page filtered = b.post("/console/appeals/filter", Map.of("_csrf", csrf, "q", "Коваленко ліфт"));
        assertThat(filtered.status()).isEqualTo(303);
        assertThat(filtered.header("Location")).isEqualTo("/console/appeals");
        ConsoleHttp.Page list = b.get("/console/appeals");
        assertThat(list.body()).contains("Знайдено: <strong>1</strong>").contains("value=\"Коваленко ліфт\"");

        assertThat(b.post("/console/appeals/filter", Map.of("_csrf", csrf, "from", "2026-13-40"))
                        .status())
                .isEqualTo(400);
        b.post("/console/appeals/filter", Map.of("_csrf", csrf, "reset", "1"));
        assertThat(b.get("/console/appeals").body()).contains("Знайдено: <strong>2</strong>");
    }

    @Test
    void aPhonedInAppealIsCheckedLikeTheBotsAndRegisteredOnce() {
        ConsoleHttp b = browser();
        b.signIn(operatorToken);
        String csrf = b.get("/console/appeals/new").csrf();
        var form = new HashMap<>(Map.of(
                "_csrf",
                csrf,
                "channel",
                "PHONE",
                "category",
                "roads",
                "issueType",
                "roads:pothole",
                "description",
                "Яма на дорозі біля школи",
                "placeAddress",
                "вул. Шкільна, 3",
                "firstName",
                "Петро",
                "lastName",
                "Мельник",
                "address",
                "вул. Нова, 7, кв. 1",
                "phone",
                "12345"));
        form.put("latitude", "48,46");
        ConsoleHttp.Page refused = b.post("/console/appeals/new", form);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body())
                .contains("Телефон: український номер")
                .contains("Координати: вкажіть і широту, і довготу")
                .contains("value=\"Мельник\"");
        assertThat(api.get("/api/appeals").json().get("total").asInt()).isZero();

        form.put("phone", "067 765 43 21");
        form.put("longitude", "35.04");
        ConsoleHttp.Page done = b.post("/console/appeals/new", form);
        assertThat(done.status()).isEqualTo(303);
        String number = done.header("Location").substring("/console/appeals/".length());
        assertThat(number).matches("\\d{4}-\\d{6}");
        ConsoleHttp.Page page = b.get(done.header("Location"));
        assertThat(page.body())
                .contains("Звернення зареєстровано: № " + number)
                .contains("Яма на дорозі біля школи")
                .contains("+380677654321")
                .contains("openstreetmap.org/?mlat=48.46&amp;mlon=35.04");
        var created = api.get("/api/appeals/" + number).json();
        assertThat(created.get("channel").asText()).isEqualTo("PHONE");
        assertThat(created.get("issueType").asText()).isEqualTo("pothole");
        assertThat(created.get("history").get(1).get("actor").asText())
                .as("who registered it")
                .isEqualTo("Оператор Петренко");
    }

    @Test
    void photosAreServedToTheSessionOnly() throws Exception {
        telegram.file("AgACphoto1", ua.zvernennia.app.media.TestImages.jpeg(640, 480));
        Appeal a = filed("Застряг ліфт", List.of(new PhotoRef("AgACphoto1", "u1")));
        ConsoleHttp b = browser();
        assertThat(b.get("/console/appeals/" + a.number() + "/photos/0").status())
                .isEqualTo(303);
        b.signIn(operatorToken);
        assertThat(b.get("/console/appeals/" + a.number()).body())
                .contains("src=\"/console/appeals/" + a.number() + "/photos/0?thumbnail\"");
        ChannelsTest.awaitUntil(
                () -> b.get("/console/appeals/" + a.number() + "/photos/0").status() == 200);
        ConsoleHttp.Page photo = b.get("/console/appeals/" + a.number() + "/photos/0");
        assertThat(photo.header("Content-Type")).isEqualTo("image/jpeg");
        assertThat(photo.header("Cache-Control")).isEqualTo("no-store");
        assertThat(b.get("/console/appeals/" + a.number() + "/photos/0?thumbnail")
                        .header("Content-Type"))
                .isEqualTo("image/jpeg");
        assertThat(b.get("/console/appeals/" + a.number() + "/photos/1").status())
                .isEqualTo(404);
    }

    @Test
    void unknownPagesAndRefusalsArePagesNotJson() {
        ConsoleHttp b = browser();
        b.signIn(ADMIN);
        ConsoleHttp.Page missing = b.get("/console/appeals/2026-999999");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.header("Content-Type")).startsWith("text/html");
        assertThat(missing.body()).contains("не знайдено");
        assertThat(b.get("/console/no-such-page").status()).isEqualTo(404);
        assertThat(b.get("/console/categories/no-such").status()).isEqualTo(404);

        String csrf = b.get("/console/categories").csrf();
        ConsoleHttp.Page duplicate = b.post(
                "/console/categories",
                Map.of("_csrf", csrf, "id", "lifts", "nameUk", "Ліфти ще раз", "deadlineClass", "SHORT"));
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.body()).contains("Меню не змінено").contains("value=\"Ліфти ще раз\"");
    }

    @Test
    void theQuarterlyReportIsOneClickAwayAsHtmlAndCsv() {
        filed("Застряг ліфт", List.of());
        ConsoleHttp b = browser();
        b.signIn(operatorToken);
        ConsoleHttp.Page stats = b.get("/console/stats?from=2026-13-01");
        assertThat(stats.status()).isEqualTo(400);
        assertThat(stats.body()).contains("Дату не вдалося прочитати");

        var today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Kyiv"));
        String period = "year=" + today.getYear() + "&quarter=" + ((today.getMonthValue() - 1) / 3 + 1);
        ConsoleHttp.Page html = b.get("/console/stats/report?" + period);
        assertThat(html.status()).isEqualTo(200);
        assertThat(html.header("Content-Security-Policy"))
                .contains("default-src 'none'")
                .doesNotContain("script");
        assertThat(html.body())
                .contains("<svg")
                .contains(api.get("/api/reports/quarterly?" + period).body().substring(0, 200));
        ConsoleHttp.Page csv = b.get("/console/stats/report?" + period + "&format=csv");
        assertThat(csv.header("Content-Disposition")).contains(".csv");
        assertThat(csv.body().lines().filter(l -> !l.contains("as_of")))
                .containsExactlyElementsOf(api.get("/api/reports/quarterly.csv?" + period)
                        .body()
                        .lines()
                        .filter(l -> !l.contains("as_of"))
                        .toList())
                .anyMatch(l -> l.startsWith("category,lifts,"));
        assertThat(b.get("/console/stats/report?year=1999&quarter=1").status()).isEqualTo(400);
        assertThat(browser().get("/console/stats/report?" + period).status())
                .as("signed in only")
                .isEqualTo(303);
    }
}
