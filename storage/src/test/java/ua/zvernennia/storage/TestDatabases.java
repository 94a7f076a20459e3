package ua.zvernennia.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.stream.Stream;
import ua.zvernennia.core.testing.TestCategories;

/** Real database files for tests, one kind per {@link Dialect} that needs no server. */
final class TestDatabases {
    static final ZoneId KYIV = ZoneId.of("Europe/Kyiv");

    private TestDatabases() {}

    /**
     * A PostgreSQL server for tests, as a JDBC URL of a database the tests may create databases
     * from (e.g. {@code jdbc:postgresql://127.0.0.1:55432/postgres?user=zv}); .ci/run starts one.
     */
    static final String POSTGRES_ENV = "ZV_TEST_POSTGRES_URL";

    /** The databases the storage suite runs on: H2 and SQLite files always, PostgreSQL when there is a server. */
    static Stream<Dialect> dialects() {
        String pg = System.getenv(POSTGRES_ENV);
        // CI starts a server (.ci/run): there the suite never quietly drops PostgreSQL
        if (Ci.running() && (pg == null || pg.isBlank())) {
            throw new IllegalStateException(POSTGRES_ENV + " is not set on CI");
        }
        return pg == null || pg.isBlank() ? Stream.of(Dialect.H2, Dialect.SQLITE) : Stream.of(Dialect.values());
    }

    /** See {@link TestPostgres#require()}. */
    static void requirePostgres() {
        TestPostgres.require();
    }

    static String url(Dialect dialect, Path dir) {
        return switch (dialect) {
            case H2 -> "jdbc:h2:file:" + dir.resolve("zvernennia").toAbsolutePath();
            case SQLITE -> "jdbc:sqlite:" + dir.resolve("zvernennia.sqlite").toAbsolutePath();
            case POSTGRESQL -> postgresDatabaseFor(dir);
        };
    }

    /** One database on the test server per test folder, so that reopening finds the same data. */
    private static String postgresDatabaseFor(Path dir) {
        Path remembered = dir.resolve("postgres-url");
        try {
            if (Files.exists(remembered)) {
                return Files.readString(remembered);
            }
            String url = freshPostgresDatabase();
            Files.writeString(remembered, url);
            return url;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Creates an empty database on the test server and returns its URL. */
    private static String freshPostgresDatabase() {
        return TestPostgres.freshDatabase();
    }

    /** Opens storage on a file in {@code dir}, seeded with the small test menu. */
    static Storage open(Dialect dialect, Path dir, Clock clock) {
        Storage storage = Storage.open(url(dialect, dir), null, null, clock, KYIV);
        storage.seedCategoriesIfEmpty(TestCategories.small());
        return storage;
    }
}
