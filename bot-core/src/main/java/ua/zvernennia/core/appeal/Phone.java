package ua.zvernennia.core.appeal;

import java.util.Optional;
import java.util.regex.Pattern;

/** A Ukrainian phone number in the form +380XXXXXXXXX. */
public record Phone(String e164) {
    private static final Pattern NORMAL = Pattern.compile("\\+380\\d{9}");
    private static final Pattern ALLOWED = Pattern.compile("[+\\d\\s()\\-.]{9,25}");

    public Phone {
        if (e164 == null || !NORMAL.matcher(e164).matches()) {
            throw new IllegalArgumentException("not a +380XXXXXXXXX number");
        }
    }

    /**
     * Reads the ways Ukrainians write their number: 0501234567, 050 123 45 67,
     * +38 (050) 123-45-67, 380501234567, +380501234567, 8 050 123 45 67.
     */
    public static Optional<Phone> parse(String input) {
        if (input == null) {
            return Optional.empty();
        }
        String s = input.strip();
        if (!ALLOWED.matcher(s).matches()) {
            return Optional.empty();
        }
        if (s.indexOf('+') > 0 || s.chars().filter(c -> c == '+').count() > 1) {
            return Optional.empty();
        }
        String digits = s.replaceAll("\\D", "");
        String national;
        if (digits.length() == 12 && digits.startsWith("380")) {
            national = digits.substring(3);
        } else if (digits.length() == 11 && digits.startsWith("80") && !s.startsWith("+")) {
            national = digits.substring(2);
        } else if (digits.length() == 10 && digits.startsWith("0") && !s.startsWith("+")) {
            national = digits.substring(1);
        } else {
            return Optional.empty();
        }
        // The operator code never starts with 0.
        if (national.charAt(0) == '0') {
            return Optional.empty();
        }
        return Optional.of(new Phone("+380" + national));
    }

    /** For logs: +38050*****67. */
    public String masked() {
        return e164.substring(0, 6) + "*****" + e164.substring(11);
    }

    @Override
    public String toString() {
        return masked();
    }
}
