package ua.zvernennia.viber;

import java.util.ArrayList;
import java.util.List;

/** Text limits of the Viber API, applied without breaking a character in two. Stateless. */
final class ViberText {
    /** Viber's limit for the text of one message. */
    static final int MAX_MESSAGE = 7000;

    private ViberText() {
    }

    /** At most {@code max} UTF-16 units, never ending inside a surrogate pair. */
    static String truncate(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        int end = max;
        if (Character.isHighSurrogate(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end);
    }

    /**
     * Cuts a text into parts of at most {@code max} units, preferring a paragraph, then a line,
     * then a space as the cut, so that a citizen reads whole sentences where possible.
     */
    static List<String> split(String text, int max) {
        var parts = new ArrayList<String>();
        String rest = text;
        while (rest.length() > max) {
            int cut = cutPoint(rest, max);
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

    private static int cutPoint(String s, int max) {
        int floor = max / 2;
        for (String separator : new String[] {"\n\n", "\n", " "}) {
            int at = s.lastIndexOf(separator, max - separator.length());
            if (at >= floor) {
                return at + separator.length();
            }
        }
        return truncate(s, max).length();
    }
}
