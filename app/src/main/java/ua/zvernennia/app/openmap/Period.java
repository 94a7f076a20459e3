package ua.zvernennia.app.openmap;

import io.javalin.http.Context;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import ua.zvernennia.core.openmap.MapFilter;

/**
 * The period a public page or answer is about: a day, the calendar week or month of a date, or
 * the dates from..to. Calendar weeks and months are what the aggregates hold whole.
 */
record Period(String kind, LocalDate date, LocalDate from, LocalDate to) {
    /** A problem with what was asked, as a key of the public texts. */
    static final class Problem extends IllegalArgumentException {
        final String key;

        Problem(String key) {
            super(key);
            this.key = key;
        }
    }

    static Period of(Context ctx, LocalDate today) {
        String kind = value(ctx, "period");
        LocalDate date = date(ctx, "date", today);
        if (kind == null) {
            kind = ctx.queryParam("from") != null || ctx.queryParam("to") != null ? "custom" : "month";
        }
        return switch (kind) {
            case "day" -> checked(kind, date, date, date);
            case "week" -> checked(kind, date, date.with(DayOfWeek.MONDAY), date.with(DayOfWeek.SUNDAY));
            case "month" -> checked(kind, date, date.withDayOfMonth(1), date.with(TemporalAdjusters.lastDayOfMonth()));
            case "custom" -> checked(kind, date, date(ctx, "from", date.withDayOfMonth(1)), date(ctx, "to", date));
            default -> throw new Problem("error.period");
        };
    }

    private static Period checked(String kind, LocalDate date, LocalDate from, LocalDate to) {
        if (to.isBefore(from) || from.plusDays(MapFilter.MAX_DAYS).isBefore(to.plusDays(1))) {
            throw new Problem("error.range");
        }
        return new Period(kind, date, from, to);
    }

    private static String value(Context ctx, String name) {
        String v = ctx.queryParam(name);
        return v == null || v.isBlank() ? null : v.strip();
    }

    private static LocalDate date(Context ctx, String name, LocalDate fallback) {
        String v = value(ctx, name);
        if (v == null) {
            return fallback;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw new Problem("error.date");
        }
    }
}
