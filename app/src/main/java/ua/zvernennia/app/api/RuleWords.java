package ua.zvernennia.app.api;

/** A text rule's message key (from {@code TextRules}) in the API's words, English, with its limits. */
public final class RuleWords {
    private RuleWords() {
    }

    public static String of(String key, int min, int max) {
        return switch (key) {
            case "error.empty" -> "required";
            case "error.description.short", "error.address.short" -> "at least " + min + " characters";
            case "error.description.long", "error.address.long" -> "at most " + max + " characters";
            case "error.no.letters" -> "needs letters, not only symbols";
            default -> key;
        };
    }
}
