package ua.zvernennia.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The database's connection pool, which can be replaced as a whole while the app runs.
 *
 * <p>H2 closes its store when a write fails (a full disk, say). A new connection then opens the
 * file again, but an old connection closed after that also closes the new store's registration
 * (H2 keeps one open database per name), and the next connection finds the file locked by the
 * store that is still open: "Database may be already in use", for ever, until a restart. So after
 * a fault on H2 every old connection is closed first, and only then is a new pool opened.
 * Thread-safe: callers asking for a connection during the swap wait for it to end.
 */
final class ConnectionPool implements DataSource, AutoCloseable {
    private final HikariConfig config;
    private HikariDataSource current;
    private boolean closed;

    ConnectionPool(HikariConfig config) {
        this.config = config;
        this.current = new HikariDataSource(config);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return pool().getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return pool().getConnection(username, password);
    }

    private synchronized HikariDataSource pool() throws SQLException {
        if (closed) {
            throw new SQLException("the database is closed", "08003");
        }
        return current;
    }

    /** Closes idle connections now and busy ones when they are returned; the pool stays. */
    synchronized void evictConnections() {
        var bean = current.getHikariPoolMXBean();
        if (bean != null) {
            bean.softEvictConnections();
        }
    }

    /** Closes every connection (busy ones are aborted) and then opens a new pool. */
    synchronized void replace() {
        if (closed) {
            return;
        }
        current.close();
        current = new HikariDataSource(config);
    }

    @Override
    public synchronized void close() {
        closed = true;
        current.close();
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {}

    @Override
    public void setLoginTimeout(int seconds) {}

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw new SQLException("not a wrapper of " + iface.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }
}
