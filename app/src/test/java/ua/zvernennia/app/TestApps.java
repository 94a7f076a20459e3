package ua.zvernennia.app;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ua.zvernennia.core.category.Category;
import ua.zvernennia.storage.CategoryFile;
import ua.zvernennia.telegram.FakeBotApi;

/** The whole app for a test: port 0, a SQLite file in the test's folder, no demo. */
final class TestApps {
    private TestApps() {}

    /**
     * The app as a JVM of its own ({@code Main} with the shipped configuration, run from the
     * module's folder), its log in {@code log}; the caller adds the environment and starts it.
     */
    static ProcessBuilder childJvm(java.nio.file.Path log) {
        return new ProcessBuilder(
                        java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java")
                                .toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        Main.class.getName(),
                        "../config/application.conf")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(log.toFile());
    }

    /** The settings that point the app's Telegram side at {@code telegram}. */
    static Map<String, String> telegram(FakeBotApi telegram) {
        return Map.of(
                "TELEGRAM_BOT_TOKEN",
                FakeBotApi.TOKEN,
                "TELEGRAM_API_URL",
                telegram.url().toString());
    }

    /** A menu file in {@code dir} holding {@code menu}, for {@code CATEGORIES_FILE}. */
    static Path menuFile(Path dir, List<Category> menu) {
        Path file = dir.resolve("menu.yaml");
        try {
            Files.writeString(file, CategoryFile.write(menu));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** Starts the app; {@code env} adds to or overrides the test defaults. */
    static App start(Path dir, Clock clock, Map<String, String> env) {
        var all = new HashMap<String, String>(Map.of(
                "HTTP_PORT", "0",
                "DB_URL", "jdbc:sqlite:" + dir.resolve("db.sqlite").toAbsolutePath(),
                "CATEGORIES_FILE", "../config/categories.yaml",
                "WEB_PHOTOS_DIR", dir.resolve("web-photos").toAbsolutePath().toString(),
                "DEMO", "off"));
        all.putAll(env);
        return App.start(
                AppConfig.load(AppConfigTest.SHIPPED, all),
                clock,
                new BufferedReader(new StringReader("")),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }
}
