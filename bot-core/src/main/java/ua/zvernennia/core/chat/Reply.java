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
     * A photo to show with the text: one a messenger already holds, or one the app keeps itself.
     *
     * @param channel the messenger that holds the photo; null for a kept one
     * @param fileId  its file reference in {@code channel} (a Telegram file_id can be sent again by
     *                the same bot to any chat); null for a kept one
     * @param kept    the token of a photo the app keeps (an executor's photo of the work done,
     *                uploaded through the API), which the messenger finds through
     *                {@link ReplyPhotos}; null for a messenger's own
     */
    public record Photo(Channel channel, String fileId, String kept) {
        public Photo {
            if (kept != null) {
                if (channel != null || fileId != null) {
                    throw new IllegalArgumentException("a kept photo is not a messenger's file");
                }
                if (kept.isBlank() || kept.length() > 256) {
                    throw new IllegalArgumentException("a kept photo's token must be 1..256 characters");
                }
            } else {
                Objects.requireNonNull(channel, "channel");
                Objects.requireNonNull(fileId, "fileId");
                if (fileId.isBlank() || fileId.length() > 256) {
                    throw new IllegalArgumentException("fileId must be 1..256 characters");
                }
            }
        }

        /** A photo the messenger {@code channel} holds as {@code fileId}. */
        public Photo(Channel channel, String fileId) {
            this(channel, fileId, null);
        }

        /** A photo the app keeps itself, by its token. */
        public static Photo keptAs(String token) {
            return new Photo(null, null, Objects.requireNonNull(token, "token"));
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
