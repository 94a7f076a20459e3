package ua.zvernennia.app.geocode;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ua.zvernennia.core.appeal.GeoPoint;
import ua.zvernennia.core.lease.Lease;
import ua.zvernennia.core.openmap.GeocodeQueue;

/**
 * Finds typed problem places on the map in the background, one appeal at a time, newest first:
 * from the cache when the same place was asked before (a found point for good, "not found" for a
 * week), else from the geocoder, never faster than one request per {@code interval}. A failure
 * is retried with growing pauses (the server's Retry-After when it gives one) and given up after
 * {@link #MAX_ATTEMPTS}; it never touches the appeal itself. Neither the place nor anything else
 * of the appeal's is logged, only its number. Of several instances sharing the database, the
 * holder of the {@link #LEASE} alone asks the geocoder, so that its usage policy holds for the city.
 */
public final class GeocodeWorker implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(GeocodeWorker.class);
    static final int MAX_ATTEMPTS = 6;
    static final Duration NOT_FOUND_KEPT = Duration.ofDays(7);
    private static final Duration IDLE = Duration.ofSeconds(1);
    /** The lease under which one instance of several looks places up. */
    public static final String LEASE = "geocoder";

    private final GeocodeQueue queue;
    private final Geocoder geocoder;
    private final Clock clock;
    private final Duration interval;
    private final Lease lease;
    private final Thread thread;
    private volatile boolean running = true;
    private long lastRequest = Long.MIN_VALUE / 2;

    /**
     * @param geocoder  the geocoder's base URL (Nominatim's API)
     * @param userAgent how the app names itself to the geocoder, with a contact
     * @param centre    the city's centre: places near it are preferred
     * @param interval  the least time between two requests to the geocoder
     */
    public GeocodeWorker(
            GeocodeQueue queue, URI geocoder, String userAgent, GeoPoint centre, Duration interval, Clock clock) {
        this(queue, geocoder, userAgent, centre, interval, clock, Lease.always(LEASE));
    }

    /** @param lease held by the one instance of several that looks places up */
    public GeocodeWorker(
            GeocodeQueue queue,
            URI geocoder,
            String userAgent,
            GeoPoint centre,
            Duration interval,
            Clock clock,
            Lease lease) {
        this.lease = lease;
        this.queue = queue;
        this.geocoder = new Geocoder(geocoder, userAgent, centre);
        this.clock = clock;
        this.interval = interval;
        this.thread = new Thread(this::loop, "geocoder");
        this.thread.setDaemon(true);
    }

    public GeocodeWorker start() {
        thread.start();
        return this;
    }

    private void loop() {
        while (running) {
            boolean worked;
            try {
                worked = step();
            } catch (RuntimeException e) {
                log.warn("geocoder: {}", e.toString());
                worked = false;
            }
            if (!worked) {
                sleep(IDLE.toMillis());
            }
        }
    }

    /** Looks one due appeal up; false when none was due. */
    boolean step() {
        if (!lease.held()) {
            return false;
        }
        Instant now = clock.instant();
        Optional<GeocodeQueue.Due> next = queue.nextDue(now);
        if (next.isEmpty()) {
            return false;
        }
        GeocodeQueue.Due due = next.get();
        String place = normalised(due.placeAddress());
        if (place.isEmpty()) {
            queue.answered(due.number(), null, null, now);
            return true;
        }
        String hash = sha256(place);
        Optional<GeocodeQueue.Answer> cached = queue.cached(hash);
        if (cached.isPresent()
                && (cached.get().found()
                        || cached.get().fetchedAt().plus(NOT_FOUND_KEPT).isAfter(now))) {
            queue.answered(due.number(), cached.get().point(), null, now);
            return true;
        }
        long wait = lastRequest + interval.toMillis() - System.nanoTime() / 1_000_000;
        if (wait > 0) {
            sleep(wait);
        }
        lastRequest = System.nanoTime() / 1_000_000;
        try {
            Optional<GeoPoint> point = geocoder.find(place);
            queue.answered(due.number(), point.orElse(null), hash, clock.instant());
            log.info("geocoder: appeal {} {}", due.number(), point.isPresent() ? "found on the map" : "not found");
        } catch (IOException e) {
            failed(due, e.getMessage(), e instanceof Geocoder.Unavailable u ? u.retryAfter : null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
        return true;
    }

    private void failed(GeocodeQueue.Due due, String reason, Duration retryAfter) {
        Instant at = clock.instant();
        int attempts = due.attempts() + 1;
        Instant notBefore = attempts >= MAX_ATTEMPTS
                ? null
                : at.plus(max(
                        retryAfter == null ? Duration.ZERO : retryAfter,
                        Duration.ofMinutes(1L << Math.min(10, attempts))));
        queue.failed(due.number(), reason == null ? "failed" : reason, notBefore, at);
        log.warn(
                "geocoder: appeal {} not looked up ({}); {}",
                due.number(),
                reason,
                notBefore == null ? "given up" : "tried again later");
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** The place as it is asked and cached: spaces collapsed, lower case. */
    static String normalised(String place) {
        return place == null ? "" : place.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    static String sha256(String s) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join(5_000);
    }
}
