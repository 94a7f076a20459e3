package ua.zvernennia.core.appeal;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A human-friendly appeal number: the year and a sequence within it, shown as 2026-000123. */
public record AppealNumber(int year, long sequence) {
    private static final Pattern FORM = Pattern.compile("(?:№\\s*)?(\\d{4})-(\\d{1,9})");

    public AppealNumber {
        if (year < 2000 || year > 9999 || sequence < 1 || sequence > 999_999_999L) {
            throw new IllegalArgumentException("bad appeal number");
        }
    }

    public static Optional<AppealNumber> parse(String s) {
        if (s == null) {
            return Optional.empty();
        }
        Matcher m = FORM.matcher(s.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new AppealNumber(Integer.parseInt(m.group(1)), Long.parseLong(m.group(2))));
    }

    @Override
    public String toString() {
        return String.format("%d-%06d", year, sequence);
    }
}
