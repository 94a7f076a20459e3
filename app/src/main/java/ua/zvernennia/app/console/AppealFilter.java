package ua.zvernennia.app.console;

import io.javalin.http.Context;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import ua.zvernennia.core.appeal.AppealStatus;
import ua.zvernennia.core.chat.Channel;
import ua.zvernennia.core.desk.AppealSearch;
import ua.zvernennia.core.refusal.Refusal;

/**
 * The appeals list's filters as the operator set them. Kept in the session, not in the URL: the
 * text search may be a citizen's name or phone. Dates are days in the city, both inclusive.
 *
 * @param overdue "yes", "no" or empty for either
 */
public record AppealFilter(
        Set<AppealStatus> statuses,
        String category,
        Channel channel,
        String executor,
        String overdue,
        String text,
        LocalDate from,
        LocalDate to) {
    static final AppealFilter NONE = new AppealFilter(Set.of(), "", null, "", "", "", null, null);

    public AppealFilter {
        statuses = statuses.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(statuses));
        category = category == null ? "" : category.strip();
        executor = executor == null ? "" : executor.strip();
        overdue = overdue == null ? "" : overdue;
        text = text == null ? "" : text.strip();
        if (text.length() > AppealSearch.MAX_TEXT) {
            throw Refusal.invalid("Пошуковий текст задовгий: не більше " + AppealSearch.MAX_TEXT + " символів");
        }
        if (from != null && to != null && to.isBefore(from)) {
            throw Refusal.invalid("Дата «по» раніша за дату «з»");
        }
    }

    /** Reads the filter form; a value that cannot be read is refused with a 400 page. */
    static AppealFilter fromForm(Context ctx) {
        var statuses = EnumSet.noneOf(AppealStatus.class);
        for (String s : ctx.formParams("status")) {
            statuses.add(parse(AppealStatus.class, s, "статус"));
        }
        String channel = ctx.formParam("channel");
        String overdue = ctx.formParam("overdue");
        if (overdue != null && !overdue.isEmpty() && !overdue.equals("yes") && !overdue.equals("no")) {
            throw Refusal.invalid("Невідоме значення фільтра «прострочені»");
        }
        return new AppealFilter(
                statuses,
                ctx.formParam("category"),
                channel == null || channel.isBlank() ? null : parse(Channel.class, channel, "канал"),
                ctx.formParam("executor"),
                overdue,
                ctx.formParam("q"),
                date(ctx.formParam("from")),
                date(ctx.formParam("to")));
    }

    public boolean isEmpty() {
        return equals(NONE);
    }

    public boolean has(AppealStatus s) {
        return statuses.contains(s);
    }

    AppealSearch.Filter search(ZoneId zone, int offset, int limit) {
        Instant start = from == null ? null : from.atStartOfDay(zone).toInstant();
        Instant end = to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant();
        return new AppealSearch.Filter(
                statuses,
                category.isEmpty() ? null : category,
                channel,
                executor.isEmpty() ? null : executor,
                overdue.isEmpty() ? null : overdue.equals("yes"),
                text.isEmpty() ? null : text,
                start,
                end,
                offset,
                limit);
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String what) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw Refusal.invalid("Невідоме значення фільтра «" + what + "»");
        }
    }

    private static LocalDate date(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw Refusal.invalid("Дату не вдалося прочитати: очікується рррр-мм-дд");
        }
    }
}
