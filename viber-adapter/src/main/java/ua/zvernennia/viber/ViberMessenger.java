package ua.zvernennia.viber;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ua.zvernennia.core.chat.Channel;
import ua.zvernennia.core.chat.ChatKey;
import ua.zvernennia.core.chat.Delivery;
import ua.zvernennia.core.chat.Keyboard;
import ua.zvernennia.core.chat.Messenger;
import ua.zvernennia.core.chat.Reply;
import ua.zvernennia.core.chat.ReplyPhotos;
import ua.zvernennia.core.chat.TextSplitter;

/**
 * Sends the core's replies to Viber chats with {@code send_message}: the text cut to Viber's
 * 7000 characters a message (the keyboard goes on the last part), the keyboard rendered by
 * {@link ViberKeyboards}, and the API's status turned into a {@link Delivery}.
 *
 * <p>Viber shows the keyboard of the last message, so a message without one would take the
 * current menu away. A reply that keeps the keyboard therefore repeats the one last sent to that
 * chat, remembered in memory for recent chats; after a restart such a reply goes without a
 * keyboard and the citizen can type (the core accepts a button's label as its press).
 *
 * <p>A photo the app keeps itself goes as a {@code picture} message that Viber fetches from the
 * photo's public https address, with the text under it when it fits there and after it when it
 * does not; a photo without such an address leaves the text alone.
 *
 * <p>Thread-safe.
 */
public final class ViberMessenger implements Messenger {
    private static final Logger log = LoggerFactory.getLogger(ViberMessenger.class);
    static final int STATUS_OK = 0;
    static final int STATUS_NOT_REGISTERED = 5;
    static final int STATUS_NOT_SUBSCRIBED = 6;
    static final int STATUS_TOO_MANY_REQUESTS = 12;
    static final Duration RATE_LIMIT_PAUSE = Duration.ofSeconds(30);
    static final Duration SERVER_ERROR_PAUSE = Duration.ofSeconds(15);
    static final Duration NETWORK_ERROR_PAUSE = Duration.ofSeconds(5);
    private static final int REMEMBERED_CHATS = 10_000;
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** The longest text Viber shows under a picture; a longer one follows the picture as a message of its own. */
    static final int PICTURE_TEXT = 120;

    private final ViberApi api;
    private final ViberSettings settings;
    private final ReplyPhotos photos;
    private final Map<ChatKey, ViberKeyboards.Rendered> lastKeyboards =
            Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<ChatKey, ViberKeyboards.Rendered> eldest) {
                    return size() > REMEMBERED_CHATS;
                }
            });

    public ViberMessenger(ViberApi api, ViberSettings settings) {
        this(api, settings, ReplyPhotos.NONE);
    }

    /**
     * @param photos where the photos the app keeps itself are found: Viber shows one as a picture
     *               it fetches from the photo's public address; without one the text goes alone
     */
    public ViberMessenger(ViberApi api, ViberSettings settings, ReplyPhotos photos) {
        this.api = api;
        this.settings = settings;
        this.photos = photos;
    }

    @Override
    public Channel channel() {
        return Channel.VIBER;
    }

    @Override
    public Delivery send(ChatKey chat, Reply reply) {
        List<ObjectNode> parts = render(chat, reply.text(), reply.keyboard());
        Optional<String> picture = reply.photo() == null || reply.photo().kept() == null
                ? Optional.empty()
                : photos.link(reply.photo().kept());
        if (picture.isPresent()) {
            if (parts.size() == 1 && reply.text().length() <= PICTURE_TEXT) {
                // The text fits under the picture: one message, with the keyboard.
                parts.get(0).put("type", "picture").put("media", picture.get());
            } else {
                ObjectNode alone = message(1);
                alone.put("type", "picture").put("text", "").put("media", picture.get());
                parts.add(0, alone);
            }
        }
        Delivery outcome = null;
        for (ObjectNode part : parts) {
            part.put("receiver", chat.id());
            outcome = delivery(chat, api.call("send_message", part));
            if (!(outcome instanceof Delivery.Sent)) {
                // A retry repeats the parts already sent: a repeated paragraph is better than a lost one.
                return outcome;
            }
        }
        return outcome;
    }

    /**
     * The one message Viber accepts in the answer to {@code conversation_started}: the replies'
     * texts in one message with the last reply's keyboard.
     */
    ObjectNode welcome(ChatKey chat, List<Reply> replies) {
        var texts = new ArrayList<String>();
        Keyboard keyboard = Keyboard.KEEP;
        for (Reply r : replies) {
            texts.add(r.text());
            keyboard = r.keyboard();
        }
        String text = String.join("\n\n", texts);
        if (text.length() > ViberText.MAX_MESSAGE) {
            text = TextSplitter.truncate(replies.get(replies.size() - 1).text(), ViberText.MAX_MESSAGE);
        }
        return render(chat, text, keyboard).get(0);
    }

    private List<ObjectNode> render(ChatKey chat, String text, Keyboard keyboard) {
        Optional<ViberKeyboards.Rendered> rendered = keyboardFor(chat, keyboard);
        List<String> texts = TextSplitter.split(text, ViberText.MAX_MESSAGE);
        var parts = new ArrayList<ObjectNode>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            boolean last = i == texts.size() - 1;
            ObjectNode message = message(
                    last ? rendered.map(ViberKeyboards.Rendered::minApiVersion).orElse(1) : 1);
            message.put("type", "text");
            message.put("text", texts.get(i));
            if (last && rendered.isPresent()) {
                message.set("keyboard", rendered.get().keyboard());
            }
            parts.add(message);
        }
        return parts;
    }

    /** A message with the sender and the API version, its type and content to be added. */
    private ObjectNode message(int minApiVersion) {
        ObjectNode message = JSON.objectNode();
        message.put("min_api_version", minApiVersion);
        ObjectNode sender = message.putObject("sender");
        sender.put("name", settings.senderName());
        if (settings.senderAvatar() != null) {
            sender.put("avatar", settings.senderAvatar());
        }
        return message;
    }

    private Optional<ViberKeyboards.Rendered> keyboardFor(ChatKey chat, Keyboard keyboard) {
        if (keyboard instanceof Keyboard.Keep) {
            return Optional.ofNullable(lastKeyboards.get(chat));
        }
        if (keyboard instanceof Keyboard.Remove) {
            lastKeyboards.remove(chat);
            return Optional.empty();
        }
        Optional<ViberKeyboards.Rendered> rendered = ViberKeyboards.render(keyboard);
        rendered.ifPresent(r -> lastKeyboards.put(chat, r));
        return rendered;
    }

    private static Delivery delivery(ChatKey chat, ViberApi.Outcome outcome) {
        if (outcome instanceof ViberApi.Outcome.Answered a) {
            return switch (a.status()) {
                case STATUS_OK -> new Delivery.Sent(token(a.body()));
                case STATUS_NOT_REGISTERED, STATUS_NOT_SUBSCRIBED -> new Delivery.Unreachable(a.statusMessage());
                case STATUS_TOO_MANY_REQUESTS -> {
                    log.info("Viber rate-limits sending; message to {} waits", chat);
                    yield Delivery.retry(RATE_LIMIT_PAUSE, "viber status 12: " + a.statusMessage());
                }
                default -> {
                    log.warn("Viber refused a message to {}: status {} ({})", chat, a.status(), a.statusMessage());
                    yield new Delivery.Failed("viber status " + a.status() + ": " + a.statusMessage());
                }
            };
        }
        if (outcome instanceof ViberApi.Outcome.HttpError h) {
            if (h.httpStatus() == 200) {
                // Viber took the request: the message went out though its answer cannot be read.
                // Sending it again would show it twice; recording a refusal would be untrue.
                log.warn(
                        "Viber accepted a message to {} with an unreadable answer ({}); counted as sent",
                        chat,
                        h.reason());
                return new Delivery.Sent(null);
            }
            if (h.httpStatus() >= 500 || h.httpStatus() == 429) {
                log.info("Viber API unavailable ({}); message to {} waits", h.reason(), chat);
                return Delivery.retry(SERVER_ERROR_PAUSE, h.reason());
            }
            log.warn("Viber API refused a message to {}: {}", chat, h.reason());
            return new Delivery.Failed(h.reason());
        }
        ViberApi.Outcome.NetworkError n = (ViberApi.Outcome.NetworkError) outcome;
        log.info("Viber API unreachable ({}); message to {} waits", n.reason(), chat);
        return Delivery.retry(NETWORK_ERROR_PAUSE, n.reason());
    }

    private static String token(JsonNode answer) {
        JsonNode token = answer.path("message_token");
        return token.isMissingNode() || token.isNull() ? null : token.asText();
    }
}
