package ua.zvernennia.core.staff;

import java.time.Instant;
import java.util.Optional;

/**
 * Port: the web console's signed-in browsers, kept in the database that every instance of the app
 * shares, so that a sign-in on one instance holds on the next request whichever instance it lands
 * on. A session is found by the hash of its id and names the hash of the API token it signed in
 * with: the table signs nobody in. Thread-safe.
 */
public interface ConsoleSessions {
    /**
     * One session.
     *
     * @param filter what the console keeps between pages (the appeals list's filters), as text
     * @param flash  the message for the next page, as text, never with a secret in it
     */
    record Stored(
            String idHash,
            String csrf,
            String tokenHash,
            Instant createdAt,
            Instant lastSeen,
            String filter,
            String flash) {}

    void open(Stored session);

    Optional<Stored> find(String idHash);

    /** The browser came back at {@code at}. */
    void seen(String idHash, Instant at);

    /** What the console keeps between pages changed. */
    void keep(String idHash, String filter, String flash);

    void close(String idHash);

    /** Ends sessions not seen since {@code before}; returns how many. */
    int forgetIdleSince(Instant before);
}
