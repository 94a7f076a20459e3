package ua.zvernennia.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.StatementCustomizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The writer's statements kept between uses on SQLite: reused, never shared while in use, closed with the handle. */
class CachedStatementsTest {
    @TempDir
    Path dir;

    /** Records the statement each execution ran on. */
    static final class Seen implements StatementCustomizer {
        final List<PreparedStatement> statements = new ArrayList<>();

        @Override
        public void beforeExecution(PreparedStatement stmt, StatementContext ctx) {
            statements.add(stmt);
        }
    }

    @Test
    void aStatementIsPreparedOnceReusedWithFreshValuesNeverTwiceAtOnceAndClosedWithTheHandle() throws SQLException {
        Jdbi jdbi = Jdbi.create("jdbc:sqlite:" + dir.resolve("cache.db"));
        Seen seen = new Seen();
        PreparedStatement insert;
        try (Handle h = jdbi.open()) {
            CachedStatements.install(h);
            h.execute("CREATE TABLE t (k INTEGER PRIMARY KEY, v TEXT)");
            for (int k = 1; k <= 3; k++) {
                h.createUpdate("INSERT INTO t (k, v) VALUES (:k, :v)")
                        .bind("k", k)
                        .bind("v", "v" + k)
                        .addCustomizer(seen)
                        .execute();
            }
            assertThat(seen.statements).hasSize(3);
            insert = seen.statements.get(0);
            assertThat(seen.statements).allSatisfy(s -> assertThat(s).isSameAs(insert));
            assertThat(h.createQuery("SELECT v FROM t ORDER BY k")
                            .mapTo(String.class)
                            .list())
                    .containsExactly("v1", "v2", "v3");

            // The same SQL inside its own results: a statement of its own, and both answer right.
            var pairs = new ArrayList<String>();
            String sql = "SELECT v FROM t WHERE k = :k";
            h.createQuery(sql).bind("k", 1).mapTo(String.class).forEach(outer -> {
                String inner =
                        h.createQuery(sql).bind("k", 2).mapTo(String.class).one();
                pairs.add(outer + "/" + inner);
            });
            assertThat(pairs).containsExactly("v1/v2");
            assertThat(h.createQuery(sql).bind("k", 3).mapTo(String.class).one())
                    .isEqualTo("v3");

            // A failed execution leaves the kept statement usable.
            assertThat(h.createUpdate("INSERT INTO t (k, v) VALUES (:k, :v)")
                            .bind("k", 4)
                            .bind("v", "v4")
                            .execute())
                    .isEqualTo(1);
            try {
                h.createUpdate("INSERT INTO t (k, v) VALUES (:k, :v)")
                        .bind("k", 4)
                        .bind("v", "again")
                        .execute();
            } catch (RuntimeException expected) {
                // the primary key refuses it
            }
            assertThat(h.createUpdate("INSERT INTO t (k, v) VALUES (:k, :v)")
                            .bind("k", 5)
                            .bind("v", "v5")
                            .execute())
                    .isEqualTo(1);
            assertThat(insert.isClosed()).isFalse();
        }
        assertThat(insert.isClosed()).as("closed with the handle").isTrue();
    }

    @Test
    void noMoreThanItsLimitIsKept() {
        Jdbi jdbi = Jdbi.create("jdbc:sqlite:" + dir.resolve("limit.db"));
        Seen seen = new Seen();
        try (Handle h = jdbi.open()) {
            CachedStatements.install(h);
            for (int i = 0; i < CachedStatements.MAX + 10; i++) {
                h.createQuery("SELECT " + i)
                        .addCustomizer(seen)
                        .mapTo(Integer.class)
                        .one();
            }
            long open = seen.statements.stream()
                    .filter(s -> {
                        try {
                            return !s.isClosed();
                        } catch (SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    })
                    .count();
            assertThat(open).isEqualTo(CachedStatements.MAX);
        }
    }
}
