package ua.zvernennia.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import ua.zvernennia.core.category.Category;
import ua.zvernennia.core.conversation.ConversationMachine;
import ua.zvernennia.core.conversation.ConversationSettings;
import ua.zvernennia.core.delivery.Deliverer;
import ua.zvernennia.core.engine.Bot;
import ua.zvernennia.core.engine.ConversationEngine;
import ua.zvernennia.core.testing.Await;
import ua.zvernennia.core.testing.MemoryStores;

/**
 * A real Bot over memory stores, served by the real Telegram adapter against {@link FakeBotApi}:
 * what the tests drive. Not thread-safe; one per test.
 */
final class Harness implements AutoCloseable {
    static final Duration AWAIT = Duration.ofSeconds(15);
    final Clock clock = Clock.fixed(Instant.parse("2026-03-10T08:00:00Z"), ZoneOffset.UTC);
    final FakeBotApi api;
    final MemoryStores stores;
    final HoldingUnitOfWork unitOfWork;
    final TelegramAdapter adapter;
    final Bot bot;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private long lastUpdateId = -1;

    private Harness(List<Category> categories, boolean webhook) throws Exception {
        api = new FakeBotApi();
        stores = new MemoryStores(categories);
        unitOfWork = new HoldingUnitOfWork(stores);
        TelegramSettings settings = TelegramSettings.of(FakeBotApi.TOKEN)
                .withApiUrl(api.url())
                .withPollTimeout(Duration.ofSeconds(5))
                // Fast enough for the tests to run quickly; the limiter has its own tests.
                .withRates(1000, 1000, 100);
        if (webhook) {
            settings = settings.withWebhookUrl(java.net.URI.create("https://bot.example.org" + TelegramWebhook.PATH));
        }
        adapter = new TelegramAdapter(settings, clock);
        var engine = new ConversationEngine(new ConversationMachine(ConversationSettings.defaults()), clock);
        var deliverer = new Deliverer(List.of(adapter.messenger()), unitOfWork, clock);
        bot = new Bot(unitOfWork, engine, deliverer, executor);
        adapter.start(bot);
    }

    static Harness polling(List<Category> categories) throws Exception {
        return new Harness(categories, false);
    }

    static Harness webhook(List<Category> categories) throws Exception {
        return new Harness(categories, true);
    }

    TelegramChat chat(long id) {
        return new TelegramChat(this, id);
    }

    /** Waits for earlier updates to be handled and their replies sent, then hands in these. */
    int deliver(ObjectNode... updates) {
        settle();
        int mark = api.shownCount();
        if (adapter.webhook().isPresent()) {
            for (ObjectNode u : updates) {
                u.put("update_id", api.newUpdateId());
                int status =
                        adapter.webhook().get().handle(secret(), u.toString().getBytes(StandardCharsets.UTF_8));
                assertThat(status).as("webhook status").isEqualTo(200);
                lastUpdateId = u.get("update_id").asLong();
            }
        } else {
            List<Long> ids = api.enqueue(List.of(updates));
            lastUpdateId = ids.get(ids.size() - 1);
        }
        return mark;
    }

    /** The secret the adapter registered with setWebhook. */
    String secret() {
        List<FakeBotApi.Call> set = api.calls("setWebhook");
        assertThat(set).isNotEmpty();
        return set.get(set.size() - 1).params().path("secret_token").asText();
    }

    /** Until every update handed in is committed (offset past it) and its replies are sent. */
    void settle() {
        if (lastUpdateId >= 0 && adapter.poller().isPresent()) {
            long id = lastUpdateId;
            await(
                    "the offset to move past update " + id,
                    () -> api.offsets().stream().anyMatch(o -> o > id));
        }
        await("the bot to finish", () -> bot.busyChats() == 0);
    }

    static void await(String what, BooleanSupplier condition) {
        Await.until(what, condition);
    }

    static boolean hasInlineButton(JsonNode markup, String label) {
        if (markup == null) {
            return false;
        }
        for (JsonNode row : markup.path("inline_keyboard")) {
            for (JsonNode b : row) {
                if (label.equals(b.path("text").asText())) {
                    return true;
                }
            }
        }
        return false;
    }

    static String callbackData(JsonNode markup, String label) {
        for (JsonNode row : markup.path("inline_keyboard")) {
            for (JsonNode b : row) {
                if (label.equals(b.path("text").asText())) {
                    return b.path("callback_data").asText();
                }
            }
        }
        throw new AssertionError("no button " + label);
    }

    @Override
    public void close() {
        adapter.close();
        api.close();
        executor.shutdownNow();
    }
}
