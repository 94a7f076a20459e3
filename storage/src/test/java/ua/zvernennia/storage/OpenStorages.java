package ua.zvernennia.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The databases a test opens, each on real files (or a fresh database on the test PostgreSQL
 * server) in a folder of the test's own, all closed after the test however it ended.
 *
 * <pre>{@code
 * @RegisterExtension
 * final OpenStorages databases = new OpenStorages();
 * ...
 * Storage storage = databases.open(dialect, clock);
 * }</pre>
 */
final class OpenStorages implements BeforeEachCallback, AfterEachCallback {
    private final Deque<Storage> open = new ArrayDeque<>();
    private Path dir;

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        dir = Files.createTempDirectory("zv-storage-");
    }

    /** Opens (or reopens) the test's database of {@code dialect}, with the small test menu. */
    Storage open(Dialect dialect, Clock clock) {
        Path folder = dir.resolve(dialect.name());
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Storage storage = TestDatabases.open(dialect, folder, clock);
        open.push(storage);
        return storage;
    }

    /** The test's folder. */
    Path dir() {
        return dir;
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        try {
            while (!open.isEmpty()) {
                open.pop().close();
            }
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
