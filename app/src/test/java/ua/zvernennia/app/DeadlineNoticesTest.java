package ua.zvernennia.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ua.zvernennia.core.appeal.Appeal;
import ua.zvernennia.core.appeal.NewAppeal;
import ua.zvernennia.core.appeal.PersonName;
import ua.zvernennia.core.appeal.Phone;
import ua.zvernennia.core.category.Category;
import ua.zvernennia.core.chat.Channel;
import ua.zvernennia.core.testing.MovableClock;
import ua.zvernennia.telegram.FakeBotApi;

/** The running app reminds the staff Telegram chat of a coming deadline and tells it of a missed one, as the clock moves. */
class DeadlineNoticesTest {
    static final long STAFF_CHAT = -1001234567890L;

    @TempDir
    Path dir;

    @Test
    void theStaffChatHearsOfComingAndMissedDeadlines() throws Exception {
        MovableClock clock = new MovableClock(Instant.parse("2026-03-02T08:00:00Z"));
        try (FakeBotApi telegram = new FakeBotApi()) {
            AppConfig config = AppConfig.load(
                    AppConfigTest.SHIPPED,
                    Map.of(
                            "HTTP_PORT",
                            "0",
                            "DB_URL",
                            "jdbc:h2:file:" + dir.resolve("db").toAbsolutePath(),
                            "CATEGORIES_FILE",
                            "../config/categories.yaml",
                            "TELEGRAM_BOT_TOKEN",
                            FakeBotApi.TOKEN,
                            "TELEGRAM_API_URL",
                            telegram.url().toString(),
                            "STAFF_TELEGRAM_CHAT_ID",
                            Long.toString(STAFF_CHAT),
                            "DEADLINE_CHECK_INTERVAL_MS",
                            "100",
                            "OUTBOX_POLL_INTERVAL_MS",
                            "100"));
            try (App app = App.start(
                    config,
                    clock,
                    new BufferedReader(new StringReader("")),
                    new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))) {
                Category lifts = app.storage().categories().find("lifts").orElseThrow();
                Instant now = clock.instant();
                Appeal appeal = app.storage()
                        .unitOfWork()
                        .run(s -> s.appeals()
                                .submit(
                                        new NewAppeal(
                                                Channel.HOTLINE,
                                                null,
                                                lifts,
                                                null,
                                                "Не працює ліфт у під'їзді 2",
                                                List.of(),
                                                null,
                                                "вул. Робоча, 1",
                                                new PersonName("Іван", "Петренко"),
                                                "вул. Робоча, 1",
                                                new Phone("+380501234567")),
                                        now,
                                        now.plus(Duration.ofHours(6)),
                                        now.plus(Duration.ofDays(30))));

                clock.advance(Duration.ofHours(5));
                ChannelsTest.awaitUntil(() -> staff(telegram).stream()
                        .anyMatch(t ->
                                t.startsWith("⏳") && t.contains(appeal.number().toString())));
                clock.advance(Duration.ofHours(2));
                ChannelsTest.awaitUntil(() -> staff(telegram).stream()
                        .anyMatch(t ->
                                t.startsWith("⏰") && t.contains(appeal.number().toString())));
                assertThat(staff(telegram)).hasSize(2);
                assertThat(staff(telegram).get(1))
                        .contains("Ліфти", "КП «Ліфтове господарство»", "02.03.2026 16:00")
                        .doesNotContain("Петренко", "+380501234567");
            }
        }
    }

    static List<String> staff(FakeBotApi telegram) {
        return telegram.calls("sendMessage").stream()
                .filter(c -> c.chatId() == STAFF_CHAT)
                .map(FakeBotApi.Call::text)
                .toList();
    }
}
