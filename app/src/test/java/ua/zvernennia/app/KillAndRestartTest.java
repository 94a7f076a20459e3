package ua.zvernennia.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ua.zvernennia.core.testing.Await;
import ua.zvernennia.telegram.FakeBotApi;
import ua.zvernennia.telegram.Updates;

/**
 * The real app in a child JVM, polling a fake Telegram: it is killed with SIGKILL right after it
 * acknowledged an update, started again, and the citizen finishes the appeal where they were.
 */
class KillAndRestartTest {
    static final long CHAT = 8100;

    @TempDir
    Path dir;

    @Test
    void kill9AfterAnAcknowledgedUpdateLosesNothing() throws Exception {
        try (FakeBotApi telegram = new FakeBotApi()) {
            Process first = startApp(telegram, dir.resolve("first.log"));
            try {
                for (String typed : List.of(
                        "/start",
                        "✅ Погоджуюсь",
                        "📝 Нове звернення",
                        "🛗 Ліфти",
                        "Ліфт не працює",
                        "Ліфт стоїть з ранку, підʼїзд 2",
                        "⏭ Пропустити",
                        "вул. Робоча, 7",
                        "Олена Коваленко")) {
                    sendAndAwaitAcknowledgement(telegram, typed);
                }
            } finally {
                first.destroyForcibly();
                assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
            }
            int before = telegram.shown(CHAT).size();

            Path log = dir.resolve("second.log");
            Process second = startApp(telegram, log);
            try {
                sendAndAwaitAcknowledgement(telegram, "вул. Робоча, 7, кв. 1");
                sendAndAwaitAcknowledgement(telegram, "050 123 45 67");
                awaitShown(telegram, before, "Перевірте");
                assertThat(lastShown(telegram)).contains("Ліфт стоїть з ранку", "Олена Коваленко", "+380501234567");
                sendAndAwaitAcknowledgement(telegram, "✅ Підтвердити");
                awaitShown(telegram, before, "№ 2026-000001");
            } finally {
                // SIGTERM: the app stops taking work, finishes what is under way and closes the database.
                second.destroy();
                assertThat(second.waitFor(30, TimeUnit.SECONDS)).isTrue();
            }
            assertThat(java.nio.file.Files.readString(log))
                    .contains("App - stopped")
                    .doesNotContain("ERROR");
        }
    }

    /**
     * Starts the app and waits until it polls: a child JVM's start-up (migrations, the menu) may
     * take longer than one update's round trip on a busy machine.
     */
    private Process startApp(FakeBotApi telegram, Path log) throws Exception {
        int polls = telegram.offsets().size();
        Process app = launch(telegram, log);
        Await.within(java.time.Duration.ofMinutes(2), "the app to poll", () -> {
            assertThat(app.isAlive()).as("the app is running").isTrue();
            return telegram.offsets().size() != polls;
        });
        return app;
    }

    private Process launch(FakeBotApi telegram, Path log) throws Exception {
        ProcessBuilder pb = TestApps.childJvm(log);
        pb.environment().put("HTTP_PORT", "0");
        pb.environment().put("DB_URL", "jdbc:h2:file:" + dir.resolve("db").toAbsolutePath());
        pb.environment().put("CATEGORIES_FILE", "../config/categories.yaml");
        pb.environment().put("TELEGRAM_BOT_TOKEN", FakeBotApi.TOKEN);
        pb.environment().put("TELEGRAM_API_URL", telegram.url().toString());
        pb.environment().put("OUTBOX_POLL_INTERVAL_MS", "100");
        pb.environment().remove("TELEGRAM_WEBHOOK_URL");
        return pb.start();
    }

    /** Queues the text and waits until the app asks for updates past it: it is committed. */
    private static void sendAndAwaitAcknowledgement(FakeBotApi telegram, String text) throws InterruptedException {
        long id = telegram.enqueue(List.of(Updates.text(CHAT, text))).get(0);
        ChannelsTest.awaitUntil(() -> telegram.offsets().stream().anyMatch(o -> o > id));
    }

    private static void awaitShown(FakeBotApi telegram, int from, String fragment) throws InterruptedException {
        ChannelsTest.awaitUntil(() ->
                telegram.shown(CHAT).stream().skip(from).anyMatch(s -> s.text().contains(fragment)));
    }

    private static String lastShown(FakeBotApi telegram) {
        var shown = telegram.shown(CHAT);
        return shown.stream()
                .filter(s -> s.text().contains("Перевірте"))
                .reduce((a, b) -> b)
                .orElseThrow()
                .text();
    }
}
