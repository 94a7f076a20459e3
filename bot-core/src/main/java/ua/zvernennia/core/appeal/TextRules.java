package ua.zvernennia.core.appeal;

import java.util.Optional;

/**
 * What free text the appeal accepts. Each check returns the problem when the text does not fit, or
 * empty when it does. Lengths count characters as people do (an emoji once).
 */
public final class TextRules {
    public static final int MIN_DESCRIPTION = 2;
    public static final int MAX_DESCRIPTION = 2000;
    public static final int MIN_ADDRESS = 5;
    public static final int MAX_ADDRESS = 300;
    public static final int MAX_PHOTOS = 5;

    private TextRules() {}

    public static Optional<TextProblem> description(String text) {
        if (text == null || text.isBlank()) {
            return Optional.of(TextProblem.EMPTY);
        }
        String s = text.strip();
        if (s.codePointCount(0, s.length()) < MIN_DESCRIPTION) {
            return Optional.of(TextProblem.DESCRIPTION_TOO_SHORT);
        }
        if (s.codePointCount(0, s.length()) > MAX_DESCRIPTION) {
            return Optional.of(TextProblem.DESCRIPTION_TOO_LONG);
        }
        if (!hasLetterOrDigit(s)) {
            return Optional.of(TextProblem.NO_LETTERS);
        }
        return Optional.empty();
    }

    public static Optional<TextProblem> address(String text) {
        if (text == null || text.isBlank()) {
            return Optional.of(TextProblem.EMPTY);
        }
        String s = text.strip();
        if (s.codePointCount(0, s.length()) < MIN_ADDRESS) {
            return Optional.of(TextProblem.ADDRESS_TOO_SHORT);
        }
        if (s.codePointCount(0, s.length()) > MAX_ADDRESS) {
            return Optional.of(TextProblem.ADDRESS_TOO_LONG);
        }
        if (!hasLetterOrDigit(s) || s.codePoints().noneMatch(Character::isLetter)) {
            return Optional.of(TextProblem.NO_LETTERS);
        }
        return Optional.empty();
    }

    static boolean hasLetterOrDigit(String s) {
        return s.codePoints().anyMatch(Character::isLetterOrDigit);
    }
}
