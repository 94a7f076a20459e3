package ua.zvernennia.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The public map in a real headless Chromium on a phone-sized screen, with the tiles from a local
 * stub (no internet): the points are there, the filters change them, a click shows an appeal's
 * details, and neither the page nor any request it makes carries a citizen's name, phone, home
 * address or description. Leaves {@code public-map.png} among the screenshots.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenMapBrowserTest {
    static final String ADMIN = "open-map-browser-admin-token-0123456789";

    @TempDir
    static Path dir;

    HttpServer tiles;
    final AtomicInteger tilesServed = new AtomicInteger();
    App app;
    ChromeDriver browser;
    String base;
    Path screenshots;
    String pothole;
    String light;

    @BeforeAll
    void start() throws Exception {
        HeadlessChromium.requireInstalled();
        tiles = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        tiles.createContext("/tiles/", exchange -> {
            tilesServed.incrementAndGet();
            String[] zxy =
                    exchange.getRequestURI().getPath().replace(".png", "").split("/");
            byte[] tile = tile(Integer.parseInt(zxy[3]), Integer.parseInt(zxy[4]));
            exchange.getResponseHeaders().add("Content-Type", "image/png");
            exchange.sendResponseHeaders(200, tile.length);
            exchange.getResponseBody().write(tile);
            exchange.close();
        });
        tiles.start();
        app = TestApps.start(
                dir,
                Clock.systemUTC(),
                new HashMap<>(Map.of(
                        "ADMIN_TOKEN",
                        ADMIN,
                        "PUBLIC_CACHE_SECONDS",
                        "0",
                        "TILE_URL",
                        "http://127.0.0.1:" + tiles.getAddress().getPort() + "/tiles/{z}/{x}/{y}.png",
                        "TILE_ATTRIBUTION",
                        "Тестові тайли")));
        base = "http://127.0.0.1:" + app.httpPort();
        var api = new ApiClient(app.httpPort(), ADMIN);
        pothole = OpenMapHttpTest.file(
                api,
                OpenMapHttpTest.appeal(
                        "roads",
                        "вул. Шкільна, 3",
                        48.4647,
                        35.0462,
                        "Петро",
                        "Мельник",
                        "вул. Нова, 7, кв. 1",
                        "Яма на дорозі біля школи №5"));
        light = OpenMapHttpTest.file(
                api,
                OpenMapHttpTest.appeal(
                        "street-lights",
                        null,
                        48.4700,
                        35.0300,
                        "Оксана",
                        "Коваль",
                        "вул. Садова, 12",
                        "Не світить ліхтар"));
        OpenMapHttpTest.file(
                api,
                OpenMapHttpTest.appeal(
                        "water",
                        null,
                        48.4580,
                        35.0550,
                        "Оксана",
                        "Коваль",
                        "вул. Садова, 12",
                        "Не світить ліхтар у дворі, тече вода"));
        OpenMapHttpTest.file(
                api,
                OpenMapHttpTest.appeal(
                        "roads",
                        "просп. Свободи, 40",
                        null,
                        null,
                        "Петро",
                        "Мельник",
                        "вул. Нова, 7, кв. 1",
                        "Яма на дорозі біля школи №7"));
        assertThat(api.post("/api/appeals/" + light + "/status", "{\"status\": \"IN_PROGRESS\"}")
                        .status())
                .isEqualTo(200);
        screenshots = HeadlessChromium.screenshots();

        browser = HeadlessChromium.start(dir, true);
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (app != null) {
            app.close();
        }
        if (tiles != null) {
            tiles.stop(0);
        }
    }

    /**
     * A tile of the stub: city blocks between streets, a wide avenue every fourth street and a
     * river, drawn from the tile's place so that neighbouring tiles join up (no internet here).
     */
    static byte[] tile(int x, int y) throws java.io.IOException {
        var image = new java.awt.image.BufferedImage(256, 256, java.awt.image.BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setRenderingHint(java.awt.RenderingHints.KEY_ANTIALIASING, java.awt.RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new java.awt.Color(0xF2EFE9));
        g.fillRect(0, 0, 256, 256);
        for (int i = 0; i < 8; i++) {
            for (int j = 0; j < 8; j++) {
                long h = (x * 8L + i) * 31 + (y * 8L + j) * 17;
                g.setColor(new java.awt.Color(Math.floorMod(h, 7) == 0 ? 0xCDEBC0 : 0xE0DCD4));
                g.fillRect(i * 32 + 4, j * 32 + 4, 24, 24);
            }
        }
        g.setColor(java.awt.Color.WHITE);
        for (int k = 0; k < 8; k++) {
            int w = Math.floorMod(x * 8 + k, 4) == 0 ? 6 : 3;
            g.fillRect(k * 32 - w / 2, 0, w, 256);
            int v = Math.floorMod(y * 8 + k, 4) == 0 ? 6 : 3;
            g.fillRect(0, k * 32 - v / 2, 256, v);
        }
        g.setColor(new java.awt.Color(0xAAD3DF));
        g.setStroke(new java.awt.BasicStroke(18));
        int baseX = -x * 256;
        int baseY = -y * 256;
        for (int px = -256; px < 512; px += 8) {
            double worldX = px - baseX;
            int worldY = (int) (Math.sin(worldX / 700.0) * 300 + 0.45 * worldX);
            int ty = worldY + baseY;
            g.drawLine(px, ty, px + 8, (int) (Math.sin((worldX + 8) / 700.0) * 300 + 0.45 * (worldX + 8)) + baseY);
        }
        g.dispose();
        var out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private String mapAttribute(String name) {
        return browser.findElement(By.id("open-map")).getAttribute("data-" + name);
    }

    private void awaitPoints(String count) {
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> count.equals(mapAttribute("points")));
    }

    @Test
    void theMapShowsThePointsTheFiltersChangeThemAndAClickShowsTheDetailsWithNothingPersonal() throws Exception {
        browser.get(base + "/public/map?period=day");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("uk");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Карта звернень");
        awaitPoints("3");
        assertThat(browser.findElements(By.cssSelector("#open-map path.leaflet-interactive")))
                .hasSize(3);
        assertThat(browser.findElement(By.id("map-summary")).getText()).contains("3");
        assertThat(tilesServed.get()).as("tiles from the local stub").isPositive();
        assertThat(browser.findElement(By.cssSelector(".leaflet-control-attribution"))
                        .getText())
                .contains("Тестові тайли");
        Files.write(screenshots.resolve("public-map-phone.png"), browser.getScreenshotAs(OutputType.BYTES));

        new Select(browser.findElement(By.id("status"))).selectByValue("IN_PROGRESS");
        awaitPoints("1");
        new Select(browser.findElement(By.id("status"))).selectByValue("");
        awaitPoints("3");
        new Select(browser.findElement(By.id("category"))).selectByValue("roads");
        awaitPoints("1");
        new Select(browser.findElement(By.id("category"))).selectByValue("");
        awaitPoints("3");

        new Select(browser.findElement(By.id("status"))).selectByValue("IN_PROGRESS");
        awaitPoints("1");
        WebElement point = browser.findElement(By.cssSelector("#open-map path.leaflet-interactive"));
        browser.executeScript("arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true}))", point);
        WebElement details = new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(d -> d.findElements(By.id("appeal-details")).isEmpty()
                        ? null
                        : d.findElement(By.id("appeal-details")));
        assertThat(details.getText()).contains("№ " + light, "Вуличне освітлення", "У роботі", "Виконавець");
        // Neither the page nor anything it asked for carries what the citizens told about themselves.
        String page = browser.getPageSource();
        @SuppressWarnings("unchecked")
        List<String> requested = (List<String>)
                browser.executeScript(
                        "return performance.getEntriesByType('resource').map(function (e) { return e.name; }).concat([location.href]);");
        assertThat(requested)
                .anyMatch(u -> u.contains("/public/api/map?"))
                .anyMatch(u -> u.contains("/public/api/appeals/" + light));
        HttpClient http = HttpClient.newHttpClient();
        for (String p : OpenMapHttpTest.PERSONAL) {
            assertThat(page).doesNotContain(p);
        }
        for (String url : requested) {
            for (String p : OpenMapHttpTest.PERSONAL) {
                assertThat(java.net.URLDecoder.decode(url, java.nio.charset.StandardCharsets.UTF_8))
                        .doesNotContain(p);
            }
            if (url.startsWith(base)) {
                String body = http.send(
                                HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString())
                        .body();
                for (String p : OpenMapHttpTest.PERSONAL) {
                    assertThat(body).as(url).doesNotContain(p);
                }
            }
        }

        // A picture for the README: a laptop's window, every point of the day, one point's details.
        browser.executeCdpCommand(
                "Emulation.setDeviceMetricsOverride",
                Map.of("width", 1100, "height", 1150, "deviceScaleFactor", 1, "mobile", false));
        try {
            browser.get(base + "/public/map?period=day");
            awaitPoints("3");
            WebElement shown = browser.findElements(By.cssSelector("#open-map path.leaflet-interactive"))
                    .get(0);
            browser.executeScript("arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true}))", shown);
            new WebDriverWait(browser, Duration.ofSeconds(10))
                    .until(d -> !d.findElements(By.id("appeal-details")).isEmpty());
            new WebDriverWait(browser, Duration.ofSeconds(10))
                    .until(d -> ((Number)
                                            browser.executeScript(
                                                    "return document.querySelectorAll('#open-map img.leaflet-tile:not(.leaflet-tile-loaded)').length;"))
                                    .intValue()
                            == 0);
            Files.write(screenshots.resolve("public-map.png"), browser.getScreenshotAs(OutputType.BYTES));
        } finally {
            browser.executeCdpCommand(
                    "Emulation.setDeviceMetricsOverride",
                    Map.of("width", 390, "height", 844, "deviceScaleFactor", 1, "mobile", true));
        }
    }

    @Test
    void theStatisticsAndTheStatusCheckOnAPhone() throws Exception {
        browser.get(base + "/public/stats?period=month");
        assertThat(browser.findElement(By.id("total")).getText()).isEqualTo("4");
        assertThat(browser.findElements(By.cssSelector("#executors tbody tr"))).isNotEmpty();
        Files.write(screenshots.resolve("public-stats.png"), browser.getScreenshotAs(OutputType.BYTES));
        browser.get(base + "/public/status");
        browser.findElement(By.id("number")).sendKeys(pothole);
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(d -> !d.findElements(By.id("appeal-status")).isEmpty());
        assertThat(browser.findElement(By.id("appeal-status")).getText()).isEqualTo("Зареєстровано");
        for (String p : OpenMapHttpTest.PERSONAL) {
            assertThat(browser.getPageSource()).doesNotContain(p);
        }
    }
}
