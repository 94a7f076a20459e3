package ua.zvernennia.app.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ua.zvernennia.core.media.PhotoStore;

/**
 * Where the bytes of kept photos live: in the database, or as files in the configured media
 * folder (the database then holds the file's name). Thread-safe.
 */
public final class KeptPhotos {
    private static final Logger log = LoggerFactory.getLogger(KeptPhotos.class);

    private final Optional<Path> dir;

    public KeptPhotos(Optional<Path> dir) {
        this.dir = dir.map(d -> d.toAbsolutePath().normalize());
        this.dir.ifPresent(d -> {
            try {
                Files.createDirectories(d);
            } catch (IOException e) {
                throw new UncheckedIOException("the media folder " + d + " cannot be created", e);
            }
        });
    }

    /** Bytes to put in the database, or the name of the file they were written to. */
    public record Placed(byte[] bytes, String fileName) {}

    /** Puts the bytes where they are kept: a new file (written whole, then renamed) or the database. */
    public Placed place(byte[] bytes) throws IOException {
        if (dir.isEmpty()) {
            return new Placed(bytes, null);
        }
        String name = UUID.randomUUID() + ".bin";
        Path tmp = dir.get().resolve(name + ".tmp");
        Files.write(tmp, bytes);
        Files.move(tmp, dir.get().resolve(name), StandardCopyOption.ATOMIC_MOVE);
        return new Placed(null, name);
    }

    /** The kept photo's bytes. */
    public byte[] read(PhotoStore.Kept kept) throws IOException {
        return read(kept.bytes(), kept.storedPath());
    }

    /** Bytes placed by {@link #place}: those given, or else the named file's. */
    public byte[] read(byte[] bytes, String fileName) throws IOException {
        if (fileName == null) {
            return bytes;
        }
        return Files.readAllBytes(file(fileName));
    }

    /** Deletes the files of erased photos (after the erasure is committed). */
    public void delete(Collection<String> fileNames) {
        for (String name : fileNames) {
            try {
                Files.deleteIfExists(file(name));
            } catch (IOException | RuntimeException e) {
                log.warn(
                        "an erased photo's file could not be deleted: {}",
                        e.getClass().getSimpleName());
            }
        }
    }

    private Path file(String name) throws IOException {
        if (dir.isEmpty()) {
            throw new IOException("the photo is kept in a file, but no media folder (MEDIA_DIR) is configured");
        }
        Path p = dir.get().resolve(name).normalize();
        if (!p.getParent().equals(dir.get())) {
            throw new IOException("a kept photo's file name is not a plain name");
        }
        return p;
    }
}
