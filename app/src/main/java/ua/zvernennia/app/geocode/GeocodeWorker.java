package ua.zvernennia.app.geocode;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ua.zvernennia.core.appeal.GeoPoint;
import ua.zvernennia.storage.GeocodeRows;
import ua.zvernennia.storage.Storage;

/**
 * Finds typed problem places on the map in the background, one appeal at a time, newest first:
 * from the cache when the same place was asked before (a found point for good, "not found" for a
 * week), else from the geocoder, never faster than one request per {@code interval}. A failure
 * is retried with growing pauses (the server's Retry-After when it gives one) and given up after
 * {@link #MAX_ATTEMPTS}; it never touches the appeal itself. Neither the place nor anything else
 * of the appeal's is logged, only its number.
 */
public final class GeocodeWorker implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(GeocodeWorker.class);
    static final int MAX_ATTEMPTS = 6;
    static final Duration NOT_FOUND_KEPT = Duration.ofDays(7);
    private static final Duration IDLE = Duration.ofSeconds(1);

    private final Storage storage;
    private final Geocoder geocoder;
    private final Clock clock;
    private final Duration interval;
    private final Thread thread;
    private volatile boolean running = true;
    private long lastRequest = Long.MIN_VALUE / 2;

    public GeocodeWorker(Storage storage, URI geocoder, String userAgent, GeoPoint centre, Duration interval, Clock clock) {
        this.storage = storage;
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
        long now = clock.millis();
        Optional<GeocodeRows.Due> next = storage.read(s -> s.geocodes().nextDue(now));
        if (next.isEmpty()) {
            return false;
        }
        GeocodeRows.Due due = next.get();
        String place = normalised(due.placeAddress());
        if (place.isEmpty()) {
            storage.write(s -> {
                s.geocodes().answered(due.number(), null, now);
                return null;
            });
            return true;
        }
        String hash = sha256(place);
        Optional<GeocodeRows.Answer> cached = storage.read(s -> s.geocodes().cached(hash));
        if (cached.isPresent() && (cached.get().found() || now - cached.get().fetchedAt() < NOT_FOUND_KEPT.toMillis())) {
            storage.write(s -> {
                s.geocodes().answered(due.number(), cached.get().point(), now);
                return null;
            });
            return true;
        }
        long wait = lastRequest + interval.toMillis() - System.nanoTime() / 1_000_000;
        if (wait > 0) {
            sleep(wait);
        }
        lastRequest = System.nanoTime() / 1_000_000;
        try {
            Optional<GeoPoint> point = geocoder.find(place);
            long at = clock.millis();
            storage.write(s -> {
                s.geocodes().cache(hash, point.orElse(null), at);
                s.geocodes().answered(due.number(), point.orElse(null), at);
                return null;
            });
            log.info("geocoder: appeal {} {}", due.number(), point.isPresent() ? "found on the map" : "not found");
        } catch (IOException e) {
            failed(due, e.getMessage(), e instanceof Geocoder.Unavailable u ? u.retryAfter : null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
        return true;
    }

    private void failed(GeocodeRows.Due due, String reason, Duration retryAfter) {
        long at = clock.millis();
        int attempts = due.attempts() + 1;
        Long notBefore = attempts >= MAX_ATTEMPTS ? null
                : at + Math.max(retryAfter == null ? 0 : retryAfter.toMillis(), Duration.ofMinutes(1L << Math.min(10, attempts)).toMillis());
        storage.write(s -> {
            s.geocodes().failed(due.number(), reason == null ? "failed" : reason, notBefore, at);
            return null;
        });
        log.warn("geocoder: appeal {} not looked up ({}); {}", due.number(), reason, notBefore == null ? "given up" : "tried again later");
    }

    /** The place as it is asked and cached: spaces collapsed, lower case. */
    static String normalised(String place) {
        return place == null ? "" : place.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
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
