package ua.zvernennia.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.net.URI;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.util.EnumMap;
import ua.zvernennia.app.api.Api;
import ua.zvernennia.app.api.PhotoSource;
import ua.zvernennia.app.console.ConsoleRoutes;
import ua.zvernennia.app.open311.GeoReport;
import ua.zvernennia.app.open311.PartnerKeys;
import ua.zvernennia.app.publicweb.PublicForm;
import ua.zvernennia.app.publicweb.WebPhotos;
import ua.zvernennia.core.chat.Channel;
import ua.zvernennia.core.desk.OperatorDesk;
import ua.zvernennia.core.chat.ChatKey;
import ua.zvernennia.core.chat.Messenger;
import ua.zvernennia.core.conversation.ConversationMachine;
import ua.zvernennia.core.conversation.ConversationSettings;
import ua.zvernennia.core.deadline.DeadlineSettings;
import ua.zvernennia.core.deadline.DeadlineWatch;
import ua.zvernennia.core.delivery.Deliverer;
import ua.zvernennia.core.delivery.OutboxDispatcher;
import ua.zvernennia.core.engine.Bot;
import ua.zvernennia.core.engine.ConversationEngine;
import ua.zvernennia.storage.CategoryFile;
import ua.zvernennia.storage.Storage;
import ua.zvernennia.telegram.TelegramAdapter;
import ua.zvernennia.telegram.TelegramSettings;
import ua.zvernennia.telegram.TelegramWebhook;
import ua.zvernennia.viber.ViberApi;
import ua.zvernennia.viber.ViberCallbacks;
import ua.zvernennia.viber.ViberMessenger;
import ua.zvernennia.viber.ViberResponse;
import ua.zvernennia.viber.ViberSettings;
import ua.zvernennia.viber.ViberWebhook;

/** The whole application, wired from its configuration. Start with {@link #start}, stop with {@link #close}. */
public final class App implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(App.class);
    private static final Duration FORGET_UPDATES_AFTER = Duration.ofDays(3);

    private final AppConfig config;
    private final Clock clock;
    private final List<AutoCloseable> closeables = new ArrayList<>();
    private volatile boolean ready;
    private Storage storage;
    private Bot bot;
    private WebServer web;
    private ConsoleMessenger console;

    private App(AppConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /** Opens the database, starts the engine, the HTTP server and the configured channels. */
    public static App start(AppConfig config, Clock clock, BufferedReader demoInput, PrintStream demoOutput) {
        App app = new App(config, clock);
        try {
            app.startAll(demoInput, demoOutput);
            return app;
        } catch (RuntimeException e) {
            app.close();
            throw e;
        }
    }

    public static App start(AppConfig config) {
        return start(config, Clock.systemUTC(), new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)), System.out);
    }

    private void startAll(BufferedReader demoInput, PrintStream demoOutput) {
        log.info("starting with {}", config);
        storage = Storage.open(config.db().url(), config.db().user(), config.db().password().orElse(null), clock, config.city().zone());
        closeables.add(storage);
        if (Files.isRegularFile(config.city().categoriesFile())) {
            storage.seedCategoriesIfEmpty(CategoryFile.read(config.city().categoriesFile()));
        } else if (storage.categories().isEmpty()) {
            log.warn("no categories in the database and no file at {}: the menu is empty", config.city().categoriesFile());
        }

        List<Messenger> messengers = new ArrayList<>();
        if (config.runsDemo()) {
            console = new ConsoleMessenger(demoOutput);
            messengers.add(console);
        }
        TelegramAdapter telegram = null;
        if (config.telegram().enabled()) {
            AppConfig.Telegram t = config.telegram();
            TelegramSettings settings = TelegramSettings.of(t.token().orElseThrow()).withApiUrl(URI.create(t.apiUrl()));
            if (t.webhookUrl().isPresent()) {
                settings = settings.withWebhookUrl(URI.create(t.webhookUrl().get()));
            }
            telegram = new TelegramAdapter(settings, clock);
            messengers.add(telegram.messenger());
        }
        ViberSettings viberSettings = null;
        ViberMessenger viberMessenger = null;
        if (config.viber().enabled()) {
            AppConfig.Viber v = config.viber();
            viberSettings = new ViberSettings(v.authToken().orElseThrow(), URI.create(v.apiUrl()),
                    v.webhookUrl().map(URI::create).orElse(null), v.senderName(), v.senderAvatar().orElse(null), null, null);
            viberMessenger = new ViberMessenger(new ViberApi(viberSettings), viberSettings);
            messengers.add(viberMessenger);
        }

        var settings = new ConversationSettings(config.city().zone(), config.city().legalDeadlineDays(), config.city().menuPageSize(),
                config.deadlines().noStudyLegalDeadlineDays(), config.deadlines().noStudyClasses());
        var engine = new ConversationEngine(new ConversationMachine(settings), clock);
        var deliverer = new Deliverer(messengers, storage.unitOfWork(), clock);
        ExecutorService chatPool = Executors.newFixedThreadPool(32, named("chat"));
        closeables.add(0, () -> shutdown(chatPool));
        bot = new Bot(storage.unitOfWork(), engine, deliverer, chatPool);

        var dispatcher = new OutboxDispatcher(storage.unitOfWork(), deliverer, clock, config.outboxPollInterval());
        dispatcher.start();
        closeables.add(0, dispatcher);

        closeables.add(0, new DeadlineSchedule(new DeadlineWatch(storage.unitOfWork(), clock, deadlineSettings()),
                config.deadlines().checkInterval()));

        ScheduledExecutorService housekeeping = Executors.newSingleThreadScheduledExecutor(named("housekeeping"));
        housekeeping.scheduleWithFixedDelay(this::forgetOldUpdates, 1, 60, TimeUnit.MINUTES);
        closeables.add(0, () -> shutdown(housekeeping));

        ViberCallbacks viberCallbacks = viberSettings == null ? null : new ViberCallbacks(viberSettings, bot, viberMessenger, clock);
        TelegramAdapter telegramAdapter = telegram;
        var photos = new EnumMap<Channel, PhotoSource>(Channel.class);
        if (telegram != null) {
            photos.put(Channel.TELEGRAM, telegram.files()::download);
        }
        if (viberSettings != null) {
            photos.put(Channel.VIBER, new MediaDownload());
        }
        var webPhotos = new WebPhotos(config.web().photosDir(), new MediaDownload());
        photos.put(Channel.WEB, webPhotos);
        web = WebServer.start(config.httpPort(), () -> ready, routes -> {
            var apiDeps = new Api.Deps(storage, clock, config.adminToken(), config.city().zone(),
                    new OperatorDesk(clock, settings), photos);
            Api.register(routes, apiDeps);
            ConsoleRoutes.register(routes, apiDeps);
            PartnerKeys.register(routes, apiDeps, config.web().keyPerMinute());
            GeoReport.register(routes, apiDeps, config.web());
            PublicForm.register(routes, apiDeps, config.web(), webPhotos);
            if (telegramAdapter != null && config.telegram().webhookUrl().isPresent()) {
                routes.post(TelegramWebhook.PATH, ctx -> ctx.status(telegramAdapter.webhook()
                        .map(w -> w.handle(ctx.header(TelegramWebhook.SECRET_HEADER), ctx.bodyAsBytes()))
                        .orElse(503)));
            }
            if (viberCallbacks != null) {
                routes.post("/viber/webhook", ctx -> {
                    ViberResponse r = viberCallbacks.handle(ctx.bodyAsBytes(), ctx.header("X-Viber-Content-Signature"));
                    ctx.status(r.status());
                    if (r.hasBody()) {
                        ctx.contentType(ViberResponse.CONTENT_TYPE).result(r.bodyBytes());
                    }
                });
            }
        });
        closeables.add(0, web);
        log.info("HTTP server listening on port {}", web.port());
        if (telegram != null) {
            closeables.add(0, telegram);
            try {
                telegram.start(bot);
            } catch (IOException e) {
                throw new IllegalStateException("Telegram could not be started: " + e.getMessage(), e);
            }
        }
        if (viberSettings != null) {
            // Viber checks the URL while set_webhook runs, so the server must already listen.
            new ViberWebhook(new ViberApi(viberSettings), viberSettings).register();
        }

        if (console != null) {
            Thread demo = new Thread(new ConsoleDemo(bot, console, demoInput, demoOutput, clock), "demo");
            demo.setDaemon(true);
            demo.start();
        }
        ready = true;
    }

    private DeadlineSettings deadlineSettings() {
        Optional<ChatKey> staff = config.deadlines().staffTelegramChatId().map(id -> ChatKey.of(Channel.TELEGRAM, id));
        if (staff.isPresent() && !config.telegram().enabled()) {
            log.warn("STAFF_TELEGRAM_CHAT_ID is set but Telegram is not (no TELEGRAM_BOT_TOKEN): deadline notices wait in the outbox");
        }
        return new DeadlineSettings(staff, config.deadlines().reminderFraction(), config.city().zone());
    }

    private void forgetOldUpdates() {
        try {
            int forgotten = storage.unitOfWork().run(s -> s.processed().forgetBefore(clock.instant().minus(FORGET_UPDATES_AFTER)));
            if (forgotten > 0) {
                log.info("forgot {} old update ids", forgotten);
            }
        } catch (RuntimeException e) {
            log.warn("housekeeping failed", e);
        }
    }

    public int httpPort() {
        return web.port();
    }

    public Bot bot() {
        return bot;
    }

    public Storage storage() {
        return storage;
    }

    /** Stops taking work, finishes what is under way, then closes the database. */
    @Override
    public void close() {
        ready = false;
        for (AutoCloseable c : closeables) {
            try {
                c.close();
            } catch (Exception e) {
                log.warn("error while stopping", e);
            }
        }
        closeables.clear();
        log.info("stopped");
    }

    private static void shutdown(ExecutorService pool) throws InterruptedException {
        pool.shutdown();
        if (!pool.awaitTermination(10, TimeUnit.SECONDS)) {
            pool.shutdownNow();
        }
    }

    static ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
