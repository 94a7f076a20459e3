package ua.zvernennia.storage;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import ua.zvernennia.core.testing.TestCategories;

/** Real database files for tests, one kind per {@link Dialect} that needs no server. */
final class TestDatabases {
    static final ZoneId KYIV = ZoneId.of("Europe/Kyiv");

    private TestDatabases() {
    }

    static String url(Dialect dialect, Path dir) {
        return switch (dialect) {
            case H2 -> "jdbc:h2:file:" + dir.resolve("zvernennia").toAbsolutePath();
            case SQLITE -> "jdbc:sqlite:" + dir.resolve("zvernennia.sqlite").toAbsolutePath();
            case POSTGRESQL -> throw new IllegalArgumentException("PostgreSQL needs a server");
        };
    }

    /** Opens storage on a file in {@code dir}, seeded with the small test menu. */
    static Storage open(Dialect dialect, Path dir, Clock clock) {
        Storage storage = Storage.open(url(dialect, dir), null, null, clock, KYIV);
        storage.seedCategoriesIfEmpty(TestCategories.small());
        return storage;
    }
}
