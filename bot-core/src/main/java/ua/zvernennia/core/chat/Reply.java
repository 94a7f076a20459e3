package ua.zvernennia.core.chat;

import java.util.Objects;

/**
 * One message from the bot to a chat.
 *
 * @param replaceRef when not null, the messenger's id of an earlier menu message that this reply
 *                   may replace in place (a new page of the same menu); adapters that cannot
 *                   edit messages send a new one
 * @param photo      when not null, a photo to show with the text (the text is its caption when it
 *                   fits); a messenger that cannot show it sends the text alone
 */
public record Reply(String text, Keyboard keyboard, String replaceRef, Photo photo) {
    public static final int MAX_TEXT = 8000;

    /**
     * A photo a messenger already holds: {@code fileId} is its file reference in {@code channel}
     * (a Telegram file_id can be sent again by the same bot to any chat).
     */
    public record Photo(Channel channel, String fileId) {
        public Photo {
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(fileId, "fileId");
            if (fileId.isBlank() || fileId.length() > 256) {
                throw new IllegalArgumentException("fileId must be 1..256 characters");
            }
        }
    }

    public Reply {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(keyboard, "keyboard");
        if (text.isBlank()) {
            throw new IllegalArgumentException("reply text is empty");
        }
    }

    public Reply(String text, Keyboard keyboard, String replaceRef) {
        this(text, keyboard, replaceRef, null);
    }

    /** This reply with the photo shown with it. */
    public Reply withPhoto(Photo photo) {
        return new Reply(text, keyboard, replaceRef, photo);
    }

    public static Reply text(String text) {
        return new Reply(text, Keyboard.KEEP, null);
    }

    public static Reply of(String text, Keyboard keyboard) {
        return new Reply(text, keyboard, null);
    }

    public Reply replacing(String ref) {
        return new Reply(text, keyboard, ref, photo);
    }
}
