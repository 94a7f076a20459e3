package ua.zvernennia.app.api;

import java.security.SecureRandom;
import java.util.Base64;

/** Issues API tokens: for the tokens API and the console. Thread-safe. */
public final class TokenIssuer {
    public static final int MAX_NAME = 100;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A new token: the value is returned this once; only its hash is stored. */
    public record Issued(long id, String token) {
        @Override
        public String toString() {
            return "Issued[id=" + id + "]";
        }
    }

    private TokenIssuer() {
    }

    /** 32 random bytes, URL-safe Base64: a token's value. */
    public static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static Issued issue(Api.Deps deps, String name, Role role, String by) {
        String token = newSecret();
        long id = deps.storage().write(s -> s.apiTokens().create(name, role.name(), token, by, deps.clock().instant()));
        return new Issued(id, token);
    }
}
