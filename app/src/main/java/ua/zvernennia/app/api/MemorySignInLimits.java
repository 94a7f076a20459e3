package ua.zvernennia.app.api;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import ua.zvernennia.core.staff.SignInFailures.Count;

/**
 * {@link SignInLimits} in this process's memory: a restart forgets the counts. Per client, the
 * first {@link #FREE_PER_CLIENT} failures cost nothing; then each failure blocks the client for
 * one second, doubling with every further failure up to {@link #MAX_WAIT}; a client's failures
 * are forgotten after {@link #FORGET_CLIENT} without one, or on a right token. Overall, more than
 * {@link #FREE_OVERALL} failures within {@link #FORGET_OVERALL} of each other block every
 * client's attempts in the same growing way. Thread-safe.
 */
public final class MemorySignInLimits implements SignInLimits {
    static final int FREE_PER_CLIENT = 5;
    static final int FREE_OVERALL = 100;
    static final Duration FIRST_WAIT = Duration.ofSeconds(1);
    static final Duration MAX_WAIT = Duration.ofMinutes(15);
    static final Duration FORGET_CLIENT = Duration.ofHours(1);
    static final Duration FORGET_OVERALL = Duration.ofMinutes(1);
    private static final int MAX_CLIENTS = 100_000;

    private final Map<String, Count> clients = new ConcurrentHashMap<>();
    private volatile Count overall = new Count(0, Instant.EPOCH, Instant.EPOCH);

    @Override
    public Duration wait(String client, Instant now) {
        Instant until = overall.blockedUntil();
        Count c = clients.get(client);
        if (c != null && c.blockedUntil().isAfter(until)) {
            until = c.blockedUntil();
        }
        return until.isAfter(now) ? Duration.between(now, until) : Duration.ZERO;
    }

    @Override
    public void failed(String client, Instant now) {
        if (clients.size() >= MAX_CLIENTS) {
            clients.values()
                    .removeIf(c -> c.last().plus(FORGET_CLIENT).isBefore(now)
                            && !c.blockedUntil().isAfter(now));
        }
        clients.compute(client, (k, c) -> next(c, now, FREE_PER_CLIENT, FORGET_CLIENT));
        synchronized (this) {
            overall = next(overall, now, FREE_OVERALL, FORGET_OVERALL);
        }
    }

    @Override
    public void succeeded(String client, Instant now) {
        clients.remove(client);
    }

    /**
     * A key's count after one more failure at {@code now} ({@code c} null: none before): the first
     * {@code free} failures cost nothing, then each blocks for a second, doubling up to
     * {@link #MAX_WAIT}; failures are forgotten after {@code forgetAfter} without one. The rule of
     * {@link SharedSignInLimits} too.
     */
    static Count next(Count c, Instant now, int free, Duration forgetAfter) {
        int failures = c == null || c.last().plus(forgetAfter).isBefore(now) ? 1 : c.failures() + 1;
        Instant blockedUntil = c == null ? Instant.EPOCH : c.blockedUntil();
        if (failures > free) {
            int doublings = Math.min(failures - free - 1, 20);
            Duration wait = FIRST_WAIT.multipliedBy(1L << doublings);
            blockedUntil = now.plus(wait.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait);
        }
        return new Count(failures, now, blockedUntil);
    }
}
