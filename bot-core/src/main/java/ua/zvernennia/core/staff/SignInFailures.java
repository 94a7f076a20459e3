package ua.zvernennia.core.staff;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * Port: failed sign-ins per client address (and everyone's together, under a key of its own),
 * kept in the database that every instance of the app shares, so that guesses spread over the
 * instances behind a load balancer count as if they came to one. Thread-safe.
 */
public interface SignInFailures {
    /** A client's failures since they were last forgotten, and until when it is blocked. */
    record Count(int failures, Instant last, Instant blockedUntil) {}

    Optional<Count> find(String client);

    /**
     * Replaces the client's count by {@code next} of it (empty when there was none), atomically
     * across instances; returns the new count.
     */
    Count update(String client, Function<Optional<Count>, Count> next);

    void forget(String client);
}
