package ua.zvernennia.app.console;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * The console's signed-in browsers: {@link MemorySessions} keeps them in this process (one
 * instance alone with an embedded database), {@link SharedSessions} in the database that several
 * instances share (a sign-in on one holds on the others). Implementations are thread-safe.
 */
interface Sessions {
    /** A new session for a browser signed in with {@code token}. */
    Session open(String token);

    /** The live session with this id, marked as seen now; empty for none, an ended or an idle one. */
    Optional<Session> find(String id);

    /** Ends the session. */
    void close(Session s);

    /**
     * Whether a request may land on another instance than the one that served the last: then a
     * flash's secret (a newly issued token) travels to the next page in a one-time cookie, never
     * into the database.
     */
    default boolean shared() {
        return false;
    }

    /** 256 random bits, URL-safe: session ids, CSRF tokens, one-time form values. */
    static String random() {
        byte[] bytes = new byte[32];
        Holder.RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The generator, shared. */
    final class Holder {
        static final SecureRandom RANDOM = new SecureRandom();

        private Holder() {}
    }
}
