package ua.zvernennia.core.chat;

import java.time.Instant;
import java.util.Objects;

/**
 * One event from one chat, as an adapter translated it.
 *
 * @param sourceId   the messenger's id of the update (Telegram update_id, Viber message_token);
 *                   a second delivery with the same id is a no-op. May be null for sources that
 *                   never repeat (the terminal demo).
 * @param menuRef    the messenger's id of the message whose button was pressed, so that a new
 *                   page of the same menu can replace it; null when not a button press
 */
public record Inbound(ChatKey chat, Event event, Instant receivedAt, String sourceId, String menuRef) {
    public Inbound {
        Objects.requireNonNull(chat, "chat");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(receivedAt, "receivedAt");
        if (sourceId != null && (sourceId.isBlank() || sourceId.length() > 128)) {
            throw new IllegalArgumentException("sourceId must be 1..128 characters");
        }
    }

    public static Inbound of(ChatKey chat, Event event, Instant receivedAt, String sourceId) {
        return new Inbound(chat, event, receivedAt, sourceId, null);
    }
}
