package ua.zvernennia.storage;

import com.zaxxer.hikari.HikariConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementExceptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the database durably, migrates it and hands out Jdbi. Thread-safe.
 *
 * <p>Durability is part of correctness: a committed transaction must survive kill -9 of the
 * process and a power cut. H2's default WRITE_DELAY of 500 ms loses committed rows when the
 * process is killed, so H2 runs with WRITE_DELAY=0 (every commit is written to the file before it
 * returns); H2 does not sync the file to the disk at a commit, so the writer does after each
 * group commit ({@link #syncToDisk}). SQLite runs in WAL mode with synchronous=FULL, which syncs
 * the WAL at every commit; PostgreSQL syncs its WAL at every commit by default.
 *
 * <p>Waits are bounded: a connection is given up after {@link #CONNECTION_TIMEOUT}, and after a
 * fault of the storage the pool's connections are replaced ({@link #replaceConnections}), so
 * that an H2 store closed by a failed write is opened again, and a restarted server is reached.
 *
 * <p>H2 writes every commit as a new chunk of the pages it changed, and WRITE_DELAY=0 also stops
 * the background thread that would reclaim chunks holding little live data: the writer calls
 * {@link #reclaimSpace} between commits instead, or the file grows by every commit ever made.
 */
public final class Database implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Database.class);

    /** Percent of live data in the file's chunks above which H2's file is left as it is. */
    private static final int TARGET_FILL_RATE = 80;

    static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(5);

    private final Dialect dialect;
    private final ConnectionPool dataSource;
    private final Jdbi jdbi;

    private Database(Dialect dialect, ConnectionPool dataSource) {
        this.dialect = dialect;
        this.dataSource = dataSource;
        this.jdbi = Jdbi.create(dataSource);
        // Bound values are citizens' names and phones: keep them out of exception messages (and so logs).
        this.jdbi.getConfig(StatementExceptions.class).setMessageRendering(StatementExceptions.MessageRendering.NONE);
    }

    /** Opens and migrates the database at {@code url}; user and password may be null. */
    public static Database open(String url, String user, String password) {
        Dialect dialect = Dialect.of(url);
        if (dialect == Dialect.SQLITE) {
            prepareSqliteFile(url);
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(durable(dialect, url));
        if (user != null && !user.isBlank()) {
            config.setUsername(user);
        }
        if (password != null && !password.isBlank()) {
            config.setPassword(password);
        }
        config.setPoolName("zvernennia-db");
        config.setConnectionTimeout(CONNECTION_TIMEOUT.toMillis());
        config.setValidationTimeout(Math.min(2_000, CONNECTION_TIMEOUT.toMillis()));
        // A pool opens even when the database cannot be reached: a pool replaced after a fault
        // (ConnectionPool) must not fail while the disk is still full or the server still down;
        // at start-up Flyway then fails with the reason.
        config.setInitializationFailTimeout(-1);
        config.setMaximumPoolSize(dialect == Dialect.POSTGRESQL ? 10 : 6);
        config.setMinimumIdle(1);
        if (dialect == Dialect.SQLITE) {
            config.addDataSourceProperty("journal_mode", "WAL");
            config.addDataSourceProperty("synchronous", "FULL");
            config.addDataSourceProperty("busy_timeout", "10000");
            config.addDataSourceProperty("foreign_keys", "true");
        }
        ConnectionPool ds = new ConnectionPool(config);
        try {
            migrate(dialect, ds);
        } catch (RuntimeException e) {
            ds.close();
            throw e;
        }
        log.info("database ready: {}", dialect.name().toLowerCase(Locale.ROOT));
        return new Database(dialect, ds);
    }

    /** Creates the folder of a new SQLite file: SQLite does not. */
    static void prepareSqliteFile(String url) {
        Optional<Path> file = sqliteFile(url);
        if (file.isEmpty() || Files.exists(file.get())) {
            return;
        }
        try {
            Path parent = file.get().toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the folder of " + file.get(), e);
        }
    }

    /**
     * Refuses to start the app on a new SQLite file where an H2 database of the same name already
     * lies: that is a city upgraded from the old default (./data/zvernennia), whose data must be
     * copied over first, or DB_URL set to the H2 file, not left behind for an empty database.
     */
    static void refuseToPassOverH2(String url) {
        if (Dialect.of(url) != Dialect.SQLITE) {
            return;
        }
        Optional<Path> file = sqliteFile(url);
        if (file.isEmpty() || Files.exists(file.get())) {
            return;
        }
        String name = file.get().getFileName().toString();
        Path base = file.get().resolveSibling(name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name);
        Path h2 = base.resolveSibling(base.getFileName() + ".mv.db");
        if (Files.exists(h2)) {
            throw new IllegalStateException("there is an H2 database at " + h2 + " but no SQLite file at " + file.get()
                    + ": to keep using H2 set DB_URL=jdbc:h2:file:" + base
                    + "; to move to SQLite, with the app stopped, run: java -jar zvernennia.jar copy --from jdbc:h2:file:"
                    + base
                    + " --to " + url);
        }
    }

    /** The file of a {@code jdbc:sqlite:} URL; empty for an in-memory database. */
    static Optional<Path> sqliteFile(String url) {
        String rest = url.substring("jdbc:sqlite:".length());
        int query = rest.indexOf('?');
        if (query >= 0) {
            rest = rest.substring(0, query);
        }
        if (rest.startsWith("file:")) {
            rest = rest.substring("file:".length());
        }
        if (rest.isEmpty() || rest.startsWith(":memory:") || rest.startsWith(":resource:")) {
            return Optional.empty();
        }
        return Optional.of(Path.of(rest));
    }

    /** The URL with the settings that make commits survive a killed process. */
    static String durable(Dialect dialect, String url) {
        if (dialect != Dialect.H2) {
            return url;
        }
        String upper = url.toUpperCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(url);
        if (!upper.contains(";WRITE_DELAY=")) {
            out.append(";WRITE_DELAY=0");
        }
        if (!upper.contains(";DB_CLOSE_ON_EXIT=")) {
            // The app closes the database itself on shutdown, after the last commit.
            out.append(";DB_CLOSE_ON_EXIT=FALSE");
        }
        return out.toString();
    }

    private static void migrate(Dialect dialect, DataSource ds) {
        // PostgreSQL has a few migrations of its own (several instances share it; see db/postgresql).
        String[] locations = dialect == Dialect.POSTGRESQL
                ? new String[] {"classpath:db/migration", "classpath:db/postgresql"}
                : new String[] {"classpath:db/migration"};
        Flyway.configure()
                .dataSource(ds)
                .locations(locations)
                .placeholders(Map.of("identity", dialect.identity(), "binary", dialect.binary()))
                .load()
                .migrate();
    }

    /**
     * On H2, rewrites the live pages of the emptiest chunks of the file (at most {@code maxBytes})
     * so that the space of those chunks can be used again; nothing on SQLite and PostgreSQL,
     * which reuse their pages themselves. Run it on the writer's handle between transactions.
     */
    public void reclaimSpace(Handle handle, int maxBytes) {
        if (dialect != Dialect.H2) {
            return;
        }
        try {
            // Only an embedded database can be reached; an H2 server keeps its own file.
            if (handle.getConnection().unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session) {
                session.getDatabase().getStore().getMvStore().compact(TARGET_FILL_RATE, maxBytes);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach H2's store", e);
        }
    }

    /**
     * On H2, forces what the last commit wrote onto the disk (H2 writes it to the file at the
     * commit, with WRITE_DELAY=0, but does not sync it): one sync per group commit makes every
     * commit the writer reported survive a power cut. Nothing on SQLite and PostgreSQL, which sync
     * at commit themselves. Run it on the writer's handle right after its commit.
     */
    public void syncToDisk(Handle handle) {
        if (dialect != Dialect.H2) {
            return;
        }
        try {
            if (handle.getConnection().unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session) {
                session.getDatabase().getStore().getMvStore().sync();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach H2's store", e);
        }
    }

    /**
     * After a fault: the next connections are new ones. They may belong to a server that went
     * away (their pool closes them once idle) or, on H2, to a store closed by a failed write: there
     * the whole pool is closed before a new one opens the file again (see {@link ConnectionPool}).
     * Run it from the writer after dropping its own handle.
     */
    public void replaceConnections() {
        try {
            if (dialect == Dialect.H2) {
                dataSource.replace();
            } else {
                dataSource.evictConnections();
            }
        } catch (RuntimeException e) {
            log.debug("could not replace the database connections", e);
        }
    }

    /**
     * Writes a consistent copy of the running database to {@code target}, which must not exist:
     * on H2 {@code BACKUP TO} (a zip holding the database file), on SQLite {@code VACUUM INTO} (a
     * database file). Both read one snapshot while the app goes on writing. PostgreSQL has
     * {@code pg_dump} for this.
     *
     * @throws UnsupportedOperationException on PostgreSQL
     */
    public void backupTo(Path target) {
        if (Files.exists(target)) {
            throw new IllegalArgumentException("the backup file exists already: " + target.getFileName());
        }
        String file = target.toAbsolutePath().toString().replace("'", "''");
        switch (dialect) {
            case H2 -> jdbi.useHandle(h -> h.execute("BACKUP TO '" + file + "'"));
            case SQLITE -> jdbi.useHandle(h -> h.execute("VACUUM INTO '" + file + "'"));
            case POSTGRESQL -> throw new UnsupportedOperationException("back up PostgreSQL with pg_dump");
        }
    }

    /** The file name extension of {@link #backupTo}'s copies: {@code h2.zip} or {@code sqlite}. */
    public String backupExtension() {
        return dialect == Dialect.H2 ? "h2.zip" : "sqlite";
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public Dialect dialect() {
        return dialect;
    }

    @Override
    public void close() {
        if (dialect == Dialect.H2) {
            try {
                jdbi.useHandle(h -> h.execute("CHECKPOINT SYNC"));
            } catch (RuntimeException e) {
                log.debug("checkpoint on close failed", e);
            }
        }
        dataSource.close();
    }
}
