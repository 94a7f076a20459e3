package ua.zvernennia.viber;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ua.zvernennia.core.chat.Channel;
import ua.zvernennia.core.chat.ChatKey;
import ua.zvernennia.core.chat.Event;
import ua.zvernennia.core.chat.Inbound;
import ua.zvernennia.core.chat.Reply;
import ua.zvernennia.core.chat.UnsupportedKind;
import ua.zvernennia.core.delivery.OutboxMessage;
import ua.zvernennia.core.engine.Bot;
import ua.zvernennia.core.engine.Handled;

/**
 * Handles what Viber posts to the webhook. The signature is checked before the body is read at
 * all; an event is answered 200 only once the bot has durably committed it, so a crash before
 * that makes Viber deliver it again, and the {@code message_token} as the inbound's source id
 * makes the repeat a no-op.
 *
 * <p>Callbacks are parsed leniently: unknown events, unknown message types and missing optional
 * fields are ignored or become {@link Event.Unsupported}, never an error.
 *
 * <p>Thread-safe: the HTTP server may call {@link #handle} from many threads at once; the bot
 * keeps each chat's events in order.
 */
public final class ViberCallbacks {
    private static final Logger log = LoggerFactory.getLogger(ViberCallbacks.class);
    /** {@link ua.zvernennia.core.appeal.PhotoRef} keeps file references up to this length. */
    private static final int MAX_MEDIA_URL = 512;

    private static final int MAX_SOURCE_ID = 128;

    private final ViberSignature signature;
    private final ViberSettings settings;
    private final Bot bot;
    private final ViberMessenger messenger;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();

    public ViberCallbacks(ViberSettings settings, Bot bot, ViberMessenger messenger, Clock clock) {
        this.signature = new ViberSignature(settings.authToken());
        this.settings = settings;
        this.bot = bot;
        this.messenger = messenger;
        this.clock = clock;
    }

    /**
     * Handles one callback.
     *
     * @param rawBody         the request body exactly as received (the signature covers its bytes)
     * @param signatureHeader the {@code X-Viber-Content-Signature} header, or null when absent
     * @return 200 once the event is committed (with the welcome message as the body for
     *         {@code conversation_started}); 403 for a missing or wrong signature, with nothing
     *         processed; 400 for a signed body that is not JSON; 503 when the event could not be
     *         committed in time, so that Viber delivers it again
     */
    public ViberResponse handle(byte[] rawBody, String signatureHeader) {
        if (!signature.verifies(rawBody, signatureHeader)) {
            log.warn("refused a Viber callback with a {} signature", signatureHeader == null ? "missing" : "wrong");
            return ViberResponse.FORBIDDEN;
        }
        JsonNode callback;
        try {
            callback = json.readTree(rawBody);
        } catch (IOException e) {
            log.warn("a signed Viber callback is not JSON");
            return ViberResponse.BAD_REQUEST;
        }
        if (callback == null || !callback.isObject()) {
            log.warn("a signed Viber callback is not a JSON object");
            return ViberResponse.BAD_REQUEST;
        }
        String event = callback.path("event").asText("");
        String token = sourceId(callback);
        return switch (event) {
            case "webhook" -> {
                log.info("Viber checked the webhook");
                yield ViberResponse.OK;
            }
            case "message" -> message(callback, token);
            case "subscribed" ->
                accept(chat(callback.path("user").path("id")), new Event.Reachability(true), token, event);
            case "unsubscribed" -> accept(chat(callback.path("user_id")), new Event.Reachability(false), token, event);
            case "conversation_started" -> conversationStarted(callback, token);
            case "delivered", "seen", "failed" -> {
                // The outbox already counts a message as sent when Viber took it; receipts are only traced.
                if (event.equals("failed")) {
                    log.info(
                            "Viber could not deliver message {}: {}",
                            token,
                            callback.path("desc").asText(""));
                } else {
                    log.debug("Viber message {} {}", token, event);
                }
                yield ViberResponse.OK;
            }
            default -> {
                log.debug("ignored a Viber callback of event '{}'", event);
                yield ViberResponse.OK;
            }
        };
    }

    private ViberResponse message(JsonNode callback, String token) {
        Optional<ChatKey> chat = chat(callback.path("sender").path("id"));
        JsonNode message = callback.path("message");
        return accept(chat, event(message, token), token, "message");
    }

    /** The core's event for a Viber message; anything it cannot use is {@link Event.Unsupported}. */
    static Event event(JsonNode message, String token) {
        String type = message.path("type").asText("");
        switch (type) {
            case "text" -> {
                String text = message.path("text").asText("");
                return ViberKeyboards.pressedId(text)
                        .<Event>map(Event.ButtonPress::new)
                        .orElseGet(() -> new Event.Text(text));
            }
            case "picture" -> {
                String media = message.path("media").asText("");
                if (media.isBlank() || media.length() > MAX_MEDIA_URL) {
                    return new Event.Unsupported(UnsupportedKind.OTHER);
                }
                return new Event.PhotoSent(media, token, message.path("text").asText(""));
            }
            case "location" -> {
                JsonNode location = message.path("location");
                if (!location.path("lat").isNumber() || !location.path("lon").isNumber()) {
                    return new Event.Unsupported(UnsupportedKind.OTHER);
                }
                return new Event.LocationShared(
                        location.path("lat").asDouble(), location.path("lon").asDouble());
            }
            case "contact" -> {
                String phone = message.path("contact").path("phone_number").asText("");
                if (phone.isBlank()) {
                    return new Event.Unsupported(UnsupportedKind.OTHER);
                }
                // The share-phone button only ever shares the sender's own number.
                return new Event.ContactShared(phone, true);
            }
            case "sticker" -> {
                return new Event.Unsupported(UnsupportedKind.STICKER);
            }
            case "video" -> {
                return new Event.Unsupported(UnsupportedKind.VIDEO);
            }
            case "file" -> {
                return new Event.Unsupported(UnsupportedKind.DOCUMENT);
            }
            default -> {
                return new Event.Unsupported(UnsupportedKind.OTHER);
            }
        }
    }

    private ViberResponse conversationStarted(JsonNode callback, String token) {
        Optional<ChatKey> chat = chat(callback.path("user").path("id"));
        if (chat.isEmpty()) {
            log.warn("ignored a Viber conversation_started without a user id");
            return ViberResponse.OK;
        }
        Inbound inbound = Inbound.of(chat.get(), new Event.Command("start"), clock.instant(), token);
        Optional<Handled> handled = await(bot.acceptAndTakeReplies(inbound), chat.get(), "conversation_started");
        if (handled.isEmpty()) {
            return ViberResponse.NOT_DONE;
        }
        List<Reply> replies =
                handled.get().replies().stream().map(OutboxMessage::reply).toList();
        if (replies.isEmpty()) {
            return ViberResponse.OK;
        }
        try {
            return new ViberResponse(200, json.writeValueAsString(messenger.welcome(chat.get(), replies)));
        } catch (IOException e) {
            throw new IllegalStateException("cannot write a JSON tree", e);
        }
    }

    private ViberResponse accept(Optional<ChatKey> chat, Event event, String token, String what) {
        if (chat.isEmpty()) {
            log.warn("ignored a Viber {} callback without a usable user id", what);
            return ViberResponse.OK;
        }
        Inbound inbound = Inbound.of(chat.get(), event, clock.instant(), token);
        return await(bot.accept(inbound), chat.get(), what).isPresent() ? ViberResponse.OK : ViberResponse.NOT_DONE;
    }

    private Optional<Handled> await(CompletableFuture<Handled> committed, ChatKey chat, String what) {
        try {
            return Optional.of(committed.get(settings.callbackTimeout().toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            log.warn(
                    "a Viber {} from {} was not committed within {}; Viber will deliver it again",
                    what,
                    chat,
                    settings.callbackTimeout());
        } catch (ExecutionException e) {
            log.warn("a Viber {} from {} failed; Viber will deliver it again", what, chat, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Optional.empty();
    }

    private static Optional<ChatKey> chat(JsonNode id) {
        String value = id.isTextual() ? id.asText() : "";
        if (value.isBlank() || value.length() > 64) {
            return Optional.empty();
        }
        return Optional.of(ChatKey.of(Channel.VIBER, value));
    }

    /** Viber's message_token is a 64-bit number; kept as its decimal text. */
    private static String sourceId(JsonNode callback) {
        JsonNode token = callback.path("message_token");
        if (!token.isValueNode() || token.isNull()) {
            return null;
        }
        String value = token.asText();
        return value.isBlank() || value.length() > MAX_SOURCE_ID ? null : value;
    }
}
