package ua.zvernennia.app.media;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ua.zvernennia.app.Periodic;
import ua.zvernennia.core.chat.Channel;
import ua.zvernennia.core.media.PhotoStore;

/**
 * Downloads the photos queued at receipt and keeps their bytes: each is fetched from its
 * messenger, refused when larger than the limit or not an image by its content, and kept with a
 * thumbnail. A failed download is tried again with growing pauses, and given up after
 * {@link #MAX_ATTEMPTS}. Safe to run in several instances: a photo is claimed before it is
 * fetched. Thread-safe.
 */
public final class PhotoKeeper implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PhotoKeeper.class);
    static final int MAX_ATTEMPTS = 8;
    static final int BATCH = 10;
    static final Duration LEASE = Duration.ofMinutes(5);
    static final Duration FIRST_PAUSE = Duration.ofSeconds(10);
    static final Duration MAX_PAUSE = Duration.ofHours(1);

    private final PhotoStore store;
    private final Map<Channel, PhotoSource> sources;
    private final KeptPhotos vault;
    private final long maxBytes;
    private final Clock clock;
    private Periodic timer;

    public PhotoKeeper(
            PhotoStore store, Map<Channel, PhotoSource> sources, KeptPhotos vault, long maxBytes, Clock clock) {
        this.store = store;
        this.sources = Map.copyOf(sources);
        this.vault = vault;
        this.maxBytes = maxBytes;
        this.clock = clock;
    }

    /** Looks for queued photos every {@code interval}. */
    public synchronized void start(Duration interval) {
        timer = Periodic.start("photo-keeper", Duration.ZERO, interval, () -> {
            while (runOnce() == BATCH) {
                // a backlog: keep going
            }
        });
    }

    /**
     * Downloads the photos due now, up to a batch, and deletes the files of erased ones; returns
     * how many photos were looked at.
     */
    public int runOnce() {
        deleteErasedFiles();
        Instant now = clock.instant();
        List<PhotoStore.Pending> due = store.due(now, BATCH);
        for (PhotoStore.Pending p : due) {
            if (store.claim(p.id(), now, now.plus(LEASE))) {
                keep(p);
            }
        }
        return due.size();
    }

    /** Files of erased photos go after the erasure is committed; a crash in between leaves them for the next round. */
    private void deleteErasedFiles() {
        List<PhotoStore.Kept> erased = store.erasedFiles(BATCH);
        for (PhotoStore.Kept k : erased) {
            vault.delete(List.of(k.storedPath()));
            store.fileDeleted(k.id());
        }
    }

    private void keep(PhotoStore.Pending p) {
        PhotoSource source = sources.get(p.channel());
        if (source == null) {
            later(p, p.channel() + " is not configured here");
            return;
        }
        byte[] bytes;
        try {
            bytes = source.fetch(p.fileId());
        } catch (SafeMediaFetch.Refused e) {
            giveUp(p, e.getMessage());
            return;
        } catch (IOException | RuntimeException e) {
            later(p, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            return;
        }
        String problem = problem(bytes, maxBytes);
        if (problem != null) {
            giveUp(p, problem);
            return;
        }
        String type = Images.type(bytes);
        byte[] thumbnail = Images.thumbnail(bytes);
        KeptPhotos.Placed placed;
        try {
            placed = vault.place(bytes);
        } catch (IOException e) {
            later(p, "the media folder cannot be written: " + e.getClass().getSimpleName());
            return;
        }
        store.kept(p.id(), type, bytes.length, placed.bytes(), placed.fileName(), thumbnail, clock.instant());
    }

    /**
     * Why a photo is not kept, or null when it is: larger than {@code maxBytes}, or not a JPEG,
     * PNG, GIF or WebP picture by its content. Every photo the app keeps passes this check.
     */
    public static String problem(byte[] bytes, long maxBytes) {
        if (bytes.length > maxBytes) {
            return "the photo is over " + maxBytes + " bytes";
        }
        if (Images.type(bytes) == null) {
            return "not a JPEG, PNG, GIF or WebP picture";
        }
        return null;
    }

    private void later(PhotoStore.Pending p, String why) {
        int attempts = p.attempts() + 1;
        if (attempts >= MAX_ATTEMPTS) {
            giveUp(p, why);
            return;
        }
        Duration pause = FIRST_PAUSE.multipliedBy(1L << Math.min(attempts - 1, 20));
        Instant at = clock.instant().plus(pause.compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : pause);
        store.retry(p.id(), at, why);
    }

    private void giveUp(PhotoStore.Pending p, String why) {
        log.warn("a {} photo was not kept: {}", p.channel(), why);
        store.failed(p.id(), why);
    }

    @Override
    public synchronized void close() {
        if (timer != null) {
            timer.close();
        }
    }
}
