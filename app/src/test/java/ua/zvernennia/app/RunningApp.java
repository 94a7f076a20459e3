package ua.zvernennia.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import ua.zvernennia.telegram.FakeBotApi;

/**
 * The whole app for each test of a class, started before it and stopped after it: port 0, a
 * SQLite file in a folder of its own, and the local fake Bot API as its Telegram.
 *
 * <pre>{@code
 * @RegisterExtension
 * final RunningApp running = RunningApp.withTelegram(Map.of("FLOOD_WINDOW_MS", "600000"));
 * }</pre>
 */
final class RunningApp implements BeforeEachCallback, AfterEachCallback {
    private final Map<String, String> env;
    private Path dir;
    private FakeBotApi telegram;
    private App app;

    private RunningApp(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    /** The app on the fake Bot API; {@code env} adds to or overrides the test defaults. */
    static RunningApp withTelegram(Map<String, String> env) {
        return new RunningApp(env);
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        dir = Files.createTempDirectory("zv-app-");
        telegram = new FakeBotApi();
        var all = new HashMap<>(TestApps.telegram(telegram));
        all.putAll(env);
        app = TestApps.start(dir, Clock.systemUTC(), all);
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        try (FakeBotApi t = telegram;
                App a = app) {
            // closed in reverse order: the app first, then its fake
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    App app() {
        return app;
    }

    FakeBotApi telegram() {
        return telegram;
    }
}
