package ua.zvernennia.app;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
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
import ua.zvernennia.app.api.TokenIssuer;
import ua.zvernennia.app.channel.ChannelModule;
import ua.zvernennia.app.channel.Channels;
import ua.zvernennia.app.geocode.GeocodeWorker;
import ua.zvernennia.app.media.KeptPhotos;
import ua.zvernennia.app.media.PhotoKeeper;
import ua.zvernennia.app.media.PhotoSource;
import ua.zvernennia.app.media.SafeMediaFetch;
import ua.zvernennia.app.media.SharedPhotos;
import ua.zvernennia.app.privacy.RetentionJob;
import ua.zvernennia.app.publicweb.WebPhotos;
import ua.zvernennia.app.register.ClassifierFile;
import ua.zvernennia.core.appeal.GeoPoint;
import ua.zvernennia.core.chat.Channel;
import ua.zvernennia.core.chat.ChatKey;
import ua.zvernennia.core.chat.Messenger;
import ua.zvernennia.core.conversation.ConversationMachine;
import ua.zvernennia.core.conversation.ConversationSettings;
import ua.zvernennia.core.deadline.DeadlineSettings;
import ua.zvernennia.core.deadline.DeadlineWatch;
import ua.zvernennia.core.delivery.Deliverer;
import ua.zvernennia.core.delivery.OutboxDispatcher;
import ua.zvernennia.core.desk.OperatorDesk;
import ua.zvernennia.core.engine.Bot;
import ua.zvernennia.core.engine.ConversationEngine;
import ua.zvernennia.core.executor.ExecutorDesk;
import ua.zvernennia.core.executor.MorningDigest;
import ua.zvernennia.core.executor.StaffChat;
import ua.zvernennia.core.executor.StaffNotices;
import ua.zvernennia.core.lease.Lease;
import ua.zvernennia.core.register.Register;
import ua.zvernennia.storage.Storage;

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
    /** The messengers, closed first when the app stops. */
    private List<ChannelModule> channels = List.of();

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
        return start(
                config,
                Clock.systemUTC(),
                new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)),
                System.out);
    }

    private void startAll(BufferedReader demoInput, PrintStream demoOutput) {
        log.info("starting with {}", config);
        // Read before the database is opened: a classifier that does not hold together stops the start at once.
        ClassifierFile.Loaded classifier = ClassifierFile.read(config.council().classifierFile());
        storage = Storage.open(
                config.db().url(),
                config.db().user(),
                config.db().password().orElse(null),
                clock,
                config.city().zone(),
                config.leaseTtl());
        closeables.add(storage);
        metrics = new Metrics(storage::operationalFigures);
        closeables.add(metrics);
        storage.reportCommitsTo(metrics);
        if (storage.categories().isEmpty()) {
            storage.seedCategoriesIfEmpty(DefaultMenu.read(config.city().categoriesFile()));
        }

        KeptPhotos keptPhotos = new KeptPhotos(config.privacy().mediaDir());
        // The executors' photos of the work done: uploaded to Telegram, fetched by Viber from their public address.
        SharedPhotos sharedPhotos = new SharedPhotos(
                storage.resolutionPhotos(),
                keptPhotos,
                config.publicBaseUrl(),
                config.privacy().maxPhotoBytes());
        if (config.publicBaseUrl().isEmpty() && config.viber().enabled()) {
            log.info("PUBLIC_BASE_URL is not set: Viber citizens get resolutions without the executors' photos");
        }
        channels = Channels.configured(new Channels.Setting(
                config, clock, demoInput, demoOutput, sharedPhotos, storage::lease, storage.shared()));
        List<Messenger> messengers =
                channels.stream().map(ChannelModule::messenger).toList();

        var settings = new ConversationSettings(
                config.city().zone(),
                config.city().legalDeadlineDays(),
                config.city().menuPageSize(),
                config.deadlines().noStudyLegalDeadlineDays(),
                config.deadlines().noStudyClasses());
        var staffChat = new StaffChat(
                new ExecutorDesk(clock, new StaffNotices(config.city().zone())), new OperatorDesk(clock, settings));
        var engine = new ConversationEngine(new ConversationMachine(settings), clock, staffChat);
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

        closeables.add(
                0,
                new DeadlineSchedule(
                        new DeadlineWatch(storage.unitOfWork(), clock, deadlineSettings()),
                        config.deadlines().checkInterval(),
                        scheduled));

        config.executorDigestTime()
                .ifPresent(at -> closeables.add(
                        0,
                        new DigestSchedule(
                                new MorningDigest(
                                        storage.unitOfWork(),
                                        new StaffNotices(config.city().zone()),
                                        config.city().zone(),
                                        at),
                                clock,
                                DigestSchedule.INTERVAL,
                                scheduled)));

        RetentionJob retention = new RetentionJob(
                storage.personalData(),
                storage.accessLog(),
                clock,
                config.privacy().retentionDays(),
                config.privacy().outboxRetentionDays(),
                config.privacy().auditRetentionDays());
        retention.start(config.privacy().retentionInterval(), scheduled);
        closeables.add(0, retention);

        ScheduledExecutorService housekeeping = Executors.newSingleThreadScheduledExecutor(named("housekeeping"));
        housekeeping.scheduleWithFixedDelay(
                () -> {
                    if (scheduled.held()) {
                        forgetOldUpdates();
                    }
                },
                1,
                60,
                TimeUnit.MINUTES);
        if (storage.shared()) {
            // Queues that a stopped instance left in the inbox are taken up here within a lease's time.
            long every = Math.max(200, config.leaseTtl().toMillis() / 2);
            Bot theBot = bot;
            housekeeping.scheduleWithFixedDelay(
                    () -> {
                        if (scheduled.held()) {
                            takeUpLeftBehind(theBot);
                        }
                    },
                    every,
                    every,
                    TimeUnit.MILLISECONDS);
        }
        closeables.add(0, () -> shutdown(housekeeping));

        var photos = new EnumMap<Channel, PhotoSource>(Channel.class);
        channels.forEach(c -> c.photos().ifPresent(p -> photos.put(c.channel(), p)));
        // Photos sent with the web form are files of the app's; a partner app's media_url is fetched
        // only from its allow-listed hosts.
        var webPhotos = new WebPhotos(
                config.web().photosDir(),
                new SafeMediaFetch(
                        SafeMediaFetch.Policy.publicHttps(config.web().partnerMediaHosts()),
                        config.privacy().maxPhotoBytes()));
        photos.put(Channel.WEB, webPhotos);
        // The demo's newcomer gets an admin token for this run, to look at their appeal in the console.
        Optional<String> adminToken = config.adminToken().isEmpty() && config.runsDemo()
                ? Optional.of(TokenIssuer.newSecret())
                : config.adminToken();
        PhotoKeeper keeper = new PhotoKeeper(
                storage.photos(), photos, keptPhotos, config.privacy().maxPhotoBytes(), clock);
        keeper.start(PHOTO_POLL);
        closeables.add(0, keeper);
        config.openMap()
                .geocoderUrl()
                .ifPresent(url -> closeables.add(
                        0,
                        new GeocodeWorker(
                                        storage.geocodes(),
                                        URI.create(url),
                                        config.openMap().geocoderUserAgent(),
                                        new GeoPoint(
                                                config.web().mapLatitude(),
                                                config.web().mapLongitude()),
                                        config.openMap().geocoderInterval(),
                                        clock,
                                        storage.lease(GeocodeWorker.LEASE))
                                .start()));
        var desk = new OperatorDesk(clock, settings);
        var register = new Register(
                storage.unitOfWork(),
                storage.register(),
                desk,
                storage.menuEditor()::menu,
                clock,
                new Register.Settings(
                        classifier.classifier(),
                        classifier.mapping(),
                        config.city().zone(),
                        config.council().receivedAtMaxDaysBack()));
        seedTopics(register);
        var endpoints = new Endpoints(
                config, clock, storage, desk, register, adminToken, keptPhotos, sharedPhotos, webPhotos, metrics);
        web = WebServer.start(
                config.httpHost(),
                config.httpPort(),
                () -> ready,
                () -> storage.readiness(WebServer.READINESS_WAIT),
                metrics::httpRequest,
                routes -> {
                    // The messengers' webhooks first: Javalin tries routes in the order they were added, and
                    // these carry nearly every request.
                    channels.forEach(c -> c.routes(routes, bot));
                    endpoints.routes(routes);
                },
                config.privacy().maxPhotoBytes());
        closeables.add(0, web);
        log.info("HTTP server listening on port {}", web.port());
        if (config.runsDemo()) {
            demoOutput.println("\nКонсоль операторів: http://localhost:" + web.port() + StartPage.signIn());
            if (config.adminToken().isEmpty()) {
                // Printed to the demo's terminal only, never logged: it is this run's admin sign-in.
                demoOutput.println("Токен адміністратора на цей запуск: " + adminToken.orElseThrow());
            }
        }
        for (ChannelModule c : channels) {
            c.start(bot);
        }
        ready = true;
    }

    /**
     * Writes the classifier file's topic of every direction that has none in the database yet. A
     * database that cannot take it now (a full disk, a read-only file) does not stop the start:
     * the file's topics apply until they are written, at the next start.
     */
    private static void seedTopics(Register register) {
        try {
            int written = register.topics().seed();
            if (written > 0) {
                log.info("mapped {} directions to the classifier's topics", written);
            }
        } catch (RuntimeException e) {
            log.warn(
                    "the classifier's topics of the directions are not written to the database ({}): the file's apply meanwhile",
                    e.getClass().getSimpleName());
        }
    }

    private DeadlineSettings deadlineSettings() {
        Optional<ChatKey> staff = config.deadlines().staffTelegramChatId().map(id -> ChatKey.of(Channel.TELEGRAM, id));
        if (staff.isPresent() && !config.telegram().enabled()) {
            log.warn(
                    "STAFF_TELEGRAM_CHAT_ID is set but Telegram is not (no TELEGRAM_BOT_TOKEN): deadline notices wait in the outbox");
        }
        return new DeadlineSettings(
                staff, config.deadlines().reminderFraction(), config.city().zone());
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
            int forgotten = storage.unitOfWork()
                    .run(s -> s.processed().forgetBefore(clock.instant().minus(FORGET_UPDATES_AFTER)));
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
        for (ChannelModule c : channels) {
            try {
                c.close();
            } catch (RuntimeException e) {
                log.warn("error while stopping {}", c.channel(), e);
            }
        }
        channels = List.of();
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
