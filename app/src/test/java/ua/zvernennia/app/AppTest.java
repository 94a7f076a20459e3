package ua.zvernennia.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PipedReader;
import java.io.PipedWriter;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ua.zvernennia.app.channel.TerminalChannel;
import ua.zvernennia.core.appeal.Appeal;
import ua.zvernennia.core.testing.Await;

/** The whole app on port 0 and a database file, driven through the terminal demo. */
class AppTest {
    @TempDir
    Path dir;

    AppConfig config() {
        return AppConfig.load(
                AppConfigTest.SHIPPED,
                Map.of(
                        "HTTP_PORT", "0",
                        "DB_URL", "jdbc:h2:file:" + dir.resolve("db").toAbsolutePath(),
                        "CATEGORIES_FILE", "../config/categories.yaml",
                        "DEMO", "on"));
    }

    @Test
    void theDemoFilesAnAppealAndTheDatabaseKeepsItAcrossARestart() throws Exception {
        PipedWriter typing = new PipedWriter();
        BufferedReader input = new BufferedReader(new PipedReader(typing));
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(screen, true, StandardCharsets.UTF_8);

        try (App app = App.start(config(), Clock.systemUTC(), input, out)) {
            HttpResponse<String> health = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.httpPort() + "/health"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);

            for (String line : List.of(
                    "1",
                    "1",
                    "Ліфти",
                    "1",
                    "Не працює ліфт у підʼїзді 3",
                    "/photo",
                    "1",
                    "/location 48.4647 35.0462",
                    "Олена Коваленко",
                    "вул. Шевченка, 5, кв. 12",
                    "/contact +380501234567",
                    "1")) {
                typing.write(line + "\n");
                typing.flush();
            }
            String shown = awaitScreen(screen, "№ 2026-");
            assertThat(shown)
                    .contains("1) ✅ Погоджуюсь", "Оберіть напрямок", "Фото: 1", "Олена Коваленко", "+380501234567");
            typing.close();
        }

        try (App again = App.start(
                config(),
                Clock.systemUTC(),
                new BufferedReader(new java.io.StringReader("")),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))) {
            List<Appeal> appeals =
                    again.storage().unitOfWork().run(s -> s.appeals().byChat(TerminalChannel.CHAT, 10));
            assertThat(appeals).singleElement().satisfies(a -> {
                assertThat(a.categoryId()).isEqualTo("lifts");
                assertThat(a.issueTypeId()).isEqualTo("stopped");
                assertThat(a.photos()).hasSize(1);
                assertThat(a.phone().e164()).isEqualTo("+380501234567");
            });
        }
    }

    static String awaitScreen(ByteArrayOutputStream screen, String fragment) {
        Await.within(
                Duration.ofSeconds(20),
                "the screen to show «" + fragment + "»",
                () -> screen.toString(StandardCharsets.UTF_8).contains(fragment));
        return screen.toString(StandardCharsets.UTF_8);
    }
}
