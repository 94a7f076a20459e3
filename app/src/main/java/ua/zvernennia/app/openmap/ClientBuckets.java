package ua.zvernennia.app.openmap;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per client (address): {@code perMinute} requests in a burst, refilled at
 * {@code perMinute} a minute. In memory, forgetting full buckets past 10,000 clients; a restart
 * lets everyone start afresh. Thread-safe.
 */
final class ClientBuckets {
    private static final int FORGET_ABOVE = 10_000;

    /** Tokens left as of {@code at} (milliseconds). */
    private record Bucket(double tokens, long at) {}

    private final Clock clock;
    private final int perMinute;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    ClientBuckets(Clock clock, int perMinute) {
        this.clock = clock;
        this.perMinute = perMinute;
    }

    /** Takes one token of {@code client}'s; 0 when it had one, else the milliseconds until it will. */
    long take(String client) {
        long now = clock.millis();
        if (buckets.size() > FORGET_ABOVE) {
            buckets.values().removeIf(b -> refilled(b, now) >= perMinute);
        }
        long[] wait = {0};
        buckets.compute(client, (k, b) -> {
            double tokens = b == null ? perMinute : refilled(b, now);
            if (tokens >= 1) {
                return new Bucket(tokens - 1, now);
            }
            wait[0] = (long) Math.ceil((1 - tokens) * 60_000.0 / perMinute);
            return new Bucket(tokens, now);
        });
        return wait[0];
    }

    private double refilled(Bucket b, long now) {
        return Math.min(perMinute, b.tokens() + (now - b.at()) * perMinute / 60_000.0);
    }
}
