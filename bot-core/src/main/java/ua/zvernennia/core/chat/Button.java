package ua.zvernennia.core.chat;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A button with a stable id (what comes back when it is pressed) and a label in the citizen's
 * language, optionally with an emoji in front.
 */
public record Button(String id, String label, String emoji) {
    /** Longest id: fits Telegram's 64-byte callback_data with room for a prefix. */
    public static final int MAX_ID_BYTES = 48;

    public Button {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
        if (!fitsId(id)) {
            throw new IllegalArgumentException("button id must be 1.." + MAX_ID_BYTES + " bytes: " + id);
        }
        emoji = emoji == null || emoji.isBlank() ? null : emoji;
    }

    /** Whether {@code id} can be a button's id: 1 to {@link #MAX_ID_BYTES} bytes in UTF-8. */
    public static boolean fitsId(String id) {
        return id != null && !id.isEmpty() && id.getBytes(StandardCharsets.UTF_8).length <= MAX_ID_BYTES;
    }

    public static Button of(String id, String label) {
        return new Button(id, label, null);
    }

    /** The label as shown: emoji, a space, the label. */
    public String display() {
        return emoji == null ? label : emoji + " " + label;
    }
}
