package ua.zvernennia.core.executor;

import java.util.Objects;

/**
 * A photo of the work done, sent with the resolution of an appeal through the API and kept with
 * the appeal. Its bytes are in {@code bytes}, or in the file {@code storedPath} under the media
 * folder; likewise its shared copy, a JPEG small enough for a messenger that fetches pictures by
 * their public address (Viber), which is none ({@code shared} and {@code sharedPath} both null)
 * when the picture could not be decoded.
 *
 * @param token       random, unguessable (at least 128 bits): the only name of its public address
 * @param contentType the media type sniffed from the bytes
 * @param size        the photo's size in bytes
 * @param thumbnail   a small JPEG for lists; null when none could be made
 */
public record ResolutionPhoto(
        String token,
        String contentType,
        long size,
        byte[] bytes,
        String storedPath,
        byte[] thumbnail,
        byte[] shared,
        String sharedPath) {
    public ResolutionPhoto {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(contentType, "contentType");
        if ((bytes == null) == (storedPath == null)) {
            throw new IllegalArgumentException("a photo is kept in the database or in a file");
        }
        if (shared != null && sharedPath != null) {
            throw new IllegalArgumentException("a shared copy is kept in the database or in a file");
        }
    }

    /** Whether a copy of it may be shown by its public address. */
    public boolean hasSharedCopy() {
        return shared != null || sharedPath != null;
    }
}
