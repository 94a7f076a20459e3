package ua.zvernennia.app.api;

import ua.zvernennia.core.appeal.TextProblem;

/** A text rule's problem in the API's words, English, with its limit. */
public final class RuleWords {
    private RuleWords() {}

    public static String of(TextProblem problem) {
        return switch (problem) {
            case EMPTY -> "required";
            case DESCRIPTION_TOO_SHORT, ADDRESS_TOO_SHORT -> "at least " + problem.limit() + " characters";
            case DESCRIPTION_TOO_LONG, ADDRESS_TOO_LONG -> "at most " + problem.limit() + " characters";
            case NO_LETTERS -> "needs letters, not only symbols";
        };
    }
}
