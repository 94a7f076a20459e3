package ua.zvernennia.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ua.zvernennia.telegram.BotApiHttp.BotApiException;

/**
 * Updates pushed by Telegram to {@link #PATH} on the app's own HTTP server. {@link #start()}
 * registers the webhook with a fresh random secret; {@link #handle} refuses every request that
 * does not carry it (telegrambots' webhook module does not check it) and answers 200 only once
 * the update is committed, so that Telegram sends again whatever was not. Thread-safe.
 */
public final class TelegramWebhook {
    private static final Logger log = LoggerFactory.getLogger(TelegramWebhook.class);
    public static final String PATH = "/telegram/webhook";
    public static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";
    /** Telegram gives up on a webhook call after about a minute; answer before that. */
    private static final Duration COMMIT_TIMEOUT = Duration.ofSeconds(50);

    private static final int SECRET_BYTES = 32;

    private final BotApiHttp api;
    private final URI url;
    private final TelegramUpdates updates;
    private final ObjectMapper json;
    private final SecureRandom random;
    /** The secret every instance derives alike from the bot token, where several share the bot; else null. */
    private final String sharedSecret;

    private volatile byte[] secret;

    TelegramWebhook(BotApiHttp api, URI url, TelegramUpdates updates, ObjectMapper json, SecureRandom random) {
        this(api, url, updates, json, random, null);
    }

    TelegramWebhook(
            BotApiHttp api,
            URI url,
            TelegramUpdates updates,
            ObjectMapper json,
            SecureRandom random,
            String sharedSecret) {
        this.api = api;
        this.url = url;
        this.updates = updates;
        this.json = json;
        this.random = random;
        this.sharedSecret = sharedSecret;
    }

    /**
     * The secret for several instances of the app behind one webhook URL: each calls setWebhook at
     * its start, and a random secret of each would shut the others out. Derived from the bot token
     * (HMAC-SHA256 of a fixed label), so that only who has the token can know it.
     */
    static String sharedSecret(String botToken) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(botToken.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] bytes = mac.doFinal("zvernennia: Telegram webhook secret_token".getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing", e);
        }
    }

    /**
     * Registers the webhook with Telegram under a new secret (where several instances share the
     * bot, under the one they all derive from its token); updates that were waiting are kept.
     *
     * @throws IOException when Telegram refuses or cannot be reached (the message has no token)
     */
    public synchronized void start() throws IOException {
        byte[] bytes = new byte[SECRET_BYTES];
        random.nextBytes(bytes);
        // Base64url uses exactly the characters Telegram allows in a secret_token.
        String token = sharedSecret != null
                ? sharedSecret
                : Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("url", url.toString());
        params.put("secret_token", token);
        params.put("allowed_updates", TelegramPoller.ALLOWED_UPDATES);
        params.put("drop_pending_updates", false);
        // The old secret stays valid until Telegram has the new one: requests in flight still pass.
        byte[] previous = secret;
        try {
            api.call("setWebhook", params);
        } catch (BotApiException e) {
            secret = previous;
            throw e;
        }
        secret = token.getBytes(StandardCharsets.US_ASCII);
        log.info("Telegram webhook set to {}", url);
    }

    /**
     * Handles one POST of Telegram's; blocks until the update is committed.
     *
     * @param secretHeader the request's {@value #SECRET_HEADER} header, null when absent
     * @param body         the request body, the update as JSON
     * @return the HTTP status to answer: 200 done (also for a malformed update, which is skipped
     *     for good), 401/403 without or with a wrong secret, 503 before {@link #start()}, 500 when
     *     the update could not be committed (Telegram will send it again)
     */
    public int handle(String secretHeader, byte[] body) {
        byte[] expected = secret;
        if (expected == null) {
            return 503;
        }
        if (secretHeader == null || secretHeader.isEmpty()) {
            log.warn("refused a webhook request without the secret token");
            return 401;
        }
        if (!MessageDigest.isEqual(expected, secretHeader.getBytes(StandardCharsets.UTF_8))) {
            log.warn("refused a webhook request with a wrong secret token");
            return 403;
        }
        JsonNode update;
        try {
            update = json.readTree(body);
        } catch (IOException e) {
            log.warn("skipping a webhook update that is not JSON");
            return 200;
        }
        if (update == null || !update.isObject()) {
            log.warn("skipping a webhook update that is not a JSON object");
            return 200;
        }
        try {
            updates.accept(update).get(COMMIT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return 200;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 503;
        } catch (ExecutionException | TimeoutException e) {
            log.warn("update {} was not committed; Telegram will send it again", TelegramUpdates.updateId(update));
            return 500;
        }
    }
}
