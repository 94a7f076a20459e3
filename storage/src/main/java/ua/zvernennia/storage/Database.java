package ua.zvernennia.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementExceptions;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the database durably, migrates it and hands out Jdbi. Thread-safe.
 *
 * <p>Durability is part of correctness: a committed transaction must survive kill -9 of the
 * process. H2's default WRITE_DELAY of 500 ms loses committed rows when the process is killed,
 * so H2 runs with WRITE_DELAY=0 (every commit is written to the file before it returns).
 * SQLite runs in WAL mode with synchronous=FULL.
 *
 * <p>H2 writes every commit as a new chunk of the pages it changed, and WRITE_DELAY=0 also stops
 * the background thread that would reclaim chunks holding little live data: the writer calls
 * {@link #reclaimSpace} between commits instead, or the file grows by every commit ever made.
 */
public final class Database implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Database.class);

    /** Percent of live data in the file's chunks above which H2's file is left as it is. */
    private static final int TARGET_FILL_RATE = 80;

    private final Dialect dialect;
    private final HikariDataSource dataSource;
    private final Jdbi jdbi;

    private Database(Dialect dialect, HikariDataSource dataSource) {
        this.dialect = dialect;
        this.dataSource = dataSource;
        this.jdbi = Jdbi.create(dataSource).installPlugin(new SqlObjectPlugin());
        // Bound values are citizens' names and phones: keep them out of exception messages (and so logs).
        this.jdbi.getConfig(StatementExceptions.class).setMessageRendering(StatementExceptions.MessageRendering.NONE);
    }

    /** Opens and migrates the database at {@code url}; user and password may be null. */
    public static Database open(String url, String user, String password) {
        Dialect dialect = Dialect.of(url);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(durable(dialect, url));
        if (user != null && !user.isBlank()) {
            config.setUsername(user);
        }
        if (password != null && !password.isBlank()) {
            config.setPassword(password);
        }
        config.setPoolName("zvernennia-db");
        config.setMaximumPoolSize(dialect == Dialect.POSTGRESQL ? 10 : 6);
        config.setMinimumIdle(1);
        if (dialect == Dialect.SQLITE) {
            config.addDataSourceProperty("journal_mode", "WAL");
            config.addDataSourceProperty("synchronous", "FULL");
            config.addDataSourceProperty("busy_timeout", "10000");
            config.addDataSourceProperty("foreign_keys", "true");
        }
        HikariDataSource ds = new HikariDataSource(config);
        try {
            migrate(dialect, ds);
        } catch (RuntimeException e) {
            ds.close();
            throw e;
        }
        log.info("database ready: {}", dialect.name().toLowerCase(Locale.ROOT));
        return new Database(dialect, ds);
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
        Flyway.configure()
                .dataSource(ds)
                .locations("classpath:db/migration")
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
