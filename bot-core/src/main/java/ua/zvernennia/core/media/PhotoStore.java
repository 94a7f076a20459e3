package ua.zvernennia.core.media;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import ua.zvernennia.core.chat.Channel;

/**
 * Port: the photos queued at receipt (see {@link MediaQueue}) as the downloader and the staff's
 * views see them: what is due, claiming one, keeping its bytes or giving up, and reading what was
 * kept. Several instances may run the downloader: a photo is claimed by a conditional update
 * before it is fetched. Each call is its own transaction. Thread-safe.
 */
public interface PhotoStore {
    /** What is known of a photo. */
    enum Status {
        PENDING,
        KEPT,
        FAILED,
        ERASED
    }

    /** A queued photo to download. */
    record Pending(long id, Channel channel, String fileId, int attempts) {}

    /**
     * A photo as kept: the bytes are in {@code bytes}, or in the file {@code storedPath} under the
     * media folder; {@code thumbnail} may be null (a type the JDK cannot scale).
     */
    record Kept(
            long id,
            Status status,
            String contentType,
            byte[] bytes,
            String storedPath,
            byte[] thumbnail,
            String lastError) {}

    /** The photo with this messenger's file id, as kept (or still queued, or given up). */
    Optional<Kept> find(Channel channel, String fileId);

    /** Queued photos due at {@code now}, the oldest first. */
    List<Pending> due(Instant now, int limit);

    /**
     * Takes a due photo for this downloader until {@code leaseUntil}: false when another one took
     * it first. A downloader that dies leaves it to be taken again after the lease.
     */
    boolean claim(long id, Instant now, Instant leaseUntil);

    /** The photo's bytes are kept: in {@code bytes}, or in the file {@code storedPath}. */
    void kept(long id, String contentType, long size, byte[] bytes, String storedPath, byte[] thumbnail, Instant now);

    /** The download failed; try again from {@code notBefore}. */
    void retry(long id, Instant notBefore, String error);

    /** Given up: the photo is not kept, for the reason in {@code error}. */
    void failed(long id, String error);

    /** Photos of erased rows whose files are still to be deleted from the media folder. */
    List<Kept> erasedFiles(int limit);

    /** The erased photo's file is deleted. */
    void fileDeleted(long id);
}
