package ua.zvernennia.storage;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * The PostgreSQL server of the tests, named by env {@value #ENV} (e.g.
 * {@code jdbc:postgresql://127.0.0.1:55432/postgres?user=zv}; .ci/run starts one): a new empty
 * database on it per test, never shared with another test's. For the storage suite and for the
 * app's tests of several instances on one database.
 */
public final class TestPostgres {
    public static final String ENV = "ZV_TEST_POSTGRES_URL";

    private TestPostgres() {}

    /** Whether a server is named. */
    public static boolean available() {
        String pg = System.getenv(ENV);
        return pg != null && !pg.isBlank();
    }

    /**
     * Skips the test without a server, except on CI, where that fails it: there the tests of
     * several instances always run.
     */
    public static void require() {
        if (Ci.running() && !available()) {
            throw new IllegalStateException(ENV + " is not set on CI");
        }
        Assumptions.assumeTrue(available(), ENV + " names no PostgreSQL server");
    }

    /** Creates an empty database on the server and returns its JDBC URL. */
    public static String freshDatabase() {
        String admin = System.getenv(ENV);
        String name = "zv_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection c = DriverManager.getConnection(admin);
                Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test database on " + ENV, e);
        }
        int slash = admin.indexOf('/', "jdbc:postgresql://".length());
        int query = admin.indexOf('?');
        return admin.substring(0, slash + 1) + name + (query < 0 ? "" : admin.substring(query));
    }
}
