package ua.zvernennia.app.publicweb;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.regex.Pattern;
import ua.zvernennia.app.media.PhotoSource;

/**
 * Photos of the WEB channel: those sent with the public web form are kept as files in a folder
 * of their own (the appeal refers to {@code web-photo:<name>}); those a partner app gave as
 * {@code media_url} are fetched from there by {@code remote}. Thread-safe.
 */
public final class WebPhotos implements PhotoSource {
    static final String PREFIX = "web-photo:";
    public static final long MAX_BYTES = 10L * 1024 * 1024;
    private static final Pattern NAME = Pattern.compile("[0-9a-f-]{36}\\.(jpg|png|webp)");

    private final Path dir;
    private final PhotoSource remote;

    public WebPhotos(Path dir, PhotoSource remote) {
        this.dir = dir;
        this.remote = remote;
    }

    /** The image type of the bytes (jpg, png, webp), or null when they are none of those. */
    static String extension(byte[] b) {
        if (b.length > 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8) {
            return "jpg";
        }
        if (b.length > 8 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
            return "png";
        }
        if (b.length > 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F' && b[8] == 'W' && b[9] == 'E') {
            return "webp";
        }
        return null;
    }

    /** Keeps the photo and returns its reference for the appeal. */
    String save(byte[] bytes) throws IOException {
        String ext = extension(bytes);
        if (ext == null) {
            throw new IllegalArgumentException("not a JPEG, PNG or WebP image");
        }
        Files.createDirectories(dir);
        String name = UUID.randomUUID() + "." + ext;
        Path tmp = dir.resolve(name + ".part");
        Files.write(tmp, bytes);
        Files.move(tmp, dir.resolve(name), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return PREFIX + name;
    }

    void delete(String reference) {
        if (reference.startsWith(PREFIX)
                && NAME.matcher(reference.substring(PREFIX.length())).matches()) {
            try {
                Files.deleteIfExists(dir.resolve(reference.substring(PREFIX.length())));
            } catch (IOException e) {
                // an unreferenced file only takes space
            }
        }
    }

    @Override
    public byte[] fetch(String fileId) throws IOException {
        if (!fileId.startsWith(PREFIX)) {
            return remote.fetch(fileId);
        }
        String name = fileId.substring(PREFIX.length());
        if (!NAME.matcher(name).matches()) {
            throw new IOException("not a web-form photo reference");
        }
        Path file = dir.resolve(name);
        if (!Files.isRegularFile(file)) {
            throw new IOException("the photo file is missing");
        }
        return Files.readAllBytes(file);
    }
}
