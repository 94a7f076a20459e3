package ua.zvernennia.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import ua.zvernennia.core.chat.Channel;
import ua.zvernennia.core.chat.ChatKey;
import ua.zvernennia.core.chat.Delivery;
import ua.zvernennia.core.chat.Event;
import ua.zvernennia.core.chat.Inbound;
import ua.zvernennia.core.conversation.ConversationMachine;
import ua.zvernennia.core.conversation.ConversationSettings;
import ua.zvernennia.core.delivery.Deliverer;
import ua.zvernennia.core.metrics.Telemetry;
import ua.zvernennia.core.testing.MemoryStores;
import ua.zvernennia.core.testing.TestCategories;

/** What the bot and the deliverer report: one line per event, counts and durations only. */
class TelemetryTest {
    final Clock clock = Clock.fixed(Instant.parse("2026-04-01T10:00:00Z"), ZoneOffset.UTC);
    final MemoryStores stores = new MemoryStores(TestCategories.small());
    final ExecutorService pool = Executors.newFixedThreadPool(4);
    final List<String> reported = new CopyOnWriteArrayList<>();
    final Telemetry telemetry = new Telemetry() {
        @Override
        public void updateReceived(Channel channel) {
            reported.add("received " + channel);
        }

        @Override
        public void updateHandled(Channel channel, Duration turn, boolean failed) {
            assertThat(turn.isNegative()).isFalse();
            reported.add((failed ? "failed " : "handled ") + channel);
        }

        @Override
        public void delivered(Channel channel, DeliveryOutcome outcome) {
            reported.add("delivery " + channel + " " + outcome);
        }
    };

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void updatesTurnsAndDeliveriesByOutcomeAreReported() throws Exception {
        ChatKey sent = ChatKey.of(Channel.TELEGRAM, "1");
        ChatKey blocked = ChatKey.of(Channel.VIBER, "2");
        var messengers = List.of(
                BotTest.messenger(Channel.TELEGRAM, (c, r) -> new Delivery.Sent("m")),
                BotTest.messenger(Channel.VIBER, (c, r) -> new Delivery.Unreachable("blocked")));
        Bot bot = new Bot(
                stores,
                new ConversationEngine(new ConversationMachine(ConversationSettings.defaults()), clock),
                new Deliverer(messengers, stores, clock, telemetry),
                pool,
                FloodSettings.off(),
                telemetry);

        bot.accept(Inbound.of(sent, new Event.Text("/start"), clock.instant(), "1"))
                .get(10, TimeUnit.SECONDS);
        bot.accept(Inbound.of(blocked, new Event.Text("/start"), clock.instant(), "2"))
                .get(10, TimeUnit.SECONDS);
        // Reported as the futures complete, on the threads that complete them: the caller's get()
        // may return first.
        BotTest.awaitUntil(() -> reported.contains("delivery TELEGRAM SENT")
                && reported.contains("delivery VIBER UNREACHABLE")
                && reported.contains("handled TELEGRAM")
                && reported.contains("handled VIBER"));

        assertThat(reported)
                .filteredOn(r -> !r.startsWith("delivery"))
                .containsExactlyInAnyOrder("received TELEGRAM", "handled TELEGRAM", "received VIBER", "handled VIBER");
        assertThat(reported)
                .filteredOn(r -> r.startsWith("delivery"))
                .containsOnly("delivery TELEGRAM SENT", "delivery VIBER UNREACHABLE");
    }
}
