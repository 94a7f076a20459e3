package ua.zvernennia.app.api;

import java.time.Duration;
import java.time.Instant;
import ua.zvernennia.core.staff.SignInFailures;
import ua.zvernennia.core.staff.SignInFailures.Count;

/**
 * {@link SignInLimits} counted in the database that several instances share, by the same rule as
 * {@link MemorySignInLimits}: guesses spread by a load balancer over the instances count as if
 * they all came to one, and a client blocked on one instance is blocked on all. A request with a
 * right token costs one read (two for the wait), and a write only when the client had failures.
 * Thread-safe.
 */
public final class SharedSignInLimits implements SignInLimits {
    /** The key of everyone's failures together: no client address looks like it. */
    static final String OVERALL = "*";

    private final SignInFailures failures;

    public SharedSignInLimits(SignInFailures failures) {
        this.failures = failures;
    }

    @Override
    public Duration wait(String client, Instant now) {
        Instant until = blockedUntil(OVERALL);
        Instant own = blockedUntil(client);
        if (own.isAfter(until)) {
            until = own;
        }
        return until.isAfter(now) ? Duration.between(now, until) : Duration.ZERO;
    }

    @Override
    public void failed(String client, Instant now) {
        failures.update(
                client,
                c -> MemorySignInLimits.next(
                        c.orElse(null), now, MemorySignInLimits.FREE_PER_CLIENT, MemorySignInLimits.FORGET_CLIENT));
        failures.update(
                OVERALL,
                c -> MemorySignInLimits.next(
                        c.orElse(null), now, MemorySignInLimits.FREE_OVERALL, MemorySignInLimits.FORGET_OVERALL));
    }

    @Override
    public void succeeded(String client, Instant now) {
        if (failures.find(client).isPresent()) {
            failures.forget(client);
        }
    }

    private Instant blockedUntil(String key) {
        return failures.find(key).map(Count::blockedUntil).orElse(Instant.EPOCH);
    }
}
