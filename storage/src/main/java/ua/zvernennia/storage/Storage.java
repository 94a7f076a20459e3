package ua.zvernennia.storage;

import java.io.IOException;
import java.net.InetAddress;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ua.zvernennia.core.category.Category;
import ua.zvernennia.core.category.MenuEditor;
import ua.zvernennia.core.desk.ApiTokenStore;
import ua.zvernennia.core.desk.AppealSearch;
import ua.zvernennia.core.engine.StorageUnavailableException;
import ua.zvernennia.core.engine.UnitOfWork;
import ua.zvernennia.core.executor.ResolutionPhotoStore;
import ua.zvernennia.core.lease.Lease;
import ua.zvernennia.core.lease.LeaseKeeper;
import ua.zvernennia.core.media.PhotoStore;
import ua.zvernennia.core.metrics.Telemetry;
import ua.zvernennia.core.open311.Open311Store;
import ua.zvernennia.core.openmap.GeocodeQueue;
import ua.zvernennia.core.openmap.MapPlaces;
import ua.zvernennia.core.openmap.OpenMap;
import ua.zvernennia.core.privacy.AccessLogStore;
import ua.zvernennia.core.privacy.PersonalDataStore;
import ua.zvernennia.core.register.RegisterStore;
import ua.zvernennia.core.staff.ConsoleSessions;
import ua.zvernennia.core.staff.SignInFailures;
import ua.zvernennia.core.stats.StatisticsSource;

/**
 * The storage module assembled: the database, the menu, the group-committing unit of work, and
 * the core's thread-safe ports for the staff's side (appeal search, tokens, the access log, the
 * menu editor, Open311, kept photos, personal data, the council's register) and for the public map
 * (its aggregates, the places of appeals, the geocoder's queue), each call of which is its own read
 * or transaction here.
 *
 * <p>On PostgreSQL several instances of the app may share the database, and the storage works
 * as one of them always (one instance or several): it has an id of its own ({@link #instance()}),
 * leases in the database ({@link #leases()}), per-chat locks and no rows kept in memory in the
 * writer, an outbox whose messages are held by one instance at a time, and a menu reloaded when
 * another instance changes it. On SQLite and H2 the one process has the database to itself, and
 * none of that runs.
 */
public final class Storage implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Storage.class);
    /** How often the menu is checked for another instance's change (several instances only). */
    private static final Duration MENU_CHECK = Duration.ofSeconds(1);

    private final Database database;
    private final JdbiCategoryCatalog categories;
    private final JdbiUnitOfWork unitOfWork;
    private final Clock clock;
    private final ZoneId zone;
    private final AppealSearch appealSearch = new JdbiAppealSearch(this);
    private final ApiTokenStore apiTokens = new JdbiApiTokenStore(this);
    private final ua.zvernennia.core.executor.ExecutorStore executors = new JdbiExecutorStore(this);
    private final AccessLogStore accessLog = new JdbiAccessLogStore(this);
    private final MenuEditor menuEditor = new JdbiMenuEditor(this);
    private final Open311Store open311 = new JdbiOpen311Store(this);
    private final PhotoStore photos = new JdbiPhotoStore(this);
    private final ResolutionPhotoStore resolutionPhotos = new JdbiResolutionPhotoStore(this);
    private final PersonalDataStore personalData = new JdbiPersonalDataStore(this);
    private final RegisterStore register = new JdbiRegisterStore(this);
    private final GeocodeQueue geocodes = new JdbiGeocodeQueue(this);
    private final AggregateStatistics aggregateStatistics;
    private final JdbiOpenMap openMap;
    /** This instance's id where several instances share the database; null where this process is alone. */
    private final String instance;

    private final ScheduledExecutorService menuCheck;
    /** This instance's leases where several instances share the database; null where this process is alone. */
    private final LeaseKeeper leases;
    /** How long a lease lasts unrenewed, unless configured otherwise: takeovers happen within it. */
    public static final Duration DEFAULT_LEASE_TTL = Duration.ofSeconds(10);
    /** A commit attempt younger than this answers the readiness check without a probe of its own. */
    private static final Duration RECENT_ATTEMPT = Duration.ofSeconds(1);
    /**
     * How long after a failed commit the readiness check keeps answering "unavailable" although
     * a later commit succeeded. On a full disk SQLite's small commits may still fit in its WAL
     * file while the others fail; without this the check would flip between the two.
     */
    static final Duration SETTLE = Duration.ofSeconds(5);
    /** For this long after the storage failed, readiness is said by a probe's write only. */
    private static final Duration AFTER_FAULT = Duration.ofSeconds(30);

    private Storage(Database database, Clock clock, ZoneId zone, Duration leaseTtl) {
        this.database = database;
        this.clock = clock;
        this.zone = zone;
        this.instance = database.dialect() == Dialect.POSTGRESQL ? newInstanceId() : null;
        if (instance != null) {
            // Alive before anything is written: the outbox messages this instance holds count on it.
            this.leases = new LeaseKeeper(new JdbiLeases(database.jdbi()), instance, leaseTtl);
            this.leases.start();
        } else {
            this.leases = null;
        }
        this.categories = new JdbiCategoryCatalog(database.jdbi());
        this.unitOfWork = new JdbiUnitOfWork(database, categories, clock, zone, instance);
        int filled = unitOfWork.runUnbounded(s -> s.appealSearch().backfill());
        if (filled > 0) {
            log.info("made {} appeals searchable", filled);
        }
        this.aggregateStatistics = new AggregateStatistics(database.jdbi(), database.dialect(), zone, categories);
        this.openMap = new JdbiOpenMap(database.jdbi(), zone, aggregateStatistics, this, clock);
        rebuildAggregatesIfNeeded();
        if (instance != null) {
            log.info("this instance is {}; other instances may share the database", instance);
            menuCheck = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "menu-check");
                t.setDaemon(true);
                return t;
            });
            menuCheck.scheduleWithFixedDelay(
                    this::checkMenu, MENU_CHECK.toMillis(), MENU_CHECK.toMillis(), TimeUnit.MILLISECONDS);
        } else {
            menuCheck = null;
        }
    }

    /**
     * The public map's and statistics' aggregates are rebuilt from the appeals when they were
     * never built (a database older than them) or built for another zone. Of several instances
     * started together, one rebuilds them and the others find them built.
     */
    private void rebuildAggregatesIfNeeded() {
        boolean built = database.jdbi().withHandle(h -> new OpenMapAggregates(h, zone).builtFor());
        if (!built) {
            long started = System.nanoTime();
            long appeals = unitOfWork.runUnbounded(s -> {
                if (instance != null) {
                    ChatLocks.named(s.handle(), "zvernennia aggregates");
                    if (s.aggregates().builtFor()) {
                        return -1L;
                    }
                }
                return s.aggregates().rebuild(clock.millis());
            });
            if (appeals < 0) {
                return;
            }
            log.info(
                    "built the public map's aggregates of {} appeals in {} ms",
                    appeals,
                    (System.nanoTime() - started) / 1_000_000);
        }
    }

    /** Writes the public map's and statistics' aggregates afresh from the appeals; returns the appeals counted. */
    public long rebuildAggregates() {
        return unitOfWork.runUnbounded(s -> s.aggregates().rebuild(clock.millis()));
    }

    /** Statistics from the aggregates kept current as appeals change (the console and the public pages). */
    public StatisticsSource aggregateStatistics() {
        return aggregateStatistics;
    }

    /** The public map's reads, from the aggregates. */
    public OpenMap openMap() {
        return openMap;
    }

    /** Where the map has an appeal, and operators' corrections of it. */
    public MapPlaces mapPlaces() {
        return openMap;
    }

    /** The geocoder's queue of typed problem places and its cache of answers. */
    public GeocodeQueue geocodes() {
        return geocodes;
    }

    /** Host name, process id and a random part: readable in logs and in the outbox, unique per start. */
    private static String newInstanceId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException | RuntimeException e) {
            host = "host";
        }
        host = host.replaceAll("[^A-Za-z0-9.-]", "");
        if (host.length() > 60) {
            host = host.substring(0, 60);
        }
        return host + "-" + ProcessHandle.current().pid() + "-"
                + HexFormat.of().toHexDigits(new SecureRandom().nextInt());
    }

    private void checkMenu() {
        try {
            if (categories.refreshIfChanged()) {
                log.info("the menu was changed by another instance; reloaded");
            }
        } catch (RuntimeException e) {
            log.debug("could not check the menu for changes", e);
        }
    }

    /**
     * Opens (creating and migrating if needed) the database at {@code url}; refuses a new SQLite
     * file beside an H2 file of the same name (a city still on the old default's data).
     */
    public static Storage open(String url, String user, String password, Clock clock, ZoneId zone) {
        return open(url, user, password, clock, zone, DEFAULT_LEASE_TTL);
    }

    /**
     * {@link #open(String, String, String, Clock, ZoneId)} with the time a lease lasts unrenewed
     * where several instances share the database: another instance takes over the Telegram poller,
     * the scheduled jobs and this one's unsent messages within it after this one stops.
     */
    public static Storage open(String url, String user, String password, Clock clock, ZoneId zone, Duration leaseTtl) {
        Database.refuseToPassOverH2(url);
        return new Storage(Database.open(url, user, password), clock, zone, leaseTtl);
    }

    /**
     * Stores the menu if the database has none yet; afterwards the database is the source of
     * truth. Each executor the menu names becomes a record; references to executors that this
     * database does not have (a file exported elsewhere) are dropped, their names kept.
     */
    public boolean seedCategoriesIfEmpty(List<Category> menu) {
        if (!categories.isEmpty()) {
            return false;
        }
        boolean seeded = unitOfWork.runUnbounded(s -> {
            Handle h = s.handle();
            if (instance != null) {
                // Instances started together on a new database: one seeds, the others find the menu.
                ChatLocks.named(h, "zvernennia seed");
                if (h.createQuery("SELECT COUNT(*) FROM category")
                                .mapTo(Integer.class)
                                .one()
                        > 0) {
                    return false;
                }
            }
            s.categoryChanges().seed(menu, clock.instant());
            return true;
        });
        categories.reload();
        if (seeded) {
            log.info("seeded {} categories", menu.size());
        }
        return seeded;
    }

    /**
     * Runs storage-level work (beyond the core's ports) in the group-committing writer and waits
     * for its commit. All writes go through the one writer, which SQLite needs.
     */
    public <T> T write(Function<JdbiStores, T> work) {
        return unitOfWork.runJdbi(work);
    }

    /**
     * Reads through a handle of its own, beside the writer; sees committed data only. A fault of
     * the storage is thrown as {@link StorageUnavailableException}.
     */
    public <T> T read(Function<JdbiStores, T> work) {
        try {
            return database.jdbi().withHandle(h -> work.apply(new JdbiStores(h, categories, clock, zone, instance)));
        } catch (RuntimeException e) {
            if (!(e instanceof StorageUnavailableException) && StorageFaults.isFault(e)) {
                throw new StorageUnavailableException(StorageFaults.describe(e), e);
            }
            throw e;
        }
    }

    /**
     * Whether the database can commit now: the latest commit's outcome when it is recent, or
     * else a tiny commit of its own through the writer, waiting at most {@code wait}; and
     * "unavailable" for {@link #SETTLE} after any failed commit, so that a database that commits
     * only some of the time is not reported ready; until {@link #AFTER_FAULT} after it, only a
     * write of its own says ready. For the readiness check; cheap enough to be asked every second.
     */
    public Readiness readiness(Duration wait) {
        var fault = unitOfWork.lastFault();
        if (fault.isPresent() && System.nanoTime() - fault.get().atNanos() < SETTLE.toNanos()) {
            return Readiness.of(fault.get().fault());
        }
        JdbiUnitOfWork.Attempt last = unitOfWork.lastAttempt();
        long now = System.nanoTime();
        // Soon after a fault a commit that wrote nothing (a look for due messages) proves little:
        // on a full disk SQLite commits it all the same. Only a write of its own says ready then.
        boolean faultedLately = last.lastFaultNanos() != 0 && now - last.lastFaultNanos() < AFTER_FAULT.toNanos();
        if (now - last.atNanos() < RECENT_ATTEMPT.toNanos() && (last.fault() != null || !faultedLately)) {
            return Readiness.of(last.fault());
        }
        return probe(wait);
    }

    /** Commits a tiny write of its own through the writer, waiting at most {@code wait}. */
    Readiness probe(Duration wait) {
        try {
            JdbiUnitOfWork.await(
                    unitOfWork.submitJdbi(s -> {
                        Handle h = s.handle();
                        if (database.dialect().upserts()) {
                            // One statement: instances probing at the same moment must not fail each other.
                            h.execute(
                                    "INSERT INTO storage_probe (id, checked_at) VALUES (1, ?) "
                                            + "ON CONFLICT (id) DO UPDATE SET checked_at = excluded.checked_at",
                                    clock.millis());
                        } else {
                            h.execute("DELETE FROM storage_probe");
                            h.execute("INSERT INTO storage_probe (id, checked_at) VALUES (1, ?)", clock.millis());
                        }
                        return null;
                    }),
                    wait);
            return Readiness.READY;
        } catch (StorageUnavailableException e) {
            return new Readiness(false, e.getMessage());
        } catch (RuntimeException e) {
            return new Readiness(false, StorageFaults.describe(e));
        }
    }

    /** Whether the database can commit, and if not, why (a few words, no data). */
    public record Readiness(boolean ready, String reason) {
        static final Readiness READY = new Readiness(true, null);

        public Readiness {
            if (!ready && (reason == null || reason.isBlank())) {
                throw new IllegalArgumentException("a database that is not ready needs a reason");
            }
        }

        static Readiness of(StorageUnavailableException fault) {
            return fault == null ? READY : new Readiness(false, fault.getMessage());
        }
    }

    /**
     * Changes the category menu in one transaction of the writer and, once committed, refreshes
     * the cached menu: the next question of every chat, on every channel, shows the change.
     */
    public <T> T editMenu(Function<CategoryChanges, T> edit) {
        T result = write(s -> {
            if (instance != null) {
                // Edits on several instances one at a time: each reads the menu the one before wrote,
                // and their changes commit in the order of their ids, which the menu's version follows.
                ChatLocks.named(s.handle(), "zvernennia menu");
            }
            return edit.apply(s.categoryChanges());
        });
        categories.reload();
        return result;
    }

    /** Aggregates over appeals for statistics, read beside the writer. */
    public JdbiStatistics statistics() {
        return new JdbiStatistics(database.jdbi(), database.dialect(), categories);
    }

    /** Transactions the writer has committed since it started (group commits, not units). */
    public long transactions() {
        return unitOfWork.transactions();
    }

    /** The outbox backlog, appeals by status and overdue appeals, as of now. */
    public OperationalFigures operationalFigures() {
        return OperationalFigures.read(database.jdbi(), clock.instant());
    }

    /** Where the writer reports the size and duration of each commit from now on. */
    public void reportCommitsTo(Telemetry telemetry) {
        unitOfWork.reportTo(telemetry);
    }

    public UnitOfWork unitOfWork() {
        return unitOfWork;
    }

    /** Operators' look-ups: appeals by filters, histories with the delivery of pushes. */
    public AppealSearch appealSearch() {
        return appealSearch;
    }

    /** Executors as admins manage them, and what their staff's views look up. */
    public ua.zvernennia.core.executor.ExecutorStore executors() {
        return executors;
    }

    public ApiTokenStore apiTokens() {
        return apiTokens;
    }

    /** Who among staff read whose personal data. */
    public AccessLogStore accessLog() {
        return accessLog;
    }

    /** Admins' edits of the category menu, each refreshing the cached menu once committed. */
    public MenuEditor menuEditor() {
        return menuEditor;
    }

    /** Partner apps' keys, where WEB appeals came from, and public descriptions. */
    public Open311Store open311() {
        return open311;
    }

    /** Photos queued at receipt and their kept bytes. */
    public PhotoStore photos() {
        return photos;
    }

    /** The photos of the work done kept with the appeals they resolved. */
    public ResolutionPhotoStore resolutionPhotos() {
        return resolutionPhotos;
    }

    /** Erasure by phone and the retention job's batches. */
    public PersonalDataStore personalData() {
        return personalData;
    }

    /** The council's register, read beside the writer (its changes go through the unit of work). */
    public RegisterStore register() {
        return register;
    }

    /** Whether other instances of the app may share this database (PostgreSQL). */
    public boolean shared() {
        return instance != null;
    }

    /**
     * This instance's id where several instances share the database: the holder named in its
     * leases and in the outbox messages it holds. Where this process is alone, "local".
     */
    public String instance() {
        return instance == null ? "local" : instance;
    }

    /**
     * The named lease, wanted by this instance from now on: held by one instance at a time where
     * several share the database (another takes it over within the lease's time after its holder
     * stops), always held where this process is alone.
     */
    public Lease lease(String name) {
        return leases == null ? Lease.always(name) : leases.lease(name);
    }

    /** Whether this instance's liveness lease is held now (always where this process is alone). */
    public boolean alive() {
        return leases == null || leases.alive();
    }

    /**
     * The web console's sessions in the database, for several instances sharing it (a sign-in on
     * one holds on the others). Where this process is alone the console keeps them in memory.
     */
    public ConsoleSessions consoleSessions() {
        return new JdbiConsoleSessions(this);
    }

    /** Failed sign-ins counted in the database, for several instances sharing it (PostgreSQL only). */
    public SignInFailures signInFailures() {
        if (instance == null) {
            throw new IllegalStateException(
                    "sign-in failures are counted in the database only where instances share it");
        }
        return new JdbiSignInFailures(this);
    }

    /** Deletes leases that ran out long ago (instances that stopped); 0 where this process is alone. */
    public int forgetExpiredLeases() {
        return instance == null ? 0 : new JdbiLeases(database.jdbi()).forgetExpired();
    }

    public JdbiCategoryCatalog categories() {
        return categories;
    }

    /** The city's time zone: numbering by year, statistics. */
    public ZoneId zone() {
        return zone;
    }

    public Database database() {
        return database;
    }

    @Override
    public void close() {
        if (menuCheck != null) {
            menuCheck.shutdownNow();
        }
        unitOfWork.close();
        if (leases != null) {
            // After the last commit: what this instance still holds is free for the others at once.
            leases.close();
        }
        database.close();
    }
}
