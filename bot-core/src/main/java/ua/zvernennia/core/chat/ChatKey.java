package ua.zvernennia.core.chat;

import java.util.Objects;

/** One conversation: a messenger and the chat (user) id the messenger gave it. */
public record ChatKey(Channel channel, String id) {
    public ChatKey {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(id, "id");
        if (id.isBlank() || id.length() > 64) {
            throw new IllegalArgumentException("chat id must be 1..64 characters");
        }
    }

    public static ChatKey of(Channel channel, String id) {
        return new ChatKey(channel, id);
    }

    @Override
    public String toString() {
        return channel.name().toLowerCase(java.util.Locale.ROOT) + "/" + id;
    }
}
