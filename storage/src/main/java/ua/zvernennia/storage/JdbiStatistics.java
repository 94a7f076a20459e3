package ua.zvernennia.storage;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.jdbi.v3.core.Jdbi;
import ua.zvernennia.core.appeal.AppealStatus;
import ua.zvernennia.core.category.Category;
import ua.zvernennia.core.chat.Channel;
import ua.zvernennia.core.stats.StatisticsSource;

/**
 * Statistics in SQL that H2, SQLite and PostgreSQL all run: plain GROUP BY over a range of filing
 * times, read from the covering index {@code appeal_stats} of V5. Local days are found without
 * the databases' (differing) time-zone functions: the range is cut where the zone's offset
 * changes, and within each piece the day is {@code (created_at + offset) / 86400000}. Each call
 * takes a handle of its own; thread-safe.
 */
public final class JdbiStatistics implements StatisticsSource {
    private static final long DAY_MS = 86_400_000L;
    private static final String OVERDUE = "(closed_at IS NULL AND deadline_at < :asOf) OR closed_at > deadline_at";
    private static final String PAST_LEGAL = "(closed_at IS NULL AND legal_deadline_at < :asOf) OR closed_at > legal_deadline_at";
    private static final String ON_TIME = "status = 'RESOLVED' AND closed_at <= deadline_at";

    private final Jdbi jdbi;
    private final JdbiCategoryCatalog categories;

    JdbiStatistics(Jdbi jdbi, JdbiCategoryCatalog categories) {
        this.jdbi = jdbi;
        this.categories = categories;
    }

    @Override
    public List<Count> counts(Instant from, Instant until, Instant asOf) {
        return jdbi.withHandle(h -> h.createQuery("SELECT channel, category_id, MAX(category_name) AS category_name, executor, status, "
                        + "COUNT(*) AS appeals, "
                        + "SUM(CASE WHEN " + OVERDUE + " THEN 1 ELSE 0 END) AS overdue, "
                        + "SUM(CASE WHEN " + ON_TIME + " THEN 1 ELSE 0 END) AS on_time, "
                        + "SUM(CASE WHEN " + PAST_LEGAL + " THEN 1 ELSE 0 END) AS past_legal "
                        + "FROM appeal WHERE created_at >= :from AND created_at < :until "
                        + "GROUP BY channel, category_id, executor, status")
                .bind("from", from.toEpochMilli())
                .bind("until", until.toEpochMilli())
                .bind("asOf", asOf.toEpochMilli())
                .map((rs, ctx) -> {
                    String categoryId = rs.getString("category_id");
                    // The name the category has now; appeals keep the name they were filed under.
                    String name = categories.find(categoryId).map(Category::nameUk).orElse(rs.getString("category_name"));
                    return new Count(Channel.valueOf(rs.getString("channel")), categoryId, name, rs.getString("executor"),
                            AppealStatus.valueOf(rs.getString("status")), rs.getLong("appeals"), rs.getLong("overdue"),
                            rs.getLong("on_time"), rs.getLong("past_legal"));
                })
                .list());
    }

    @Override
    public List<Day> days(Instant from, Instant until, ZoneId zone, Instant asOf) {
        ZoneRules rules = zone.getRules();
        var byDay = new TreeMap<LocalDate, Day>();
        Instant start = from;
        while (start.isBefore(until)) {
            ZoneOffsetTransition next = rules.nextTransition(start);
            Instant end = next == null || !next.getInstant().isBefore(until) ? until : next.getInstant();
            long offsetMs = rules.getOffset(start).getTotalSeconds() * 1000L;
            for (Day d : daysAtOffset(start, end, offsetMs, asOf)) {
                byDay.merge(d.day(), d, Day::plus);
            }
            start = end;
        }
        return List.copyOf(byDay.values());
    }

    private List<Day> daysAtOffset(Instant from, Instant until, long offsetMs, Instant asOf) {
        // The offset is a number computed here, not input: written into the SQL so that GROUP BY
        // and SELECT hold the same expression (PostgreSQL compares them textually).
        String day = "(created_at + " + offsetMs + ") / " + DAY_MS;
        return jdbi.withHandle(h -> h.createQuery("SELECT " + day + " AS day_number, COUNT(*) AS appeals, "
                        + "SUM(CASE WHEN status = 'RESOLVED' THEN 1 ELSE 0 END) AS resolved, "
                        + "SUM(CASE WHEN " + ON_TIME + " THEN 1 ELSE 0 END) AS on_time, "
                        + "SUM(CASE WHEN " + OVERDUE + " THEN 1 ELSE 0 END) AS overdue "
                        + "FROM appeal WHERE created_at >= :from AND created_at < :until GROUP BY " + day)
                .bind("from", from.toEpochMilli())
                .bind("until", until.toEpochMilli())
                .bind("asOf", asOf.toEpochMilli())
                .map((rs, ctx) -> new Day(LocalDate.ofEpochDay(rs.getLong("day_number")), rs.getLong("appeals"),
                        rs.getLong("resolved"), rs.getLong("on_time"), rs.getLong("overdue")))
                .list());
    }

    @Override
    public NavigableMap<Long, Long> resolutionMinutes(Instant from, Instant until) {
        String minutes = "(closed_at - created_at) / 60000";
        var out = new TreeMap<Long, Long>();
        jdbi.useHandle(h -> h.createQuery("SELECT " + minutes + " AS minutes, COUNT(*) AS appeals FROM appeal "
                        + "WHERE created_at >= :from AND created_at < :until AND status = 'RESOLVED' AND closed_at IS NOT NULL "
                        + "GROUP BY " + minutes)
                .bind("from", from.toEpochMilli())
                .bind("until", until.toEpochMilli())
                .map((rs, ctx) -> new long[] {rs.getLong("minutes"), rs.getLong("appeals")})
                .forEach(row -> out.merge(Math.max(0, row[0]), row[1], Long::sum)));
        return out;
    }
}
