package ua.zvernennia.app.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import ua.zvernennia.core.desk.ApiTokenStore;

/**
 * The one token check of the app: the API, the console's sign-in and the metrics ask it who holds
 * a token. Thread-safe.
 */
public final class Authenticator {
    private final Optional<String> adminToken;
    private final ApiTokenStore tokens;

    /** @param adminToken {@code ADMIN_TOKEN}, the first admin's */
    public Authenticator(Optional<String> adminToken, ApiTokenStore tokens) {
        this.adminToken = adminToken;
        this.tokens = tokens;
    }

    /** Who holds {@code token}: the admin of {@code ADMIN_TOKEN}, or an active issued token. */
    public Optional<Caller> identify(String token) {
        if (adminToken.isPresent()
                && MessageDigest.isEqual(
                        adminToken.get().getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8))) {
            return Optional.of(new Caller("admin", Role.ADMIN));
        }
        return tokens.findActive(token).map(t -> new Caller(t.name(), Role.valueOf(t.role()), t.executorId()));
    }

    /**
     * Who holds the token whose {@link ApiTokenStore#hash} this is: as {@link #identify}, for a
     * console session, which keeps only the hash.
     */
    public Optional<Caller> identifyHash(String hash) {
        if (adminToken.isPresent()
                && MessageDigest.isEqual(
                        ApiTokenStore.hash(adminToken.get()).getBytes(StandardCharsets.US_ASCII),
                        hash.getBytes(StandardCharsets.US_ASCII))) {
            return Optional.of(new Caller("admin", Role.ADMIN));
        }
        return tokens.findActiveByHash(hash).map(t -> new Caller(t.name(), Role.valueOf(t.role()), t.executorId()));
    }
}
