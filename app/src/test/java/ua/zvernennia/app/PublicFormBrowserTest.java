package ua.zvernennia.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
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

/**
 * The public web form in a real headless Chromium on a phone-sized screen, against the running
 * app, with the map's tiles from a local stub (no internet). Skipped where the browser is not
 * installed (a failure on CI instead, as for {@link ConsoleBrowserTest}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublicFormBrowserTest {
    static final String ADMIN = "public-form-admin-token-0123456789ab";

    @TempDir
    static Path dir;

    HttpServer tiles;
    final AtomicInteger tilesServed = new AtomicInteger();
    App app;
    ChromeDriver browser;
    ApiClient api;
    String base;
    Path screenshots;

    @BeforeAll
    void start() throws Exception {
        HeadlessChromium.requireInstalled();
        byte[] tile = png(256, 0xDDE8D0);
        tiles = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        tiles.createContext("/tiles/", exchange -> {
            tilesServed.incrementAndGet();
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
                        "DB_URL",
                        "jdbc:h2:file:" + dir.resolve("db").toAbsolutePath(),
                        "ADMIN_TOKEN",
                        ADMIN,
                        "TILE_URL",
                        "http://127.0.0.1:" + tiles.getAddress().getPort() + "/tiles/{z}/{x}/{y}.png",
                        "TILE_ATTRIBUTION",
                        "Тестові тайли")));
        base = "http://127.0.0.1:" + app.httpPort();
        api = new ApiClient(app.httpPort(), ADMIN);
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

    @Test
    void aCitizenFilesAnAppealWithAPointAndAPhotoOnAPhone() throws Exception {
        browser.get(base + "/public/new");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("uk");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Нове звернення");
        for (WebElement field : browser.findElements(By.cssSelector("input:not([type=hidden]), select, textarea"))) {
            String id = field.getAttribute("id");
            assertThat(browser.findElements(By.cssSelector("label[for='" + id + "']")))
                    .as("a label for #" + id)
                    .hasSize(1);
        }
        Number width = (Number) browser.executeScript("return document.documentElement.scrollWidth");
        assertThat(width.intValue()).as("nothing wider than the phone").isLessThanOrEqualTo(390);
        new WebDriverWait(browser, Duration.ofSeconds(15))
                .until(d -> tilesServed.get() > 0
                        && !d.findElements(By.cssSelector("#map .leaflet-tile-loaded"))
                                .isEmpty());
        assertThat(browser.findElement(By.cssSelector("#map .leaflet-control-attribution"))
                        .getText())
                .contains("Тестові тайли");

        open(By.cssSelector("#appeal-form button[type=submit]"));
        WebElement problems = browser.findElement(By.id("problems"));
        assertThat(problems.getAttribute("role")).isEqualTo("alert");
        assertThat(problems.getText())
                .contains("Оберіть, чого стосується звернення.")
                .contains("Позначте місце на карті або вкажіть адресу проблеми.")
                .contains("Вкажіть імʼя та прізвище")
                .contains("потрібна ваша згода");
        assertThat(browser.findElement(By.id("phone")).getAttribute("aria-invalid"))
                .isEqualTo("true");
        screenshot("public-form-errors");

        new Select(browser.findElement(By.id("service"))).selectByValue("water.no-water");
        browser.findElement(By.id("description")).sendKeys("Немає холодної води з самого ранку");
        WebElement map = browser.findElement(By.id("map"));
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", map);
        map.click();
        new WebDriverWait(browser, Duration.ofSeconds(5))
                .until(d -> !d.findElement(By.id("lat")).getAttribute("value").isEmpty());
        assertThat(browser.findElement(By.id("point-text")).getText()).startsWith("Обрано точку: ");
        Path photo = dir.resolve("pothole.png");
        Files.write(photo, png(64, 0x884422));
        browser.findElement(By.id("photos")).sendKeys(photo.toAbsolutePath().toString());
        browser.findElement(By.id("first_name")).sendKeys("Олена");
        browser.findElement(By.id("last_name")).sendKeys("Коваленко");
        browser.findElement(By.id("address")).sendKeys("вул. Шевченка, 5, кв. 12");
        browser.findElement(By.id("phone")).sendKeys("050 123 45 67");
        browser.findElement(By.id("consent")).click();
        screenshot("public-form");
        open(By.cssSelector("#appeal-form button[type=submit]"));

        String number = browser.findElement(By.id("appeal-number")).getText();
        assertThat(number).matches("№ \\d{4}-\\d{6}");
        assertThat(browser.findElement(By.id("deadline")).getText()).startsWith("до ");
        assertThat(browser.findElement(By.id("legal-deadline")).getText()).startsWith("до ");
        screenshot("public-form-done");

        JsonNode appeal = api.get("/api/appeals/" + number.substring(2)).json();
        assertThat(appeal.get("channel").asText()).isEqualTo("WEB");
        assertThat(appeal.get("issueType").asText()).isEqualTo("no-water");
        assertThat(appeal.get("lastName").asText()).isEqualTo("Коваленко");
        assertThat(appeal.get("phone").asText()).isEqualTo("+380501234567");
        assertThat(appeal.get("location").get("latitude").isNumber()).isTrue();
        assertThat(appeal.get("photos")).hasSize(1);
        HttpRequest photoRequest = HttpRequest.newBuilder(
                        URI.create(base + appeal.get("photos").get(0).get("url").asText()))
                .header("Authorization", "Bearer " + ADMIN)
                .build();
        // The photo is kept in the background, as a messenger's is: 503 until then.
        var photoResponse = new java.util.concurrent.atomic.AtomicReference<HttpResponse<byte[]>>();
        ChannelsTest.awaitUntil(() -> {
            try {
                photoResponse.set(
                        HttpClient.newHttpClient().send(photoRequest, HttpResponse.BodyHandlers.ofByteArray()));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return true;
            }
            return photoResponse.get().statusCode() != 503;
        });
        HttpResponse<byte[]> bytes = photoResponse.get();
        assertThat(bytes.statusCode()).isEqualTo(200);
        assertThat(bytes.body()).isEqualTo(Files.readAllBytes(photo));
        assertThat(appeal.get("history").toString()).contains("вебформ");
    }

    static byte[] png(int size, int rgb) throws IOException {
        var image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < size; x++) {
            for (int y = 0; y < size; y++) {
                image.setRGB(x, y, rgb);
            }
        }
        var out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    /** Clicks what loads another page, and waits until the old one is gone. */
    void open(By clickable) {
        WebElement page = browser.findElement(By.tagName("html"));
        browser.findElement(clickable).click();
        new WebDriverWait(browser, Duration.ofSeconds(15))
                .ignoring(WebDriverException.class)
                .until(d -> {
                    try {
                        page.getTagName();
                        return false;
                    } catch (StaleElementReferenceException e) {
                        return d.findElement(By.tagName("h1")) != null;
                    }
                });
    }

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
