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
import ua.zvernennia.core.engine.StorageUnavailableException;
import ua.zvernennia.core.metrics.Telemetry;
import ua.zvernennia.core.engine.UnitOfWork;
import ua.zvernennia.core.lease.Lease;
import ua.zvernennia.core.lease.LeaseKeeper;
import ua.zvernennia.core.staff.ConsoleSessions;
import ua.zvernennia.core.staff.SignInFailures;

/**
 * The storage module assembled: the database, the menu and the group-committing unit of work.
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
    /** This instance's id where several instances share the database; null where this process is alone. */
    private final String instance;
    private final ScheduledExecutorService menuCheck;
    /** This instance's leases where several instances share the database; null where this process is alone. */
    private final LeaseKeeper leases;
    /** How long a lease lasts unrenewed, unless configured otherwise: takeovers happen within it. */
    public static final Duration DEFAULT_LEASE_TTL = Duration.ofSeconds(10);
    /** A commit attempt younger than this answers the readiness check without a probe of its own. */
    private static final Duration RECENT_ATTEMPT = Duration.ofSeconds(1);
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
        int filled = unitOfWork.runUnbounded(s -> ((JdbiStores) s).appealSearch().backfill());
        if (filled > 0) {
            log.info("made {} appeals searchable", filled);
        }
        if (instance != null) {
            log.info("this instance is {}; other instances may share the database", instance);
            menuCheck = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "menu-check");
                t.setDaemon(true);
                return t;
            });
            menuCheck.scheduleWithFixedDelay(this::checkMenu, MENU_CHECK.toMillis(), MENU_CHECK.toMillis(), TimeUnit.MILLISECONDS);
        } else {
            menuCheck = null;
        }
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
        return host + "-" + ProcessHandle.current().pid() + "-" + HexFormat.of().toHexDigits(new SecureRandom().nextInt());
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

    /** Stores the menu if the database has none yet; afterwards the database is the source of truth. */
    public boolean seedCategoriesIfEmpty(List<Category> menu) {
        if (!categories.isEmpty()) {
            return false;
        }
        boolean seeded = unitOfWork.runUnbounded(s -> {
            Handle h = ((JdbiStores) s).handle();
            if (instance != null) {
                // Instances started together on a new database: one seeds, the others find the menu.
                h.createQuery("SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtextextended('zvernennia seed', 0))) AS l")
                        .mapTo(Integer.class).one();
                if (h.createQuery("SELECT COUNT(*) FROM category").mapTo(Integer.class).one() > 0) {
                    return false;
                }
            }
            categories.replaceAll(h, menu, clock.instant());
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
        return unitOfWork.run(s -> work.apply((JdbiStores) s));
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
     * else a tiny commit of its own through the writer, waiting at most {@code wait}. For the
     * readiness check; cheap enough to be asked every second.
     */
    public Readiness readiness(Duration wait) {
        JdbiUnitOfWork.Attempt last = unitOfWork.lastAttempt();
        long now = System.nanoTime();
        // Soon after a fault a commit that wrote nothing (a look for due messages) proves little:
        // on a full disk SQLite commits it all the same. Only a write of its own says ready then.
        boolean faultedLately = last.lastFaultNanos() != 0 && now - last.lastFaultNanos() < AFTER_FAULT.toNanos();
        if (now - last.atNanos() < RECENT_ATTEMPT.toNanos() && (last.fault() != null || !faultedLately)) {
            return Readiness.of(last.fault());
        }
        try {
            JdbiUnitOfWork.await(unitOfWork.submit(s -> {
                Handle h = ((JdbiStores) s).handle();
                h.execute("DELETE FROM storage_probe");
                h.execute("INSERT INTO storage_probe (id, checked_at) VALUES (1, ?)", clock.millis());
                return null;
            }), wait);
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
        T result = write(s -> edit.apply(s.categoryChanges()));
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
            throw new IllegalStateException("sign-in failures are counted in the database only where instances share it");
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
