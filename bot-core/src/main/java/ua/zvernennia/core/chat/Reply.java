package ua.zvernennia.core.chat;

import java.util.Objects;

/**
 * One message from the bot to a chat.
 *
 * @param replaceRef when not null, the messenger's id of an earlier menu message that this reply
 *                   may replace in place (a new page of the same menu); adapters that cannot
 *                   edit messages send a new one
 */
public record Reply(String text, Keyboard keyboard, String replaceRef) {
    public static final int MAX_TEXT = 8000;

    public Reply {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(keyboard, "keyboard");
        if (text.isBlank()) {
            throw new IllegalArgumentException("reply text is empty");
        }
    }

    public static Reply text(String text) {
        return new Reply(text, Keyboard.KEEP, null);
    }

    public static Reply of(String text, Keyboard keyboard) {
        return new Reply(text, keyboard, null);
    }

    public Reply replacing(String ref) {
        return new Reply(text, keyboard, ref);
    }
}
