package ua.zvernennia.app;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import ua.zvernennia.storage.Ci;

/**
 * The browser of the browser tests: Debian's {@code chromium} and {@code chromedriver} headless.
 * Where they are not installed a test class is skipped, saying so; on CI, which installs them
 * ({@code .ci/run}), that is a failure, never a silent skip.
 */
final class HeadlessChromium {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private HeadlessChromium() {}

    /** Skips the calling test class where the browser is missing; fails on CI. */
    static void requireInstalled() {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (Ci.running() && !installed) {
            throw new IllegalStateException("/usr/bin/chromium and /usr/bin/chromedriver are missing on CI");
        }
        assumeTrue(
                installed,
                "browser tests skipped: /usr/bin/chromium and /usr/bin/chromedriver are missing (apt-get install chromium chromium-driver)");
    }

    /**
     * A new browser with its profile under {@code dir}, in Ukrainian, on a laptop-sized window or
     * (with {@code phone}) a phone-sized screen.
     */
    static ChromeDriver start(Path dir, boolean phone) throws IOException {
        // The driver's path is given, so Selenium Manager never looks for (or downloads) one.
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--user-data-dir=" + Files.createDirectories(dir.resolve("chromium-profile")),
                "--window-size=1280,900",
                "--lang=uk");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20));
        if (phone) {
            browser.executeCdpCommand(
                    "Emulation.setDeviceMetricsOverride",
                    Map.of("width", 390, "height", 844, "deviceScaleFactor", 1, "mobile", true));
        }
        return browser;
    }

    /**
     * Where screenshots go: {@code target/screenshots}, or the folder the system property
     * {@code screenshots.dir} names (e.g. {@code ../docs/screenshots}).
     */
    static Path screenshots() throws IOException {
        return Files.createDirectories(Path.of(System.getProperty("screenshots.dir", "target/screenshots")));
    }
}
