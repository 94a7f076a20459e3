package ua.zvernennia.app.api;

import java.time.Duration;
import java.time.Instant;

/**
 * Failed sign-ins and failed bearer tokens, counted per client address and overall, so that
 * tokens cannot be guessed at full speed: after a few failures a client waits, each further
 * failure doubles the wait, and a flood of failures from many addresses slows everybody's
 * attempts. {@link MemorySignInLimits} counts in this process (one instance alone with an
 * embedded database), {@link SharedSignInLimits} in the database that several instances share.
 * Implementations are thread-safe.
 */
public interface SignInLimits {
    /** How long {@code client} must wait before its next attempt is even looked at; zero: go ahead. */
    Duration wait(String client, Instant now);

    /** A wrong token from {@code client}. */
    void failed(String client, Instant now);

    /** A right token from {@code client}: its own failures are forgotten. */
    void succeeded(String client, Instant now);
}
