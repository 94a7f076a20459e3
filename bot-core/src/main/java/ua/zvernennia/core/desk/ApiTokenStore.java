package ua.zvernennia.core.desk;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Port: the API tokens of operators and admins, kept so that a token cannot be read back (as a
 * hash). Each call is its own transaction. Thread-safe.
 */
public interface ApiTokenStore {
    /** A token as listed: never the token itself. */
    record ApiToken(long id, String name, String role, Instant createdAt, String createdBy, Instant revokedAt) {
        public boolean active() {
            return revokedAt == null;
        }
    }

    /** Keeps a new token and returns its id. */
    long create(String name, String role, String token, String createdBy, Instant now);

    List<ApiToken> list();

    /** The active token with this value, if any. */
    Optional<ApiToken> findActive(String token);

    /** Revokes the token; false when there is no active token with this id. */
    boolean revoke(long id, Instant now);
}
