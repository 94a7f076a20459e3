package ua.zvernennia.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.net.URI;
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
import ua.zvernennia.app.api.ClientAddress;
import ua.zvernennia.app.api.MemorySignInLimits;
import ua.zvernennia.app.api.SharedSignInLimits;
import ua.zvernennia.app.api.PhotoSource;
import ua.zvernennia.app.api.TokenIssuer;
import ua.zvernennia.app.console.ConsoleRoutes;
import ua.zvernennia.app.media.KeptPhotos;
import ua.zvernennia.app.privacy.AccessLog;
import ua.zvernennia.app.privacy.RetentionJob;
import ua.zvernennia.app.media.PhotoKeeper;
import ua.zvernennia.app.media.SafeMediaFetch;
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
import ua.zvernennia.core.lease.Lease;
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
    private static final Duration PHOTO_POLL = Duration.ofSeconds(1);
    /** The lease of the scheduled jobs: deadline control, retention, housekeeping. */
    static final String SCHEDULED_JOBS = "scheduled-jobs";

    private final AppConfig config;
    private final Clock clock;
    private final List<AutoCloseable> closeables = new ArrayList<>();
    private volatile boolean ready;
    private Storage storage;
    private Bot bot;
    private WebServer web;
    private ConsoleMessenger console;
    private Metrics metrics;

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
        storage = Storage.open(config.db().url(), config.db().user(), config.db().password().orElse(null), clock, config.city().zone(),
                config.leaseTtl());
        closeables.add(storage);
        metrics = new Metrics(storage::operationalFigures);
        closeables.add(metrics);
        storage.reportCommitsTo(metrics);
        if (storage.categories().isEmpty()) {
            storage.seedCategoriesIfEmpty(DefaultMenu.read(config.city().categoriesFile()));
        }

        List<Messenger> messengers = new ArrayList<>();
        if (config.runsDemo()) {
            console = new ConsoleMessenger(demoOutput);
            messengers.add(console);
        }
        TelegramAdapter telegram = null;
        if (config.telegram().enabled()) {
            AppConfig.Telegram t = config.telegram();
            TelegramSettings defaults = TelegramSettings.of(t.token().orElseThrow()).withApiUrl(URI.create(t.apiUrl()));
            TelegramSettings settings = defaults.withRates(t.maxPerSecond(), t.maxPerChatPerSecond(),
                    Math.max(defaults.perChatBurst(), (int) Math.ceil(t.maxPerChatPerSecond())));
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
        var deliverer = new Deliverer(messengers, storage.unitOfWork(), clock, metrics);
        ExecutorService chatPool = Executors.newFixedThreadPool(32, named("chat"));
        closeables.add(0, () -> shutdown(chatPool));
        bot = new Bot(storage.unitOfWork(), engine, deliverer, chatPool, config.flood(), metrics);
        bot.resume();

        // Every instance dispatches the outbox (each message is claimed by one); the scheduled jobs
        // run on the one instance that holds their lease (always this one, alone with its database).
        var dispatcher = new OutboxDispatcher(storage.unitOfWork(), deliverer, clock, config.outboxPollInterval());
        dispatcher.start();
        closeables.add(0, dispatcher);
        Lease scheduled = storage.lease(SCHEDULED_JOBS);

        closeables.add(0, new DeadlineSchedule(new DeadlineWatch(storage.unitOfWork(), clock, deadlineSettings()),
                config.deadlines().checkInterval(), scheduled));

        RetentionJob retention = new RetentionJob(storage, clock, config.privacy().retentionDays(),
                config.privacy().outboxRetentionDays(), config.privacy().auditRetentionDays());
        retention.start(config.privacy().retentionInterval(), scheduled);
        closeables.add(0, retention);

        ScheduledExecutorService housekeeping = Executors.newSingleThreadScheduledExecutor(named("housekeeping"));
        housekeeping.scheduleWithFixedDelay(() -> {
            if (scheduled.held()) {
                forgetOldUpdates();
            }
        }, 1, 60, TimeUnit.MINUTES);
        if (storage.shared()) {
            // Queues that a stopped instance left in the inbox are taken up here within a lease's time.
            long every = Math.max(200, config.leaseTtl().toMillis() / 2);
            Bot theBot = bot;
            housekeeping.scheduleWithFixedDelay(() -> {
                if (scheduled.held()) {
                    takeUpLeftBehind(theBot);
                }
            }, every, every, TimeUnit.MILLISECONDS);
        }
        closeables.add(0, () -> shutdown(housekeeping));

        ViberCallbacks viberCallbacks = viberSettings == null ? null : new ViberCallbacks(viberSettings, bot, viberMessenger, clock);
        TelegramAdapter telegramAdapter = telegram;
        var photos = new EnumMap<Channel, PhotoSource>(Channel.class);
        if (telegram != null) {
            photos.put(Channel.TELEGRAM, telegram.files()::download);
        }
        if (viberSettings != null) {
            photos.put(Channel.VIBER, new SafeMediaFetch(SafeMediaFetch.Policy.publicHttps(config.privacy().viberMediaHosts()),
                    config.privacy().maxPhotoBytes()));
        }
        // Photos sent with the web form are files of the app's; a partner app's media_url is fetched
        // only from its allow-listed hosts.
        var webPhotos = new WebPhotos(config.web().photosDir(), new SafeMediaFetch(
                SafeMediaFetch.Policy.publicHttps(config.web().partnerMediaHosts()), config.privacy().maxPhotoBytes()));
        photos.put(Channel.WEB, webPhotos);
        // The demo's newcomer gets an admin token for this run, to look at their appeal in the console.
        Optional<String> adminToken = config.adminToken().isEmpty() && console != null
                ? Optional.of(TokenIssuer.newSecret()) : config.adminToken();
        KeptPhotos keptPhotos = new KeptPhotos(config.privacy().mediaDir());
        PhotoKeeper keeper = new PhotoKeeper(storage, photos, keptPhotos, config.privacy().maxPhotoBytes(), clock);
        keeper.start(PHOTO_POLL);
        closeables.add(0, keeper);
        web = WebServer.start(config.httpHost(), config.httpPort(), () -> ready,
                () -> storage.readiness(WebServer.READINESS_WAIT), metrics::httpRequest, routes -> {
            var apiDeps = new Api.Deps(storage, clock, adminToken, config.city().zone(),
                    new OperatorDesk(clock, settings), keptPhotos,
                    // Where instances share the database, a guess on each counts as one on all.
                    storage.shared() ? new SharedSignInLimits(storage.signInFailures()) : new MemorySignInLimits(),
                    new ClientAddress(config.privacy().trustedProxies()), new AccessLog(storage, clock));
            // The messengers' webhooks first: Javalin tries routes in the order they were added, and
            // these carry nearly every request.
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
            StartPage.register(routes);
            Api.register(routes, apiDeps);
            ConsoleRoutes.register(routes, apiDeps);
            metrics.register(routes, apiDeps, config.metricsToken());
            PartnerKeys.register(routes, apiDeps, config.web().keyPerMinute());
            GeoReport.register(routes, apiDeps, config.web());
            PublicForm.register(routes, apiDeps, config.web(), webPhotos);
        });
        closeables.add(0, web);
        log.info("HTTP server listening on port {}", web.port());
        if (telegram != null) {
            closeables.add(0, telegram);
            try {
                telegram.start(bot, storage.lease(TelegramAdapter.POLLER_LEASE), storage.shared());
            } catch (IOException e) {
                throw new IllegalStateException("Telegram could not be started: " + e.getMessage(), e);
            }
        }
        if (viberSettings != null) {
            // Viber checks the URL while set_webhook runs, so the server must already listen.
            new ViberWebhook(new ViberApi(viberSettings), viberSettings).register();
        }

        if (console != null) {
            demoOutput.println("\nКонсоль операторів: http://localhost:" + web.port() + StartPage.signIn());
            if (config.adminToken().isEmpty()) {
                // Printed to the demo's terminal only, never logged: it is this run's admin sign-in.
                demoOutput.println("Токен адміністратора на цей запуск: " + adminToken.orElseThrow());
            }
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

    private void takeUpLeftBehind(Bot theBot) {
        try {
            theBot.takeUpLeftBehind(clock.instant().minus(config.leaseTtl()));
        } catch (RuntimeException e) {
            log.debug("could not look for inbox queues left behind", e);
        }
    }

    private void forgetOldUpdates() {
        try {
            int forgotten = storage.unitOfWork().run(s -> s.processed().forgetBefore(clock.instant().minus(FORGET_UPDATES_AFTER)));
            if (forgotten > 0) {
                log.info("forgot {} old update ids", forgotten);
            }
            storage.forgetExpiredLeases();
        } catch (RuntimeException e) {
            log.warn("housekeeping failed", e);
        }
    }

    /** Every endpoint the HTTP server serves, as {@code "GET /api/appeals/{number}"}. */
    public List<String> httpRoutes() {
        return web.routes();
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
