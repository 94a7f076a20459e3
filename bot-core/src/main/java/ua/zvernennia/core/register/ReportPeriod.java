package ua.zvernennia.core.register;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ua.zvernennia.core.stats.DateRange;

/**
 * The period of a council's report: a quarter (1..4), a half-year (1..2) or a whole year. Its key
 * ({@code 2025-Q1}, {@code 2025-H2}, {@code 2025}) names it in the API and holds its narrative.
 */
public record ReportPeriod(int year, Kind kind, int index) {
    public enum Kind {
        QUARTER,
        HALF,
        YEAR
    }

    private static final Pattern KEY = Pattern.compile("(\\d{4})(?:-([QH])([1-4]))?");

    public ReportPeriod {
        if (year < 2000 || year > 2100) {
            throw new IllegalArgumentException("year must be 2000..2100, not " + year);
        }
        int max = switch (kind) {
            case QUARTER -> 4;
            case HALF -> 2;
            case YEAR -> 1;
        };
        if (index < 1 || index > max) {
            throw new IllegalArgumentException(
                    switch (kind) {
                        case QUARTER -> "quarter must be 1..4";
                        case HALF -> "half must be 1..2";
                        case YEAR -> "a year has index 1";
                    });
        }
    }

    public static ReportPeriod quarter(int year, int quarter) {
        return new ReportPeriod(year, Kind.QUARTER, quarter);
    }

    public static ReportPeriod half(int year, int half) {
        return new ReportPeriod(year, Kind.HALF, half);
    }

    public static ReportPeriod year(int year) {
        return new ReportPeriod(year, Kind.YEAR, 1);
    }

    /** The period of a key such as {@code 2025-Q1}, {@code 2025-H2} or {@code 2025}. */
    public static Optional<ReportPeriod> parse(String key) {
        if (key == null) {
            return Optional.empty();
        }
        Matcher m = KEY.matcher(key.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            int year = Integer.parseInt(m.group(1));
            if (m.group(2) == null) {
                return Optional.of(year(year));
            }
            int i = Integer.parseInt(m.group(3));
            return Optional.of(m.group(2).equals("Q") ? quarter(year, i) : half(year, i));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public String key() {
        return switch (kind) {
            case QUARTER -> year + "-Q" + index;
            case HALF -> year + "-H" + index;
            case YEAR -> Integer.toString(year);
        };
    }

    public LocalDate first() {
        return switch (kind) {
            case QUARTER -> LocalDate.of(year, (index - 1) * 3 + 1, 1);
            case HALF -> LocalDate.of(year, (index - 1) * 6 + 1, 1);
            case YEAR -> LocalDate.of(year, 1, 1);
        };
    }

    public LocalDate last() {
        return switch (kind) {
            case QUARTER -> first().plusMonths(3).minusDays(1);
            case HALF -> first().plusMonths(6).minusDays(1);
            case YEAR -> LocalDate.of(year, 12, 31);
        };
    }

    public DateRange range(ZoneId zone) {
        return new DateRange(first(), last(), zone);
    }
}
