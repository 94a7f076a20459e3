package ua.zvernennia.core.appeal;

import java.text.Normalizer;
import java.util.Optional;
import java.util.regex.Pattern;

/** A citizen's first name and surname, as the law requires them on an appeal. */
public record PersonName(String firstName, String lastName) {
    public static final int MAX_PART = 50;
    // Letters of any script the citizen may use for a Ukrainian name (Cyrillic, Latin), with
    // apostrophes (' ʼ ’), hyphens and inner spaces.
    private static final Pattern PART =
            Pattern.compile("[\\p{IsCyrillic}\\p{IsLatin}]+(?:[-'ʼ’ ][\\p{IsCyrillic}\\p{IsLatin}]+)*");

    public PersonName {
        if (!valid(firstName) || !valid(lastName)) {
            throw new IllegalArgumentException("not a valid name");
        }
    }

    static boolean valid(String part) {
        return part != null && part.length() <= MAX_PART && PART.matcher(part).matches();
    }

    /**
     * Reads "Ім'я Прізвище" (or "Прізвище Ім'я": the order is kept as typed, first word first).
     * Needs at least two words; a double surname with a hyphen stays one word.
     */
    public static Optional<PersonName> parse(String input) {
        if (input == null) {
            return Optional.empty();
        }
        // Some keyboards send «й», «ї» as a letter plus a combining mark; stored names are composed.
        String s = Normalizer.normalize(input, Normalizer.Form.NFC).strip().replaceAll("\\s+", " ");
        int space = s.indexOf(' ');
        if (space < 0) {
            return Optional.empty();
        }
        String first = s.substring(0, space);
        String last = s.substring(space + 1);
        if (!valid(first) || !valid(last)) {
            return Optional.empty();
        }
        return Optional.of(new PersonName(first, last));
    }

    public String full() {
        return firstName + " " + lastName;
    }

    /** For logs: І. П***. */
    public String masked() {
        return firstName.charAt(0) + ". " + lastName.charAt(0) + "***";
    }

    @Override
    public String toString() {
        return masked();
    }
}
