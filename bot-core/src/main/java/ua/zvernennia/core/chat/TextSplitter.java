package ua.zvernennia.core.chat;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts texts to a messenger's length limit (counted in UTF-16 units, as Telegram and Viber
 * count) without breaking a character in two. Stateless.
 */
public final class TextSplitter {
    private TextSplitter() {}

    /** At most {@code max} UTF-16 units, never ending inside a surrogate pair. */
    public static String truncate(String s, int max) {
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
     * Parts of at most {@code max} units, cut at a paragraph, else a line, else a space, else
     * anywhere but inside a surrogate pair, so that a citizen reads whole sentences where possible.
     */
    public static List<String> split(String text, int max) {
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
