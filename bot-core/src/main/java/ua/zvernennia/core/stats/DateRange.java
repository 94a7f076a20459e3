package ua.zvernennia.core.stats;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Local dates {@code from}..{@code to}, both included, in the city's zone: the appeals filed from
 * local midnight at the start of {@code from} to local midnight at the end of {@code to}. A day
 * is 23 or 25 hours long when the clocks change.
 */
public record DateRange(LocalDate from, LocalDate to, ZoneId zone) {
    /** The longest range statistics read at once. */
    public static final int MAX_DAYS = 3 * 366;

    public DateRange {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(zone, "zone");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("the range ends (" + to + ") before it starts (" + from + ")");
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw new IllegalArgumentException("the range is longer than " + MAX_DAYS + " days");
        }
    }

    /** The quarter (1..4) of a year. */
    public static DateRange quarter(int year, int quarter, ZoneId zone) {
        if (quarter < 1 || quarter > 4) {
            throw new IllegalArgumentException("quarter must be 1..4");
        }
        LocalDate first = LocalDate.of(year, (quarter - 1) * 3 + 1, 1);
        return new DateRange(first, first.plusMonths(3).minusDays(1), zone);
    }

    /** The first instant in the range: local midnight at the start of {@code from}. */
    public Instant start() {
        return from.atStartOfDay(zone).toInstant();
    }

    /** The first instant after the range: local midnight at the end of {@code to}. */
    public Instant end() {
        return to.plusDays(1).atStartOfDay(zone).toInstant();
    }

    /** The periods the range splits into; the first and the last are cut to the range. */
    public List<Period> periods(GroupBy groupBy) {
        var out = new ArrayList<Period>();
        LocalDate start = from;
        while (!start.isAfter(to)) {
            LocalDate next = groupBy.nextStart(groupBy.periodStart(start));
            LocalDate last = next.minusDays(1).isAfter(to) ? to : next.minusDays(1);
            out.add(new Period(start, last));
            start = next;
        }
        return out;
    }

    /** Local dates {@code first}..{@code last}, both included. */
    public record Period(LocalDate first, LocalDate last) {
        public Period {
            Objects.requireNonNull(first, "first");
            Objects.requireNonNull(last, "last");
            if (last.isBefore(first)) {
                throw new IllegalArgumentException("a period ends before it starts");
            }
        }

        public boolean contains(LocalDate day) {
            return !day.isBefore(first) && !day.isAfter(last);
        }
    }
}
