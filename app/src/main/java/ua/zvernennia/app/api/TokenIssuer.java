package ua.zvernennia.app.api;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import ua.zvernennia.core.desk.ApiTokenStore;

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

    private final ApiTokenStore tokens;
    private final Clock clock;

    public TokenIssuer(ApiTokenStore tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    /** 32 random bytes, URL-safe Base64: a token's value. */
    public static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public Issued issue(String name, Role role, String by) {
        return issue(name, role, null, by);
    }

    /** @param executorId the executor an EXECUTOR token acts for; null for other roles */
    public Issued issue(String name, Role role, Long executorId, String by) {
        if ((role == Role.EXECUTOR) != (executorId != null)) {
            throw ua.zvernennia.core.refusal.Refusal.invalid(
                    "executorId", "an EXECUTOR token needs its executorId; other roles take none");
        }
        String token = newSecret();
        long id = tokens.create(name, role.name(), executorId, token, by, clock.instant());
        return new Issued(id, token);
    }
}
