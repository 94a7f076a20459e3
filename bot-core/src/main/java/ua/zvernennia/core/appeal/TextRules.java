package ua.zvernennia.core.appeal;

import java.util.Optional;

/**
 * What free text the appeal accepts. Each check returns the reason (a message key) when the text
 * does not fit, or empty when it does.
 */
public final class TextRules {
    public static final int MIN_DESCRIPTION = 2;
    public static final int MAX_DESCRIPTION = 2000;
    public static final int MIN_ADDRESS = 5;
    public static final int MAX_ADDRESS = 300;
    public static final int MAX_PHOTOS = 5;

    private TextRules() {
    }

    public static Optional<String> description(String text) {
        if (text == null || text.isBlank()) {
            return Optional.of("error.empty");
        }
        String s = text.strip();
        if (s.codePointCount(0, s.length()) < MIN_DESCRIPTION) {
            return Optional.of("error.description.short");
        }
        if (s.codePointCount(0, s.length()) > MAX_DESCRIPTION) {
            return Optional.of("error.description.long");
        }
        if (!hasLetterOrDigit(s)) {
            return Optional.of("error.no.letters");
        }
        return Optional.empty();
    }

    public static Optional<String> address(String text) {
        if (text == null || text.isBlank()) {
            return Optional.of("error.empty");
        }
        String s = text.strip();
        if (s.codePointCount(0, s.length()) < MIN_ADDRESS) {
            return Optional.of("error.address.short");
        }
        if (s.codePointCount(0, s.length()) > MAX_ADDRESS) {
            return Optional.of("error.address.long");
        }
        if (!hasLetterOrDigit(s) || s.codePoints().noneMatch(Character::isLetter)) {
            return Optional.of("error.no.letters");
        }
        return Optional.empty();
    }

    static boolean hasLetterOrDigit(String s) {
        return s.codePoints().anyMatch(Character::isLetterOrDigit);
    }
}
