package ua.zvernennia.core.appeal;

/**
 * Why a free text does not fit an appeal (see {@link TextRules}), with the limit it broke where it
 * broke one. Each front end says it in its own words: the bot from its bundles, the API, the
 * Open311 endpoint, the console and the public form from theirs.
 */
public enum TextProblem {
    /** Nothing, or only blanks. */
    EMPTY(0),
    DESCRIPTION_TOO_SHORT(TextRules.MIN_DESCRIPTION),
    DESCRIPTION_TOO_LONG(TextRules.MAX_DESCRIPTION),
    ADDRESS_TOO_SHORT(TextRules.MIN_ADDRESS),
    ADDRESS_TOO_LONG(TextRules.MAX_ADDRESS),
    /** Only symbols or emoji; an address needs a letter, not only digits. */
    NO_LETTERS(0);

    private final int limit;

    TextProblem(int limit) {
        this.limit = limit;
    }

    /** The fewest characters allowed (too short) or the most (too long); 0 for the others. */
    public int limit() {
        return limit;
    }

    /**
     * A short code of the problem, the same for a description and an address (the field tells
     * which): {@code required}, {@code too-short}, {@code too-long} or {@code no-letters}.
     */
    public String code() {
        return switch (this) {
            case EMPTY -> "required";
            case DESCRIPTION_TOO_SHORT, ADDRESS_TOO_SHORT -> "too-short";
            case DESCRIPTION_TOO_LONG, ADDRESS_TOO_LONG -> "too-long";
            case NO_LETTERS -> "no-letters";
        };
    }
}
