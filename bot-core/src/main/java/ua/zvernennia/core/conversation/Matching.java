package ua.zvernennia.core.conversation;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/** Matches what a citizen typed against names on buttons, forgiving case, emoji and apostrophes. */
final class Matching {
    private static final int MIN_PREFIX = 3;

    private Matching() {}

    /** Lower case letters and digits separated by single spaces; everything else dropped. */
    static String normalise(String s) {
        String n = Normalizer.normalize(s, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(n.length());
        boolean space = false;
        for (int i = 0; i < n.length(); ) {
            int cp = n.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetterOrDigit(cp)) {
                if (space && !out.isEmpty()) {
                    out.append(' ');
                }
                space = false;
                out.appendCodePoint(cp);
            } else if (Character.isWhitespace(cp) || cp == '-' || cp == ',' || cp == '.') {
                space = true;
            }
        }
        return out.toString();
    }

    /**
     * The one item whose name equals the typed text, or else the one whose name starts with it
     * or contains it (at least three letters); empty when none or several fit.
     */
    static <T> Optional<T> unique(List<T> items, Function<T, String> name, String typed) {
        if (typed.isEmpty()) {
            return Optional.empty();
        }
        for (T item : items) {
            if (normalise(name.apply(item)).equals(typed)) {
                return Optional.of(item);
            }
        }
        if (typed.length() < MIN_PREFIX) {
            return Optional.empty();
        }
        List<T> partial = items.stream()
                .filter(i -> {
                    String n = normalise(name.apply(i));
                    return n.startsWith(typed) || n.contains(typed) || typed.startsWith(n);
                })
                .toList();
        return partial.size() == 1 ? Optional.of(partial.get(0)) : Optional.empty();
    }
}
