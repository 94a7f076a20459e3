package ua.zvernennia.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;
import ua.zvernennia.app.App;
import ua.zvernennia.app.AppConfig;
import ua.zvernennia.core.appeal.GeoPoint;
import ua.zvernennia.core.openmap.Bbox;
import ua.zvernennia.core.openmap.MapFilter;
import ua.zvernennia.core.openmap.MapReader;
import ua.zvernennia.core.openmap.OpenStatisticsReader;
import ua.zvernennia.core.stats.StatisticsReader;
import ua.zvernennia.storage.AppealGenerator;
import ua.zvernennia.telegram.TelegramWebhook;

/**
 * Runs the benchmark: per database the raw upsert floor, the Telegram pipeline flat out and at an
 * offered rate, Viber webhooks through the app's HTTP server; or one of the long runs (many
 * conversations in progress, the soak). Prints a table and writes JSON.
 */
public final class Bench {
    private final Options o;
    private final Path categories;
    private final List<Map<String, Object>> rows = new ArrayList<>();
    private final Map<String, Object> extra = new LinkedHashMap<>();

    private Bench(Options o, Path categories) {
        this.o = o;
        this.categories = categories;
    }

    public static void main(String[] args) throws Exception {
        System.setProperty(
                "org.slf4j.simpleLogger.defaultLogLevel",
                System.getProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn"));
        // The fake servers answer in two writes (head, body); with Nagle's algorithm the second
        // waits for the client's delayed ACK, 40 ms a request, which no real server does.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        Options o;
        try {
            o = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(Options.USAGE);
            System.exit(2);
            return;
        }
        Files.createDirectories(o.dir());
        Path categories = o.dir().resolve("categories.yaml");
        try (InputStream in = Bench.class.getResourceAsStream("/categories.yaml")) {
            Files.copy(in, categories, StandardCopyOption.REPLACE_EXISTING);
        }
        Bench bench = new Bench(o, categories);
        if (o.conversations() > 0) {
            bench.conversations();
        } else if (o.publicAppeals() > 0) {
            bench.publicTraffic();
        } else if (o.soakMinutes() > 0) {
            bench.soak();
        } else {
            bench.standard();
        }
        bench.finish();
        System.exit(0);
    }

    // ---- the standard run -----------------------------------------------------------------------

    private void standard() throws Exception {
        if (!o.appJar().toString().equals("none")) {
            Startup.measure(o.appJar(), o.dir(), categories).ifPresent(s -> extra.put("startup", s));
        }
        warmUpJit();
        for (String db : o.databases()) {
            String url = url(db, "standard");
            log("%s: raw upserts", db);
            RawUpserts.Result one = RawUpserts.run(url, user(db), password(db), 1, o.rawSeconds());
            RawUpserts.Result many = RawUpserts.run(url, user(db), password(db), o.rawThreads(), o.rawSeconds());
            row(db, "raw upserts, 1 thread", one.perSecond(), null, null, Memory.now(), Map.of());
            row(
                    db,
                    "raw upserts, " + many.threads() + " threads",
                    many.perSecond(),
                    null,
                    null,
                    Memory.now(),
                    Map.of());
            double raw = Math.max(one.perSecond(), many.perSecond());

            try (FakeTelegram fake = new FakeTelegram(o.fakeThreads());
                    TelegramPipeline pipeline =
                            new TelegramPipeline(url, user(db), password(db), categories, fake, o.chatThreads())) {
                log("%s: Telegram, %d citizens flat out", db, o.citizens());
                CpuProfile cpu = CpuProfile.now();
                long polled = fake.polled.sum();
                Load.Window w = run(
                        fake,
                        0,
                        new Load(o.citizens(), Script.steps(0), true, fake, 0, o.citizens()),
                        o.warmup(),
                        o.seconds());
                Map<String, Double> cpuPerUpdate =
                        CpuProfile.now().microsPerUpdateSince(cpu, fake.polled.sum() - polled);
                row(
                        db,
                        "telegram, " + o.citizens() + " citizens flat out",
                        w.updatesPerSecond(),
                        w,
                        null,
                        Memory.now(),
                        Map.of(
                                "pipelineOverRaw",
                                round(w.updatesPerSecond() / raw, 2),
                                "updatesPerGetUpdates",
                                round(fake.polled.sum() / (double) Math.max(1, fake.polls.sum()), 1),
                                "cpuMicrosPerUpdate",
                                cpuPerUpdate));
                if (o.rate() > 0) {
                    log("%s: Telegram at %.0f updates/s offered", db, o.rate());
                    Load paced =
                            new Load(o.citizens(), Script.steps(0), true, fake, o.rate(), o.citizens(), o.inStep());
                    Load.Window p = run(fake, 1, paced, Math.min(3, o.warmup()), o.rateSeconds());
                    row(
                            db,
                            "telegram, " + (int) o.rate() + " updates/s offered",
                            p.updatesPerSecond(),
                            p,
                            o.rate(),
                            Memory.now(),
                            Map.of());
                }
                if (o.floodRate() > 0) {
                    floodCase(db, fake);
                }
            }
            if (o.viberCitizens() > 0) {
                log("%s: Viber, %d citizens through the app's webhook", db, o.viberCitizens());
                Map<String, Double> cpuPerUpdate = new LinkedHashMap<>();
                Load.Window w = viber(url, db, Math.min(3, o.warmup()), o.viberSeconds(), cpuPerUpdate);
                row(
                        db,
                        "viber webhooks, " + o.viberCitizens() + " citizens flat out",
                        w.updatesPerSecond(),
                        w,
                        null,
                        Memory.now(),
                        Map.of("cpuMicrosPerUpdate", cpuPerUpdate));
                log("%s: Telegram, %d citizens through the app's webhook", db, o.viberCitizens());
                Map<String, Double> telegramCpu = new LinkedHashMap<>();
                Load.Window t = telegramWebhooks(url, db, Math.min(3, o.warmup()), o.viberSeconds(), telegramCpu);
                row(
                        db,
                        "telegram webhooks, " + o.viberCitizens() + " citizens flat out",
                        t.updatesPerSecond(),
                        t,
                        null,
                        Memory.now(),
                        Map.of("cpuMicrosPerUpdate", telegramCpu));
                if (db.equals("postgresql")) {
                    twoInstances(url, db, w, t);
                }
            }
        }
    }

    /**
     * The same webhook runs with two instances of the app on the one PostgreSQL database, the
     * callbacks sent to them in turn as a load balancer would, so that a chat's consecutive
     * updates land on both: their combined throughput and latency beside one instance's. Both
     * instances run in this JVM, on the same cores as the one did.
     */
    private void twoInstances(String url, String db, Load.Window viberOne, Load.Window telegramOne) throws Exception {
        log("%s: Viber, %d citizens through two instances' webhooks in turn", db, o.viberCitizens());
        Map<String, Double> cpu = new LinkedHashMap<>();
        Load.Window w = viber(url, db, Math.min(3, o.warmup()), o.viberSeconds(), cpu, 2);
        twoInstancesRow(db, "viber", w, cpu, viberOne);
        log("%s: Telegram, %d citizens through two instances' webhooks in turn", db, o.viberCitizens());
        Map<String, Double> telegramCpu = new LinkedHashMap<>();
        Load.Window t = telegramWebhooks(url, db, Math.min(3, o.warmup()), o.viberSeconds(), telegramCpu, 2);
        twoInstancesRow(db, "telegram", t, telegramCpu, telegramOne);
    }

    private void twoInstancesRow(
            String db, String messenger, Load.Window two, Map<String, Double> cpu, Load.Window one) {
        row(
                db,
                messenger + " webhooks, " + o.viberCitizens() + " citizens, 2 instances",
                two.updatesPerSecond(),
                two,
                null,
                Memory.now(),
                Map.of(
                        "cpuMicrosPerUpdate",
                        cpu,
                        "overOneInstance",
                        round(two.updatesPerSecond() / Math.max(1, one.updatesPerSecond()), 2)));
    }

    /**
     * The flood case: the citizens as above, each run once without and once with one more chat
     * sending {@code --flood-rate} texts a second, back to back so that the machine's drift
     * between runs stays small. The flood limit is off in this pipeline: what is measured is
     * that the flood's turns and replies, all of them handled, do not hold the others up.
     */
    private void floodCase(String db, FakeTelegram fake) throws InterruptedException {
        int phase = 2;
        for (boolean paced : new boolean[] {false, true}) {
            if (paced && o.rate() <= 0) {
                continue;
            }
            double rate = paced ? o.rate() : 0;
            String what = paced ? (int) o.rate() + " updates/s offered" : o.citizens() + " citizens flat out";
            double warmup = paced ? Math.min(3, o.warmup()) : o.warmup();
            double seconds = paced ? o.rateSeconds() : o.seconds();
            Load.Window[] pair = new Load.Window[2];
            for (int flooding = 0; flooding < 2; flooding++) {
                log(
                        "%s: Telegram, %s%s",
                        db,
                        what,
                        flooding == 1 ? ", one chat flooding " + (int) o.floodRate() + " messages/s" : ", no flood");
                Load load = new Load(o.citizens(), Script.steps(0), true, fake, rate, o.citizens(), o.inStep());
                Flooder flooder = flooding == 1 ? new Flooder(fake, o.floodRate()) : null;
                pair[flooding] = run(fake, phase++, load, warmup, seconds, flooder);
            }
            Load.Window without = pair[0];
            Load.Window with = pair[1];
            double ratio = with.latency().getValueAtPercentile(99)
                    / (double) Math.max(1, without.latency().getValueAtPercentile(99));
            row(
                    db,
                    "telegram, " + what + ", no flood",
                    without.updatesPerSecond(),
                    without,
                    paced ? o.rate() : null,
                    Memory.now(),
                    Map.of());
            row(
                    db,
                    "telegram, " + what + ", + flood " + (int) o.floodRate() + "/s",
                    with.updatesPerSecond(),
                    with,
                    paced ? o.rate() : null,
                    Memory.now(),
                    Map.of("p99OverNoFlood", round(ratio, 2)));
        }
    }

    /** One chat sending texts at a fixed rate, from a chat id no load uses. */
    private static final class Flooder implements AutoCloseable {
        static final long CHAT = FakeTelegram.CHAT_BASE + 9_000_000L;
        private final Thread thread;
        private volatile boolean running = true;

        Flooder(FakeTelegram fake, double perSecond) {
            thread = new Thread(
                    () -> {
                        long start = System.nanoTime();
                        long sent = 0;
                        while (running) {
                            long owed = (long) ((System.nanoTime() - start) / 1e9 * perSecond) - sent;
                            for (; owed > 0; owed--) {
                                fake.sendText(CHAT, "flood " + sent++);
                            }
                            try {
                                Thread.sleep(2);
                            } catch (InterruptedException e) {
                                return;
                            }
                        }
                    },
                    "bench-flooder");
            thread.setDaemon(true);
            thread.start();
        }

        @Override
        public void close() {
            running = false;
            thread.interrupt();
        }
    }

    /**
     * Runs the pipeline unmeasured on a scratch database first: the JIT compiles the whole path
     * (HTTP client, JSON, the engine, the driver) during the first seconds of load, and without
     * this the first database measured pays for it (a third of its CPU in a 25 s run).
     */
    private void warmUpJit() throws Exception {
        // On an embedded scratch database even when only PostgreSQL is measured: the warm-up must not fill it.
        String db = o.databases().stream()
                .filter(d -> !d.equals("postgresql"))
                .findFirst()
                .orElse("sqlite");
        if (o.jitWarmup() <= 0) {
            return;
        }
        log("warming up the JVM: %.0f s on a scratch %s database, not measured", o.jitWarmup(), db);
        String url = url(db, "jit-warmup");
        RawUpserts.run(url, user(db), password(db), 2, Math.min(3, o.jitWarmup() / 5));
        try (FakeTelegram fake = new FakeTelegram(o.fakeThreads());
                TelegramPipeline pipeline =
                        new TelegramPipeline(url, user(db), password(db), categories, fake, o.chatThreads())) {
            run(fake, 0, new Load(o.citizens(), Script.steps(0), true, fake, 0, o.citizens()), 0, o.jitWarmup());
        }
        if (o.viberCitizens() > 0) {
            // The webhook path (Jetty, the callback handler, java.net.http) is compiled too, or the
            // Viber run would pay for it inside its measured seconds.
            viber(url, db, 0, o.jitWarmup() / 4, new LinkedHashMap<>());
            telegramWebhooks(url, db, 0, o.jitWarmup() / 4, new LinkedHashMap<>());
        }
        deleteTree(o.dir().resolve(db + "-jit-warmup"));
    }

    /**
     * Viber citizens posting to a running app's webhook: {@code warmup} seconds, then the window
     * measured; {@code cpuPerUpdate} receives the window's CPU time per update by thread pool.
     */
    private Load.Window viber(String url, String db, double warmup, double seconds, Map<String, Double> cpuPerUpdate)
            throws Exception {
        return viber(url, db, warmup, seconds, cpuPerUpdate, 1);
    }

    /** As above, with {@code instances} instances of the app on the one database, sent callbacks in turn. */
    private Load.Window viber(
            String url, String db, double warmup, double seconds, Map<String, Double> cpuPerUpdate, int instances)
            throws Exception {
        try (FakeViber fake = new FakeViber(8, o.viberCitizens());
                Apps apps = new Apps(instances, () -> appConfig(url, db, fake.apiUrl()))) {
            Load load = new Load(o.viberCitizens(), Script.steps(0), true, fake, 0, o.viberCitizens());
            // Citizens of their own: earlier runs' chats are in this database already (PostgreSQL).
            fake.attach(load, apps.uris("/viber/webhook"), instances == 1 ? 0 : VIBER_INSTANCES_PHASE);
            load.start();
            Thread.sleep((long) (warmup * 1000));
            load.window();
            CpuProfile cpu = CpuProfile.now();
            Thread.sleep((long) (seconds * 1000));
            Load.Window w = load.window();
            cpuPerUpdate.putAll(CpuProfile.now().microsPerUpdateSince(cpu, w.updates()));
            load.close();
            return w;
        }
    }

    /**
     * The same number of Telegram citizens through the app in webhook mode: every update one POST
     * to the app's HTTP server, as on Viber, so that the two messengers' webhook paths compare.
     * Telegram's send limits are lifted through the app's own settings.
     */
    private static final int WEBHOOK_PHASE = 9;

    private static final int WEBHOOK_INSTANCES_PHASE = 10;
    private static final int VIBER_INSTANCES_PHASE = 1;

    /** One or more instances of the app, started from the same settings, each on a port of its own. */
    private static final class Apps implements AutoCloseable {
        private final List<App> all = new ArrayList<>();

        Apps(int n, java.util.function.Supplier<AppConfig> config) {
            try {
                for (int i = 0; i < n; i++) {
                    all.add(App.start(config.get()));
                }
            } catch (RuntimeException e) {
                close();
                throw e;
            }
        }

        List<URI> uris(String path) {
            return all.stream()
                    .map(a -> URI.create("http://127.0.0.1:" + a.httpPort() + path))
                    .toList();
        }

        @Override
        public void close() {
            all.forEach(App::close);
        }
    }

    private Load.Window telegramWebhooks(
            String url, String db, double warmup, double seconds, Map<String, Double> cpuPerUpdate) throws Exception {
        return telegramWebhooks(url, db, warmup, seconds, cpuPerUpdate, 1);
    }

    /** As above, with {@code instances} instances of the app on the one database, sent updates in turn. */
    private Load.Window telegramWebhooks(
            String url, String db, double warmup, double seconds, Map<String, Double> cpuPerUpdate, int instances)
            throws Exception {
        try (FakeTelegram fake = new FakeTelegram(o.fakeThreads())) {
            Map<String, String> telegram = Map.of(
                    "TELEGRAM_BOT_TOKEN", "123456:bench-webhook",
                    "TELEGRAM_API_URL", fake.url().toString(),
                    "TELEGRAM_WEBHOOK_URL", "https://bot.example.ua" + TelegramWebhook.PATH,
                    "TELEGRAM_MAX_MESSAGES_PER_SECOND", "1000000",
                    "TELEGRAM_MAX_MESSAGES_PER_CHAT_PER_SECOND", "1000000");
            try (Apps apps = new Apps(instances, () -> appConfig(url, db, telegram))) {
                fake.pushTo(apps.uris(TelegramWebhook.PATH), o.viberCitizens());
                Load load = new Load(o.viberCitizens(), Script.steps(0), true, fake, 0, o.viberCitizens());
                // Chats of their own: the polling runs' citizens are in this database already.
                fake.attach(load, instances == 1 ? WEBHOOK_PHASE : WEBHOOK_INSTANCES_PHASE);
                load.start();
                Thread.sleep((long) (warmup * 1000));
                load.window();
                CpuProfile cpu = CpuProfile.now();
                Thread.sleep((long) (seconds * 1000));
                Load.Window w = load.window();
                cpuPerUpdate.putAll(CpuProfile.now().microsPerUpdateSince(cpu, w.updates()));
                load.close();
                return w;
            }
        }
    }

    // ---- the public-traffic case ----------------------------------------------------------------

    /**
     * A year of a large city's appeals with points, then: the public statistics and map data
     * computed from the aggregates (timed without the cache), and the bot's Telegram webhooks at
     * the offered rate, once alone and once while many readers load the public pages.
     */
    private void publicTraffic() throws Exception {
        String db = "sqlite";
        String url = url(db, "public");
        java.time.ZoneId zone = java.time.ZoneId.of("Europe/Kyiv");
        int year = LocalDate.now(zone).getYear() - 1;
        try (FakeTelegram fake = new FakeTelegram(o.fakeThreads())) {
            var env = new LinkedHashMap<String, String>(Map.of(
                    "TELEGRAM_BOT_TOKEN", "123456:bench-webhook",
                    "TELEGRAM_API_URL", fake.url().toString(),
                    "TELEGRAM_WEBHOOK_URL", "https://bot.example.ua" + TelegramWebhook.PATH,
                    "TELEGRAM_MAX_MESSAGES_PER_SECOND", "1000000",
                    "TELEGRAM_MAX_MESSAGES_PER_CHAT_PER_SECOND", "1000000",
                    "TRUSTED_PROXIES", "127.0.0.1",
                    "PUBLIC_REQUESTS_PER_MINUTE", "600"));
            try (App app = App.start(appConfig(url, db, env))) {
                log("generating %d appeals of %d with points", o.publicAppeals(), year);
                var plan = new AppealGenerator.Plan(o.publicAppeals(), year, 1, zone, 30)
                        .withPointsAround(new GeoPoint(48.4647, 35.0462));
                var generated = AppealGenerator.generate(
                        app.storage().database(),
                        app.storage().categories().active(),
                        plan,
                        java.time.Instant.now(),
                        n -> {});
                extra.put("publicAppealsGenerated", generated.appeals());
                extra.put("publicGenerateSeconds", round(generated.took().toMillis() / 1000.0, 1));
                timePublicReads(app, zone, year);

                URI webhook = URI.create("http://127.0.0.1:" + app.httpPort() + TelegramWebhook.PATH);
                fake.pushTo(webhook, o.citizens());
                if (o.jitWarmup() > 0) {
                    // The JIT compiles the webhook path meanwhile: otherwise the first run measured
                    // (alone) would pay for it and the comparison with the readers would flatter them.
                    log("warming up the webhook path: %.0f s at the offered rate, not measured", o.jitWarmup());
                    run(
                            fake,
                            WEBHOOK_PHASE + 3,
                            new Load(o.citizens(), Script.steps(0), true, fake, o.rate(), o.citizens(), o.inStep()),
                            0,
                            o.jitWarmup());
                }
                Load.Window alone = paced(fake, WEBHOOK_PHASE + 1);
                row(
                        db,
                        "telegram webhooks, " + (int) o.rate() + "/s offered, alone",
                        alone.updatesPerSecond(),
                        alone,
                        o.rate(),
                        Memory.now(),
                        Map.of());
                String last = year + "-" + String.format("%06d", o.publicAppeals());
                try (PublicTraffic readers = new PublicTraffic(
                        URI.create("http://127.0.0.1:" + app.httpPort()), year, o.publicThreads(), 2_000, last)) {
                    readers.start();
                    Thread.sleep(3_000);
                    readers.window();
                    Load.Window with = paced(fake, WEBHOOK_PHASE + 2);
                    PublicTraffic.Result r = readers.window();
                    double ratio = with.latency().getValueAtPercentile(99)
                            / (double) Math.max(1, alone.latency().getValueAtPercentile(99));
                    row(
                            db,
                            "telegram webhooks, " + (int) o.rate() + "/s offered, + public readers",
                            with.updatesPerSecond(),
                            with,
                            o.rate(),
                            Memory.now(),
                            Map.of("p99OverAlone", round(ratio, 2)));
                    var more = new LinkedHashMap<String, Object>();
                    more.put("p50Ms", ms(r.latency().getValueAtPercentile(50)));
                    more.put("p95Ms", ms(r.latency().getValueAtPercentile(95)));
                    more.put("p99Ms", ms(r.latency().getValueAtPercentile(99)));
                    more.put("notModified", r.notModified());
                    more.put("errors", r.errors());
                    more.put("rateLimited", r.limited());
                    row(
                            db,
                            "public readers (" + o.publicThreads() + " threads): requests/s",
                            r.perSecond(),
                            null,
                            null,
                            Memory.now(),
                            more);
                }
            }
        }
    }

    private Load.Window paced(FakeTelegram fake, int phase) throws InterruptedException {
        Load load = new Load(o.citizens(), Script.steps(0), true, fake, o.rate(), o.citizens(), o.inStep());
        return run(fake, phase, load, Math.min(3, o.warmup()), o.rateSeconds());
    }

    /** The public statistics and map data straight from the aggregates, no cache: the best and the median of five. */
    private void timePublicReads(App app, java.time.ZoneId zone, int year) {
        var statistics = new OpenStatisticsReader(
                new StatisticsReader(app.storage().aggregateStatistics(), java.time.Clock.systemUTC()),
                app.storage().openMap(),
                zone);
        var map = new MapReader(app.storage().openMap());
        Bbox city = new Bbox(48.38, 34.90, 48.55, 35.20);
        Bbox street = new Bbox(48.455, 35.035, 48.475, 35.060);
        LocalDate june = LocalDate.of(year, 6, 1);
        var timings = new LinkedHashMap<String, Object>();
        timings.put(
                "statistics, the calendar year",
                timed(() -> statistics.read(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31))));
        timings.put(
                "statistics, 365 days from 15 March",
                timed(() -> statistics.read(
                        LocalDate.of(year, 3, 15), LocalDate.of(year, 3, 15).plusDays(364))));
        timings.put(
                "map, June, the city at zoom 12",
                timed(() ->
                        map.read(new MapFilter(june, june.plusMonths(1).minusDays(1), null, null, null), city, 12)));
        timings.put(
                "map, June, a street at zoom 16",
                timed(() ->
                        map.read(new MapFilter(june, june.plusMonths(1).minusDays(1), null, null, null), street, 16)));
        timings.put(
                "map, 30 days from 10 June, the city at zoom 12",
                timed(() -> map.read(new MapFilter(june.plusDays(9), june.plusDays(38), null, null, null), city, 12)));
        timings.put(
                "map, June, one direction, the city at zoom 12",
                timed(() -> map.read(
                        new MapFilter(
                                june,
                                june.plusMonths(1).minusDays(1),
                                null,
                                java.util.Set.of(app.storage()
                                        .categories()
                                        .active()
                                        .get(0)
                                        .id()),
                                null),
                        city,
                        12)));
        extra.put("publicReadMs", timings);
        timings.forEach((k, v) -> log("%s: %s ms", k, v));
    }

    private static Map<String, Double> timed(Runnable read) {
        var ms = new ArrayList<Double>();
        for (int i = 0; i < 5; i++) {
            long start = System.nanoTime();
            read.run();
            ms.add((System.nanoTime() - start) / 1e6);
        }
        var sorted = ms.stream().sorted().toList();
        return Map.of(
                "bestMs", round(sorted.get(0), 1), "medianMs", round(sorted.get(2), 1), "firstMs", round(ms.get(0), 1));
    }

    private Load.Window run(FakeTelegram fake, int phase, Load load, double warmup, double seconds)
            throws InterruptedException {
        return run(fake, phase, load, warmup, seconds, null);
    }

    private Load.Window run(FakeTelegram fake, int phase, Load load, double warmup, double seconds, Flooder flooder)
            throws InterruptedException {
        fake.attach(load, phase);
        load.start();
        // A paced run's citizens begin over a round of the appeal (see Load#spreadNanos): the
        // warm-up begins when the last has.
        Thread.sleep(load.spreadNanos() / 1_000_000 + (long) (warmup * 1000));
        load.window();
        Thread.sleep((long) (seconds * 1000));
        Load.Window w = load.window();
        load.close();
        if (flooder != null) {
            flooder.close();
        }
        // The next run starts when every update of this one is handled and its replies sent.
        fake.awaitConfirmed(60_000);
        Thread.sleep(1000);
        return w;
    }

    // ---- many conversations in progress ---------------------------------------------------------

    private void conversations() throws Exception {
        String db = o.databases().get(0);
        String url = url(db, "conversations");
        int n = o.conversations();
        try (FakeTelegram fake = new FakeTelegram(o.fakeThreads());
                TelegramPipeline pipeline =
                        new TelegramPipeline(url, user(db), password(db), categories, fake, o.chatThreads())) {
            Load load = new Load(n, Script.leftInProgress(), false, fake, 0, Math.min(n, o.citizens()));
            fake.attach(load, 0);
            long start = System.nanoTime();
            load.start();
            Memory peak = Memory.now();
            while (load.finished() + load.totalStuck() < n) {
                Thread.sleep(5000);
                Memory m = Memory.now();
                if (m.heapUsed() > peak.heapUsed()) {
                    peak = m;
                }
                log(
                        "%d of %d conversations under way, heap %s, RSS %s",
                        load.finished(), n, Memory.mb(m.heapUsed()), Memory.mb(m.rss()));
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            Load.Window w = load.window();
            load.close();
            Thread.sleep(1000);
            Memory after = Memory.afterGc();
            long rows = pipeline.storage.read(s -> s.handle()
                    .createQuery("SELECT COUNT(*) FROM conversation WHERE step = 'DESCRIPTION'")
                    .mapTo(Long.class)
                    .one());
            row(
                    db,
                    n + " conversations left in progress",
                    w.answered() / seconds,
                    w,
                    null,
                    after,
                    Map.of(
                            "conversationsInProgress",
                            rows,
                            "heapMax",
                            after.heapMax(),
                            "heapPeakSampled",
                            peak.heapUsed(),
                            "seconds",
                            round(seconds, 1)));
        }
    }

    // ---- the soak --------------------------------------------------------------------------------

    private void soak() throws Exception {
        String db = o.databases().get(0);
        String url = url(db, "soak");
        // Ten updates an appeal, and a little over so that the citizens' first visits do not eat into it.
        double rate = o.appealsPerHour() / 3600.0 * Script.APPEAL.size() * 1.03;
        int citizens = Math.max(50, (int) Math.ceil(rate * 2));
        var timeline = new ArrayList<Map<String, Object>>();
        try (FakeTelegram fake = new FakeTelegram(o.fakeThreads());
                TelegramPipeline pipeline =
                        new TelegramPipeline(url, user(db), password(db), categories, fake, o.chatThreads())) {
            Load load = new Load(citizens, Script.steps(0), true, fake, rate, citizens, o.inStep());
            fake.attach(load, 0);
            load.start();
            // Warm-up: 30 s once the last citizen has begun.
            Thread.sleep(load.spreadNanos() / 1_000_000 + 30_000);
            load.window();
            Histogram all = new Histogram(60_000_000L, 3);
            long appeals = 0;
            long answered = 0;
            long stuck = 0;
            long failures = 0;
            long start = System.nanoTime();
            long end = start + (long) (o.soakMinutes() * 60e9);
            while (System.nanoTime() < end) {
                Thread.sleep(Math.min(60_000, Math.max(1, (end - System.nanoTime()) / 1_000_000)));
                Load.Window w = load.window();
                Memory m = Memory.afterGc();
                all.add(w.latency());
                appeals += w.appeals();
                answered += w.answered();
                stuck += w.stuck();
                failures += w.failures();
                var point = new LinkedHashMap<String, Object>();
                point.put("minute", round((System.nanoTime() - start) / 60e9, 1));
                point.put("appealsPerHour", round(w.appealsPerSecond() * 3600, 0));
                point.put("p99Ms", ms(w.latency().getValueAtPercentile(99)));
                point.put("stuck", w.stuck());
                point.put("heapAfterGcMb", round(m.heapUsed() / 1048576.0, 1));
                point.put("rssMb", round(m.rss() / 1048576.0, 1));
                timeline.add(point);
                log(
                        "soak minute %s: %s appeals/h, p99 %s ms, heap after GC %s MB, RSS %s MB, stuck %d",
                        point.get("minute"),
                        point.get("appealsPerHour"),
                        point.get("p99Ms"),
                        point.get("heapAfterGcMb"),
                        point.get("rssMb"),
                        w.stuck());
            }
            load.close();
            double seconds = (System.nanoTime() - start) / 1e9;
            Load.Window total = new Load.Window(seconds, answered, answered, appeals, stuck, failures, all);
            row(
                    db,
                    "soak " + o.soakMinutes() + " min at " + o.appealsPerHour() + " appeals/h offered",
                    answered / seconds,
                    total,
                    rate,
                    Memory.afterGc(),
                    Map.of("appealsPerHour", round(appeals / seconds * 3600, 0), "timeline", timeline));
        }
    }

    // ---- plumbing ---------------------------------------------------------------------------------

    private String url(String db, String run) throws IOException {
        Path dir = o.dir().resolve(db + "-" + run);
        if (!db.equals("postgresql")) {
            deleteTree(dir);
            Files.createDirectories(dir);
        }
        return switch (db) {
            case "h2" -> "jdbc:h2:file:" + dir.toAbsolutePath().resolve("zvernennia");
            case "sqlite" -> "jdbc:sqlite:" + dir.toAbsolutePath().resolve("zvernennia.db");
            case "postgresql" -> o.pgUrl();
            default ->
                throw new IllegalArgumentException(
                        "unknown database " + db + " (h2, sqlite; PostgreSQL with --pg-url)");
        };
    }

    private String user(String db) {
        return db.equals("postgresql") ? o.pgUser() : "";
    }

    private String password(String db) {
        return db.equals("postgresql") ? System.getenv("PGPASSWORD") : null;
    }

    private AppConfig appConfig(String url, String db, URI viberApi) {
        return appConfig(url, db, Map.of("VIBER_AUTH_TOKEN", FakeViber.TOKEN, "VIBER_API_URL", viberApi.toString()));
    }

    /** The app with one messenger, configured by {@code channel}'s variables. */
    private AppConfig appConfig(String url, String db, Map<String, String> channel) {
        var env = new LinkedHashMap<String, String>();
        env.put("DB_URL", url);
        env.put("HTTP_PORT", "0");
        env.put("DEMO", "off");
        env.put("CATEGORIES_FILE", categories.toString());
        env.putAll(channel);
        // The simulated citizens answer at machine speed, several messages a second each, which
        // the flood limit is there to stop; like the send limits, it would measure itself.
        env.put("FLOOD_MAX_MESSAGES", "0");
        env.put("FLOOD_REPEAT_WINDOW_MS", "0");
        if (db.equals("postgresql")) {
            env.put("DB_USER", o.pgUser());
            if (System.getenv("PGPASSWORD") != null) {
                env.put("DB_PASSWORD", System.getenv("PGPASSWORD"));
            }
        }
        return AppConfig.load(o.dir().resolve("no-such-file.conf"), env);
    }

    private void row(
            String db,
            String run,
            double updatesPerSecond,
            Load.Window w,
            Double offered,
            Memory m,
            Map<String, Object> more) {
        var r = new LinkedHashMap<String, Object>();
        r.put("database", db);
        r.put("run", run);
        if (offered != null) {
            r.put("offeredUpdatesPerSecond", round(offered, 1));
        }
        r.put("updatesPerSecond", round(updatesPerSecond, 0));
        if (w != null) {
            r.put("appealsPerSecond", round(w.appealsPerSecond(), 1));
            r.put("p50Ms", ms(w.latency().getValueAtPercentile(50)));
            r.put("p95Ms", ms(w.latency().getValueAtPercentile(95)));
            r.put("p99Ms", ms(w.latency().getValueAtPercentile(99)));
            r.put("maxMs", ms(w.latency().getMaxValue()));
            r.put("stuck", w.stuck());
            r.put("failures", w.failures());
            r.put("seconds", round(w.seconds(), 1));
        }
        r.put("heapUsedMb", round(m.heapUsed() / 1048576.0, 1));
        r.put("loadAverage1m", loadAverage());
        r.put("rssMb", round(m.rss() / 1048576.0, 1));
        r.putAll(more);
        rows.add(r);
        log("%s", r);
    }

    private void finish() throws IOException {
        System.out.println();
        System.out.printf(
                Locale.ROOT,
                "%-10s %-44s %10s %9s %8s %8s %8s %6s %8s %8s %s%n",
                "database",
                "run",
                "updates/s",
                "appeals/s",
                "p50 ms",
                "p95 ms",
                "p99 ms",
                "stuck",
                "heap MB",
                "RSS MB",
                "notes (load average)");
        for (Map<String, Object> r : rows) {
            var notes = new StringBuilder();
            if (r.containsKey("pipelineOverRaw")) {
                notes.append("pipeline/raw ").append(r.get("pipelineOverRaw"));
            }
            if (r.containsKey("conversationsInProgress")) {
                notes.append("in progress ")
                        .append(r.get("conversationsInProgress"))
                        .append(", max heap ")
                        .append(Memory.mb((Long) r.get("heapMax")));
            }
            if (r.containsKey("appealsPerHour")) {
                notes.append(r.get("appealsPerHour")).append(" appeals/h");
            }
            notes.append(" (").append(r.get("loadAverage1m")).append(')');
            System.out.printf(
                    Locale.ROOT,
                    "%-10s %-44s %10s %9s %8s %8s %8s %6s %8s %8s %s%n",
                    r.get("database"),
                    r.get("run"),
                    r.get("updatesPerSecond"),
                    r.getOrDefault("appealsPerSecond", ""),
                    r.getOrDefault("p50Ms", ""),
                    r.getOrDefault("p95Ms", ""),
                    r.getOrDefault("p99Ms", ""),
                    r.getOrDefault("stuck", ""),
                    r.get("heapUsedMb"),
                    r.get("rssMb"),
                    notes);
        }
        for (Map<String, Object> r : rows) {
            if (r.get("cpuMicrosPerUpdate") instanceof Map<?, ?> cpu) {
                System.out.printf(Locale.ROOT, "%nCPU per update, %s %s (µs):%n", r.get("database"), r.get("run"));
                cpu.forEach((k, v) -> System.out.printf(Locale.ROOT, "  %-40s %8s%n", k, v));
            }
        }
        if (extra.containsKey("startup")) {
            System.out.println("start-up to /health 200: " + extra.get("startup"));
        }
        var out = new LinkedHashMap<String, Object>();
        out.put("at", Instant.now().toString());
        out.put("cpus", Runtime.getRuntime().availableProcessors());
        out.put("java", System.getProperty("java.version"));
        out.put("maxHeapMb", Runtime.getRuntime().maxMemory() / 1048576);
        out.put("options", o.toString());
        out.put("runs", rows);
        out.putAll(extra);
        Files.createDirectories(o.out().toAbsolutePath().getParent());
        new ObjectMapper()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(o.out().toFile(), out);
        System.out.println("results written to " + o.out());
    }

    /** Other work on the machine skews every number here; the results say how busy it was. */
    static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    static void log(String format, Object... args) {
        System.out.printf(Locale.ROOT, "[bench] " + format + "%n", args);
    }

    static double ms(long micros) {
        return round(micros / 1000.0, 1);
    }

    static double round(double v, int places) {
        double f = Math.pow(10, places);
        return Math.round(v * f) / f;
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted((a, b) -> b.compareTo(a)).toList()) {
                Files.delete(p);
            }
        }
    }
}
