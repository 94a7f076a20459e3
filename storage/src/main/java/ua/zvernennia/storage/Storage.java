package ua.zvernennia.storage;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
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
import ua.zvernennia.core.media.PhotoStore;
import ua.zvernennia.core.metrics.Telemetry;
import ua.zvernennia.core.open311.Open311Store;
import ua.zvernennia.core.openmap.GeocodeQueue;
import ua.zvernennia.core.openmap.MapPlaces;
import ua.zvernennia.core.openmap.OpenMap;
import ua.zvernennia.core.privacy.AccessLogStore;
import ua.zvernennia.core.privacy.PersonalDataStore;
import ua.zvernennia.core.register.RegisterStore;
import ua.zvernennia.core.stats.StatisticsSource;

/**
 * The storage module assembled: the database, the menu, the group-committing unit of work, and
 * the core's thread-safe ports for the staff's side (appeal search, tokens, the access log, the
 * menu editor, Open311, kept photos, personal data, the council's register) and for the public map
 * (its aggregates, the places of appeals, the geocoder's queue), each call of which is its own read
 * or transaction here.
 */
public final class Storage implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Storage.class);

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
    private final PersonalDataStore personalData = new JdbiPersonalDataStore(this);
    private final RegisterStore register = new JdbiRegisterStore(this);
    private final GeocodeQueue geocodes = new JdbiGeocodeQueue(this);
    private final AggregateStatistics aggregateStatistics;
    private final JdbiOpenMap openMap;
    /** A commit attempt younger than this answers the readiness check without a probe of its own. */
    private static final Duration RECENT_ATTEMPT = Duration.ofSeconds(1);
    /**
     * How long after a failed commit the readiness check keeps answering "unavailable" although
     * a later commit succeeded. On a full disk SQLite's small commits may still fit in its WAL
     * file while the others fail; without this the check would flip between the two.
     */
    static final Duration SETTLE = Duration.ofSeconds(5);

    private Storage(Database database, Clock clock, ZoneId zone) {
        this.database = database;
        this.clock = clock;
        this.zone = zone;
        this.categories = new JdbiCategoryCatalog(database.jdbi());
        this.unitOfWork = new JdbiUnitOfWork(database, categories, clock, zone);
        int filled = unitOfWork.runUnbounded(s -> s.appealSearch().backfill());
        if (filled > 0) {
            log.info("made {} appeals searchable", filled);
        }
        this.aggregateStatistics = new AggregateStatistics(database.jdbi(), database.dialect(), zone, categories);
        this.openMap = new JdbiOpenMap(database.jdbi(), zone, aggregateStatistics, this, clock);
        rebuildAggregatesIfNeeded();
    }

    /**
     * The public map's and statistics' aggregates are rebuilt from the appeals when they were
     * never built (a database older than them) or built for another zone.
     */
    private void rebuildAggregatesIfNeeded() {
        boolean built = database.jdbi().withHandle(h -> new OpenMapAggregates(h, zone).builtFor());
        if (!built) {
            long started = System.nanoTime();
            long appeals = rebuildAggregates();
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

    /**
     * Opens (creating and migrating if needed) the database at {@code url}; refuses a new SQLite
     * file beside an H2 file of the same name (a city still on the old default's data).
     */
    public static Storage open(String url, String user, String password, Clock clock, ZoneId zone) {
        Database.refuseToPassOverH2(url);
        return new Storage(Database.open(url, user, password), clock, zone);
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
        unitOfWork.runUnbounded(s -> {
            s.categoryChanges().seed(menu, clock.instant());
            return null;
        });
        categories.reload();
        log.info("seeded {} categories", menu.size());
        return true;
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
            return database.jdbi().withHandle(h -> work.apply(new JdbiStores(h, categories, clock, zone)));
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
     * only some of the time is not reported ready. For the readiness check; cheap enough to be
     * asked every second.
     */
    public Readiness readiness(Duration wait) {
        var fault = unitOfWork.lastFault();
        if (fault.isPresent() && System.nanoTime() - fault.get().atNanos() < SETTLE.toNanos()) {
            return Readiness.of(fault.get().fault());
        }
        JdbiUnitOfWork.Attempt last = unitOfWork.lastAttempt();
        if (System.nanoTime() - last.atNanos() < RECENT_ATTEMPT.toNanos()) {
            return Readiness.of(last.fault());
        }
        try {
            JdbiUnitOfWork.await(
                    unitOfWork.submitJdbi(s -> {
                        Handle h = s.handle();
                        h.execute("DELETE FROM storage_probe");
                        h.execute("INSERT INTO storage_probe (id, checked_at) VALUES (1, ?)", clock.millis());
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

    /** Erasure by phone and the retention job's batches. */
    public PersonalDataStore personalData() {
        return personalData;
    }

    /** The council's register, read beside the writer (its changes go through the unit of work). */
    public RegisterStore register() {
        return register;
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
        unitOfWork.close();
        database.close();
    }
}
