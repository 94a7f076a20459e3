package ua.zvernennia.storage;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;
import java.util.Set;
import org.h2.mvstore.MVStoreException;
import org.jdbi.v3.core.ConnectionException;
import org.sqlite.SQLiteException;
import ua.zvernennia.core.engine.StorageUnavailableException;

/**
 * Tells a failure of the storage itself (disk full, read-only, the server gone, a file that
 * cannot be written) from a failure of the work (a constraint, a bug): the first passes once
 * the storage is back, so it is answered with "try again", never with an apology.
 */
public final class StorageFaults {
    /** H2's codes: database closed, I/O errors, no disk space, read-only, shutting down, file locked. */
    private static final Set<Integer> H2_CODES = Set.of(90098, 90028, 90031, 90100, 90097, 90121, 90020);
    /** SQLite's primary result codes: busy, locked, read-only, I/O error, full, cannot open. */
    private static final Set<Integer> SQLITE_CODES = Set.of(5, 6, 8, 10, 13, 14);

    private StorageFaults() {}

    /** True when {@code e}, or what caused it, is a fault of the storage rather than of the work. */
    public static boolean isFault(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof StorageUnavailableException
                    || t instanceof IOException
                    || t instanceof MVStoreException
                    || t instanceof ConnectionException) {
                return true;
            }
            if (t instanceof SQLException s && isFault(s)) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when {@code e}, or what caused it, is a clash between concurrent transactions that
     * running the same work again resolves: a deadlock that PostgreSQL broke by aborting this
     * transaction (two instances' batches locking the same rows in different orders), or a
     * serialization failure. Neither the work's fault nor the storage's.
     */
    public static boolean isConflict(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException s && ("40P01".equals(s.getSQLState()) || "40001".equals(s.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isFault(SQLException e) {
        if (e instanceof SQLTransientConnectionException
                || e instanceof SQLNonTransientConnectionException
                || e instanceof SQLRecoverableException) {
            return true;
        }
        if (e instanceof SQLiteException) {
            return SQLITE_CODES.contains(e.getErrorCode() & 0xff);
        }
        if (e.getClass().getName().startsWith("org.h2.")) {
            return H2_CODES.contains(e.getErrorCode());
        }
        String state = e.getSQLState();
        // PostgreSQL: connection (08), resources such as disk full (53), shutdown (57), system (58), read-only
        // transaction.
        return state != null
                && (state.startsWith("08")
                        || state.startsWith("53")
                        || state.startsWith("57")
                        || state.startsWith("58")
                        || state.equals("25006"));
    }

    /**
     * What went wrong, in a few words fit for a health check or an operator: never the
     * statement or its values (they may hold citizens' data).
     */
    public static String describe(Throwable e) {
        StringBuilder messages = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof StorageUnavailableException && t.getCause() == null) {
                return t.getMessage();
            }
            messages.append(' ').append(t.getMessage());
            if (t instanceof SQLiteException s) {
                int code = s.getErrorCode() & 0xff;
                if (code == 13) {
                    return "the disk is full";
                }
                if (code == 8) {
                    return "the database is read-only";
                }
                if (code == 5 || code == 6) {
                    return "the database file is locked";
                }
            } else if (t instanceof SQLException s) {
                String state = String.valueOf(s.getSQLState());
                if (s.getErrorCode() == 90100 || state.equals("53100")) {
                    return "the disk is full";
                }
                if (s.getErrorCode() == 90097 || state.equals("25006")) {
                    return "the database is read-only";
                }
                if (s.getErrorCode() == 90020) {
                    return "the database file is in use by another process";
                }
                if (state.startsWith("08") || state.startsWith("57") || t instanceof SQLTransientConnectionException) {
                    return "the database server cannot be reached";
                }
            }
        }
        String all = messages.toString().toLowerCase(Locale.ROOT);
        if (all.contains("no space left") || all.contains("disk full")) {
            return "the disk is full";
        }
        if (all.contains("read-only") || all.contains("read only")) {
            return "the database is read-only";
        }
        if (all.contains("database has been closed") || all.contains("database is closed") || all.contains("mvstore")) {
            return "the database file cannot be written";
        }
        if (all.contains("connection")) {
            return "the database cannot be reached";
        }
        return "the database cannot commit";
    }
}
