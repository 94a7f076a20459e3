package ua.zvernennia.viber;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import ua.zvernennia.core.chat.TextSplitter;

/**
 * How to reach the Viber REST Bot API and what to call ourselves there. Immutable and
 * thread-safe. {@link #toString()} leaves the auth token out so that the settings can be logged.
 *
 * @param authToken       the bot's auth token; sent as {@code X-Viber-Auth-Token} and used to
 *                        verify callback signatures; never logged
 * @param apiUrl          the API base, {@code https://chatapi.viber.com/pa} in production; a
 *                        local fake in tests
 * @param webhookUrl      the public HTTPS address Viber posts callbacks to; when null the
 *                        webhook is not (re)registered at start
 * @param senderName      shown as the sender of every message; Viber allows 28 characters
 * @param senderAvatar    URL of the sender's picture, or null
 * @param requestTimeout  how long one API call may take
 * @param callbackTimeout how long a callback waits for its event to be committed before it is
 *                        answered with an error (Viber then delivers it again)
 */
public record ViberSettings(
        String authToken,
        URI apiUrl,
        URI webhookUrl,
        String senderName,
        String senderAvatar,
        Duration requestTimeout,
        Duration callbackTimeout) {

    public static final URI DEFAULT_API_URL = URI.create("https://chatapi.viber.com/pa");
    public static final String DEFAULT_SENDER_NAME = "Контакт-центр";
    /** Viber's limit for {@code sender.name}. */
    public static final int MAX_SENDER_NAME = 28;

    public ViberSettings {
        Objects.requireNonNull(authToken, "authToken");
        if (authToken.isBlank()) {
            throw new IllegalArgumentException("the Viber auth token is empty");
        }
        apiUrl = apiUrl == null ? DEFAULT_API_URL : apiUrl;
        senderName = TextSplitter.truncate(
                senderName == null || senderName.isBlank() ? DEFAULT_SENDER_NAME : senderName.strip(), MAX_SENDER_NAME);
        senderAvatar = senderAvatar == null || senderAvatar.isBlank() ? null : senderAvatar;
        requestTimeout = requestTimeout == null ? Duration.ofSeconds(10) : requestTimeout;
        callbackTimeout = callbackTimeout == null ? Duration.ofSeconds(10) : callbackTimeout;
    }

    /** Production defaults: the public API, the default sender name, no webhook registration. */
    public static ViberSettings of(String authToken) {
        return new ViberSettings(authToken, null, null, null, null, null, null);
    }

    public ViberSettings withApiUrl(URI url) {
        return new ViberSettings(authToken, url, webhookUrl, senderName, senderAvatar, requestTimeout, callbackTimeout);
    }

    public ViberSettings withWebhookUrl(URI url) {
        return new ViberSettings(authToken, apiUrl, url, senderName, senderAvatar, requestTimeout, callbackTimeout);
    }

    public ViberSettings withSenderName(String name) {
        return new ViberSettings(authToken, apiUrl, webhookUrl, name, senderAvatar, requestTimeout, callbackTimeout);
    }

    @Override
    public String toString() {
        return "ViberSettings[apiUrl=" + apiUrl + ", webhookUrl=" + webhookUrl + ", senderName=" + senderName
                + ", requestTimeout=" + requestTimeout + ", callbackTimeout=" + callbackTimeout + ", authToken=***]";
    }
}
