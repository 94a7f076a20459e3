package ua.zvernennia.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import ua.zvernennia.telegram.FakeBotApi;
import ua.zvernennia.telegram.Updates;

/** The flood limit per chat in the running app, with its shipped defaults (20 messages in 10 s). */
class FloodControlTest {
    static final String SLOW_DOWN = "не так швидко";

    /** A long window: nothing of a burst is let through by the bucket refilling meanwhile. */
    @RegisterExtension
    final RunningApp running = RunningApp.withTelegram(Map.of("FLOOD_WINDOW_MS", "600000"));

    @Test
    void aChatOverTheLimitIsToldOnceAndItsExcessIsNotHandled() {
        FakeBotApi telegram = running.telegram();
        App app = running.app();
        var burst = new ArrayList<ObjectNode>();
        for (int i = 0; i < 100; i++) {
            burst.add(Updates.text(8201, "/help"));
        }
        List<Long> ids = telegram.enqueue(burst);
        IsolationTest.awaitWithin(
                Duration.ofSeconds(30),
                "every update acknowledged",
                () -> telegram.offsets().stream().anyMatch(o -> o > ids.get(ids.size() - 1)));
        IsolationTest.awaitWithin(
                Duration.ofSeconds(60),
                "the notice",
                () -> telegram.shown(8201).stream().anyMatch(s -> s.text().contains(SLOW_DOWN)));
        IsolationTest.awaitWithin(
                Duration.ofSeconds(60), "the handled ones' turns", () -> IsolationTest.inboxEmpty(app));

        int handled = app.storage()
                .read(s -> s.handle()
                        .createQuery("SELECT COUNT(*) FROM processed_update WHERE channel = 'TELEGRAM'")
                        .mapTo(Integer.class)
                        .one());
        assertThat(handled).as("updates recorded and handled").isEqualTo(20);
        int notices = app.storage()
                .read(s -> s.handle()
                        .createQuery("SELECT COUNT(*) FROM outbox WHERE chat_id = '8201' AND payload LIKE :p")
                        .bind("p", "%" + SLOW_DOWN + "%")
                        .mapTo(Integer.class)
                        .one());
        assertThat(notices).as("told once").isEqualTo(1);

        // Another citizen is not affected by this chat's limit.
        telegram.enqueue(List.of(Updates.text(8202, "/start")));
        IsolationTest.awaitWithin(
                Duration.ofSeconds(20),
                "the other citizen answered",
                () -> telegram.shown(8202).stream().anyMatch(s -> s.text().contains("Вітаю")));
    }

    @Test
    void theSameButtonPressedFiveTimesQuicklyIsHandledOnce() {
        FakeBotApi telegram = running.telegram();
        App app = running.app();
        telegram.enqueue(List.of(Updates.text(8301, "/start")));
        IsolationTest.awaitWithin(
                Duration.ofSeconds(20),
                "the welcome",
                () -> telegram.shown(8301).stream().anyMatch(s -> s.text().contains("Вітаю")));
        FakeBotApi.Shown welcome = telegram.shown(8301).get(0);
        String consent = null;
        for (var row : welcome.markup().path("inline_keyboard")) {
            for (var b : row) {
                if (b.path("text").asText().contains("Погоджуюсь")) {
                    consent = b.path("callback_data").asText();
                }
            }
        }
        assertThat(consent).isNotNull();
        var presses = new ArrayList<ObjectNode>();
        for (int i = 0; i < 5; i++) {
            presses.add(Updates.press(8301, welcome.messageId(), consent));
        }
        List<Long> ids = telegram.enqueue(presses);
        IsolationTest.awaitWithin(
                Duration.ofSeconds(20),
                "the presses acknowledged",
                () -> telegram.offsets().stream().anyMatch(o -> o > ids.get(ids.size() - 1)));
        IsolationTest.awaitWithin(
                Duration.ofSeconds(20),
                "the main menu",
                () -> telegram.shown(8301).stream().anyMatch(s -> s.text().contains("Чим можу допомогти?")));
        IsolationTest.awaitWithin(Duration.ofSeconds(20), "the turn", () -> IsolationTest.inboxEmpty(app));
        assertThat(telegram.shown(8301))
                .filteredOn(s -> s.text().contains("Дякуємо"))
                .hasSize(1);
        assertThat(telegram.calls("answerCallbackQuery"))
                .as("every press still stops its spinner")
                .hasSize(5);
    }
}
