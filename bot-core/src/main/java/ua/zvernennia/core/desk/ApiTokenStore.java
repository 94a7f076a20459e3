package ua.zvernennia.core.desk;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Port: the API tokens of operators and admins, kept so that a token cannot be read back (as a
 * hash). Each call is its own transaction. Thread-safe.
 */
public interface ApiTokenStore {
    /** A token as listed: never the token itself. */
    /** @param executorId the executor an EXECUTOR token acts for; null for other roles */
    record ApiToken(
            long id,
            String name,
            String role,
            Instant createdAt,
            String createdBy,
            Instant revokedAt,
            Long executorId) {
        public boolean active() {
            return revokedAt == null;
        }
    }

    /** Keeps a new token and returns its id. */
    default long create(String name, String role, String token, String createdBy, Instant now) {
        return create(name, role, null, token, createdBy, now);
    }

    /** Keeps a new token bound to an executor (for the role EXECUTOR) and returns its id. */
    long create(String name, String role, Long executorId, String token, String createdBy, Instant now);

    List<ApiToken> list();

    /** The active token with this value, if any. */
    default Optional<ApiToken> findActive(String token) {
        return findActiveByHash(hash(token));
    }

    /** The active token whose {@link #hash} this is, if any. */
    Optional<ApiToken> findActiveByHash(String hash);

    /** SHA-256 of the token, in hex: what is kept instead of it. */
    static String hash(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }

    /** Revokes the token; false when there is no active token with this id. */
    boolean revoke(long id, Instant now);
}
