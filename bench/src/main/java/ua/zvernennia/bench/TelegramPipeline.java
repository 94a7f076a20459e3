package ua.zvernennia.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import ua.zvernennia.core.conversation.ConversationMachine;
import ua.zvernennia.core.conversation.ConversationSettings;
import ua.zvernennia.core.delivery.Deliverer;
import ua.zvernennia.core.delivery.OutboxDispatcher;
import ua.zvernennia.core.engine.Bot;
import ua.zvernennia.core.engine.ConversationEngine;
import ua.zvernennia.core.engine.FloodSettings;
import ua.zvernennia.storage.CategoryFile;
import ua.zvernennia.storage.Storage;
import ua.zvernennia.telegram.TelegramAdapter;
import ua.zvernennia.telegram.TelegramSettings;

/**
 * The Telegram side of the app wired as {@code App} wires it (storage, engine, deliverer, the
 * per-chat bot, the outbox dispatcher, the adapter polling) against the fake Bot API. Only the
 * send limits differ: Telegram's (30 messages a second per bot) would measure Telegram, not us.
 */
final class TelegramPipeline implements AutoCloseable {
    final Storage storage;
    private final ExecutorService chatPool;
    private final OutboxDispatcher dispatcher;
    private final TelegramAdapter telegram;

    TelegramPipeline(String url, String user, String password, Path categories, FakeTelegram fake, int chatThreads)
            throws IOException {
        this(url, user, password, categories, fake, chatThreads, FloodSettings.off());
    }

    TelegramPipeline(
            String url,
            String user,
            String password,
            Path categories,
            FakeTelegram fake,
            int chatThreads,
            FloodSettings flood)
            throws IOException {
        Clock clock = Clock.systemUTC();
        ZoneId zone = ZoneId.of("Europe/Kyiv");
        storage = Storage.open(url, user, password, clock, zone);
        storage.seedCategoriesIfEmpty(CategoryFile.read(categories));
        var engine = new ConversationEngine(new ConversationMachine(new ConversationSettings(zone, 30, 12)), clock);
        TelegramSettings settings = TelegramSettings.of(FakeTelegram.TOKEN)
                .withApiUrl(fake.url())
                .withPollTimeout(Duration.ofSeconds(10))
                .withRates(1_000_000, 1_000, 1_000);
        telegram = new TelegramAdapter(settings, clock);
        var deliverer = new Deliverer(List.of(telegram.messenger()), storage.unitOfWork(), clock);
        AtomicInteger n = new AtomicInteger();
        chatPool = Executors.newFixedThreadPool(chatThreads, r -> {
            Thread t = new Thread(r, "chat-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        Bot bot = new Bot(storage.unitOfWork(), engine, deliverer, chatPool, flood);
        dispatcher = new OutboxDispatcher(storage.unitOfWork(), deliverer, clock, Duration.ofSeconds(1));
        dispatcher.start();
        telegram.start(bot);
    }

    @Override
    public void close() throws InterruptedException {
        telegram.close();
        dispatcher.close();
        chatPool.shutdown();
        chatPool.awaitTermination(10, TimeUnit.SECONDS);
        storage.close();
    }
}
