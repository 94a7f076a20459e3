package ua.zvernennia.app.api;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A consistent copy of the running database for {@code GET /api/backup}, made by the storage,
 * which alone knows how. Thread-safe.
 */
public interface DatabaseBackup {
    /** Why no copy is made here (PostgreSQL is backed up with {@code pg_dump}), or empty. */
    Optional<String> refusal();

    /** The extension of the copy's file name. */
    String extension();

    /** Writes a consistent copy to {@code file}, which must not exist yet. */
    void writeTo(Path file);
}
