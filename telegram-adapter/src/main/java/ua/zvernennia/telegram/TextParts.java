package ua.zvernennia.telegram;

import java.util.ArrayList;
import java.util.List;

/** Splits texts longer than Telegram takes in one message. Stateless. */
final class TextParts {
    /** Telegram's limit for a message text. */
    static final int MESSAGE = 4096;
    /** Telegram's limit for a media caption. */
    static final int CAPTION = 1024;

    private TextParts() {
    }

    /**
     * Parts of at most {@code limit} UTF-16 units (what Telegram counts, and never more code
     * points than that), cut at a line break, else at a space, else anywhere but inside a
     * surrogate pair.
     */
    static List<String> split(String text, int limit) {
        var parts = new ArrayList<String>();
        String rest = text;
        while (rest.length() > limit) {
            int cut = rest.lastIndexOf('\n', limit);
            if (cut < limit / 2) {
                cut = rest.lastIndexOf(' ', limit);
            }
            if (cut < limit / 2) {
                cut = Character.isHighSurrogate(rest.charAt(limit - 1)) ? limit - 1 : limit;
            }
            String part = rest.substring(0, cut).stripTrailing();
            if (!part.isEmpty()) {
                parts.add(part);
            }
            rest = rest.substring(cut).stripLeading();
        }
        if (!rest.isBlank() || parts.isEmpty()) {
            parts.add(rest);
        }
        return parts;
    }
}
