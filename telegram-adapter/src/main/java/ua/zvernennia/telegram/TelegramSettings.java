package ua.zvernennia.telegram;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import org.telegram.telegrambots.meta.TelegramUrl;

/**
 * How to reach Telegram. Immutable and thread-safe. {@link #toString()} never shows the token.
 *
 * @param token            the bot token from BotFather; it is part of every Bot API URL, so it is
 *                         never logged
 * @param apiUrl           the Bot API server: {@code https://api.telegram.org}, a self-hosted
 *                         telegram-bot-api, or a test fake (scheme, host and port only)
 * @param webhookUrl       when set, Telegram pushes updates to this public URL (which must route
 *                         to {@link TelegramWebhook#PATH} on the app); otherwise the bot polls
 * @param pollTimeout      how long one getUpdates call may wait for updates
 * @param globalPerSecond  messages per second to all chats together (Telegram allows about 30)
 * @param perChatPerSecond messages per second to one chat (Telegram asks for about 1)
 * @param perChatBurst     messages one chat may get at once before the per-chat rate applies
 * @param maxInlineWait    longest wait (rate limit or 429 retry_after) a send sits out itself;
 *                         longer waits are handed back to the outbox as RetryLater
 */
public record TelegramSettings(
        String token,
        URI apiUrl,
        URI webhookUrl,
        Duration pollTimeout,
        double globalPerSecond,
        double perChatPerSecond,
        int perChatBurst,
        Duration maxInlineWait) {

    public static final URI DEFAULT_API_URL = URI.create("https://api.telegram.org");

    public TelegramSettings {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(apiUrl, "apiUrl");
        Objects.requireNonNull(pollTimeout, "pollTimeout");
        Objects.requireNonNull(maxInlineWait, "maxInlineWait");
        // The token becomes a path segment; anything that could change the URL's shape is refused.
        if (token.isBlank() || !token.matches("[A-Za-z0-9:_\\-]+")) {
            throw new IllegalArgumentException("the Telegram bot token is empty or malformed");
        }
        if (!isHttp(apiUrl)
                || (apiUrl.getRawPath() != null
                        && !apiUrl.getRawPath().isEmpty()
                        && !apiUrl.getRawPath().equals("/"))
                || apiUrl.getRawQuery() != null) {
            throw new IllegalArgumentException(
                    "the Bot API URL must be http(s)://host[:port] without a path: " + apiUrl);
        }
        if (webhookUrl != null && !isHttp(webhookUrl)) {
            throw new IllegalArgumentException("the webhook URL must be an absolute http(s) URL: " + webhookUrl);
        }
        if (pollTimeout.isNegative() || pollTimeout.toSeconds() > 50) {
            throw new IllegalArgumentException("pollTimeout must be 0..50 seconds");
        }
        if (!(globalPerSecond > 0) || !(perChatPerSecond > 0) || perChatBurst < 1) {
            throw new IllegalArgumentException("rates must be positive and the burst at least 1");
        }
    }

    /** Long polling against api.telegram.org with Telegram's published limits. */
    public static TelegramSettings of(String token) {
        return new TelegramSettings(
                token, DEFAULT_API_URL, null, Duration.ofSeconds(25), 30, 1, 3, Duration.ofSeconds(5));
    }

    public TelegramSettings withApiUrl(URI url) {
        return new TelegramSettings(
                token, url, webhookUrl, pollTimeout, globalPerSecond, perChatPerSecond, perChatBurst, maxInlineWait);
    }

    public TelegramSettings withWebhookUrl(URI url) {
        return new TelegramSettings(
                token, apiUrl, url, pollTimeout, globalPerSecond, perChatPerSecond, perChatBurst, maxInlineWait);
    }

    public TelegramSettings withPollTimeout(Duration timeout) {
        return new TelegramSettings(
                token, apiUrl, webhookUrl, timeout, globalPerSecond, perChatPerSecond, perChatBurst, maxInlineWait);
    }

    public TelegramSettings withRates(double global, double perChat, int burst) {
        return new TelegramSettings(token, apiUrl, webhookUrl, pollTimeout, global, perChat, burst, maxInlineWait);
    }

    public TelegramSettings withMaxInlineWait(Duration wait) {
        return new TelegramSettings(
                token, apiUrl, webhookUrl, pollTimeout, globalPerSecond, perChatPerSecond, perChatBurst, wait);
    }

    public boolean webhookMode() {
        return webhookUrl != null;
    }

    /** The API server as telegrambots wants it. */
    public TelegramUrl telegramUrl() {
        int port = apiUrl.getPort() != -1 ? apiUrl.getPort() : "https".equalsIgnoreCase(apiUrl.getScheme()) ? 443 : 80;
        return new TelegramUrl(apiUrl.getScheme().toLowerCase(java.util.Locale.ROOT), apiUrl.getHost(), port, false);
    }

    @Override
    public String toString() {
        return "TelegramSettings[token=<hidden>, apiUrl=" + apiUrl + ", webhookUrl=" + webhookUrl + ", pollTimeout="
                + pollTimeout
                + ", globalPerSecond=" + globalPerSecond + ", perChatPerSecond=" + perChatPerSecond + ", perChatBurst="
                + perChatBurst
                + ", maxInlineWait=" + maxInlineWait + "]";
    }

    private static boolean isHttp(URI u) {
        return u.isAbsolute()
                && u.getHost() != null
                && ("http".equalsIgnoreCase(u.getScheme()) || "https".equalsIgnoreCase(u.getScheme()));
    }
}
