package ua.zvernennia.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.DefaultStatementBuilder;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * The writer's prepared statements kept open between its transactions, by their SQL, on SQLite:
 * its driver prepares every statement afresh, and preparing (parsing and planning against the
 * schema) cost the writer about a fifth of its time — more than its commits. A statement is
 * handed out again only when the last use of it is closed; one asked for while in use (the same
 * SQL nested inside its own results) is prepared on its own and closed as usual, and so are
 * those returning generated keys. At most {@link #MAX} are kept, the least recently used going
 * first; all of them are closed with the handle. Bound to one handle; not thread-safe.
 */
final class CachedStatements extends DefaultStatementBuilder {
    static final int MAX = 256;

    /** Sets a new one on {@code handle}, its statements closed when the handle closes. */
    static CachedStatements install(Handle handle) {
        var statements = new CachedStatements();
        handle.setStatementBuilder(statements);
        // The handle closes the builder it was opened with; this one is closed by hand.
        Connection connection = handle.getConnection();
        handle.addCleanable(() -> statements.close(connection));
        return statements;
    }

    private final Map<String, PreparedStatement> kept = new LinkedHashMap<>(64, 0.75f, true);
    private final Set<Statement> inUse = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Set<Statement> cached = Collections.newSetFromMap(new IdentityHashMap<>());

    @Override
    public PreparedStatement create(Connection conn, String sql, StatementContext ctx) throws SQLException {
        if (ctx.isReturningGeneratedKeys() || ctx.isConcurrentUpdatable()) {
            return super.create(conn, sql, ctx);
        }
        PreparedStatement statement = kept.get(sql);
        if (statement != null && statement.isClosed()) {
            forget(sql, statement);
            statement = null;
        }
        if (statement == null) {
            statement = super.create(conn, sql, ctx);
            kept.put(sql, statement);
            cached.add(statement);
            evictOverMax();
        } else if (inUse.contains(statement)) {
            return super.create(conn, sql, ctx);
        }
        inUse.add(statement);
        return statement;
    }

    @Override
    public void close(Connection conn, String sql, Statement statement) throws SQLException {
        if (statement != null && cached.contains(statement)) {
            inUse.remove(statement);
            PreparedStatement prepared = (PreparedStatement) statement;
            try {
                prepared.clearParameters();
                prepared.clearBatch();
            } catch (SQLException e) {
                forget(sql, prepared);
                prepared.close();
            }
            return;
        }
        super.close(conn, sql, statement);
    }

    @Override
    public void close(Connection conn) {
        for (PreparedStatement statement : kept.values()) {
            try {
                statement.close();
            } catch (SQLException e) {
                // The connection goes next; nothing is left to release.
            }
        }
        kept.clear();
        cached.clear();
        inUse.clear();
    }

    private void evictOverMax() throws SQLException {
        var oldest = kept.entrySet().iterator();
        while (kept.size() > MAX && oldest.hasNext()) {
            Map.Entry<String, PreparedStatement> e = oldest.next();
            if (inUse.contains(e.getValue())) {
                continue;
            }
            oldest.remove();
            cached.remove(e.getValue());
            e.getValue().close();
        }
    }

    private void forget(String sql, PreparedStatement statement) {
        kept.remove(sql, statement);
        cached.remove(statement);
        inUse.remove(statement);
    }
}
