package ua.zvernennia.app.open311;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts requests of each client (a partner's key, a web-form visitor's address) in fixed
 * windows and says whether one more fits its limit. Kept in memory: a restart forgets the
 * counts, which only lets a client start afresh. Thread-safe.
 */
public final class RateLimit {
    private static final int FORGET_ABOVE = 10_000;

    private record Window(long start, int count) {}

    private final Clock clock;
    private final long windowMillis;
    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

    public RateLimit(Clock clock, Duration window) {
        this.clock = clock;
        this.windowMillis = window.toMillis();
    }

    /** Counts one request of {@code client}; false when it is over {@code limit} in the current window. */
    public boolean tryAcquire(String client, int limit) {
        long now = clock.millis();
        if (windows.size() > FORGET_ABOVE) {
            windows.values().removeIf(w -> now - w.start() >= windowMillis);
        }
        Window w = windows.compute(
                client,
                (k, old) -> old == null || now - old.start() >= windowMillis
                        ? new Window(now, 1)
                        : new Window(old.start(), old.count() + 1));
        return w.count() <= limit;
    }
}
