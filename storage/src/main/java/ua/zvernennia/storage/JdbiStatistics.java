package ua.zvernennia.storage;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.HashMap;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import ua.zvernennia.core.appeal.AppealStatus;
import ua.zvernennia.core.category.Category;
import ua.zvernennia.core.chat.Channel;
import ua.zvernennia.core.stats.StatisticsSource;

/**
 * Statistics in SQL that H2, SQLite and PostgreSQL all run: plain GROUP BY over a range of filing
 * times, read from the covering index {@code appeal_stats} of V5 alone. H2 and SQLite are told to
 * use it (their planners prefer the narrower {@code appeal_by_created} and then read every wide
 * row: three times slower on a year); PostgreSQL finds the index-only scan itself. Local days are found without
 * the databases' (differing) time-zone functions: the range is cut where the zone's offset
 * changes, and within each piece the day is {@code (created_at + offset) / 86400000}. Each call
 * takes a handle of its own; thread-safe.
 */
public final class JdbiStatistics implements StatisticsSource {
    private static final long DAY_MS = 86_400_000L;
    private static final String OVERDUE = "(closed_at IS NULL AND deadline_at < :asOf) OR closed_at > deadline_at";
    private static final String PAST_LEGAL =
            "(closed_at IS NULL AND legal_deadline_at < :asOf) OR closed_at > legal_deadline_at";
    private static final String ON_TIME = "status = 'RESOLVED' AND closed_at <= deadline_at";

    private final Jdbi jdbi;
    private final JdbiCategoryCatalog categories;
    /** The appeal table as statistics read it: through the covering index. */
    private final String appeals;

    JdbiStatistics(Jdbi jdbi, Dialect dialect, JdbiCategoryCatalog categories) {
        this.jdbi = jdbi;
        this.categories = categories;
        this.appeals = switch (dialect) {
            case H2 -> "appeal USE INDEX (appeal_stats)";
            case SQLITE -> "appeal INDEXED BY appeal_stats";
            case POSTGRESQL -> "appeal";
        };
    }

    @Override
    public List<Count> counts(Instant from, Instant until, Instant asOf) {
        return jdbi.withHandle(h -> {
            var names = new HashMap<String, String>();
            return h.createQuery("SELECT channel, category_id, executor, status, COUNT(*) AS appeals, "
                            + "SUM(CASE WHEN " + OVERDUE + " THEN 1 ELSE 0 END) AS overdue, "
                            + "SUM(CASE WHEN " + ON_TIME + " THEN 1 ELSE 0 END) AS on_time, "
                            + "SUM(CASE WHEN " + PAST_LEGAL + " THEN 1 ELSE 0 END) AS past_legal "
                            + "FROM " + appeals + " WHERE created_at >= :from AND created_at < :until "
                            + "GROUP BY channel, category_id, executor, status")
                    .bind("from", from.toEpochMilli())
                    .bind("until", until.toEpochMilli())
                    .bind("asOf", asOf.toEpochMilli())
                    .map((rs, ctx) -> {
                        String categoryId = rs.getString("category_id");
                        return new Count(
                                Channel.valueOf(rs.getString("channel")),
                                categoryId,
                                names.computeIfAbsent(categoryId, id -> categoryName(h, id)),
                                rs.getString("executor"),
                                AppealStatus.valueOf(rs.getString("status")),
                                rs.getLong("appeals"),
                                rs.getLong("overdue"),
                                rs.getLong("on_time"),
                                rs.getLong("past_legal"));
                    })
                    .list();
        });
    }

    /**
     * The name the category has now; for a category gone from the menu, the name an appeal was
     * filed under (appeals keep it).
     */
    private String categoryName(Handle h, String categoryId) {
        return categories
                .find(categoryId)
                .map(Category::nameUk)
                .orElseGet(() -> h.createQuery("SELECT category_name FROM appeal WHERE category_id = :id LIMIT 1")
                        .bind("id", categoryId)
                        .mapTo(String.class)
                        .findOne()
                        .orElse(categoryId));
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
                        + "FROM " + appeals + " WHERE created_at >= :from AND created_at < :until GROUP BY " + day)
                .bind("from", from.toEpochMilli())
                .bind("until", until.toEpochMilli())
                .bind("asOf", asOf.toEpochMilli())
                .map((rs, ctx) -> new Day(
                        LocalDate.ofEpochDay(rs.getLong("day_number")),
                        rs.getLong("appeals"),
                        rs.getLong("resolved"),
                        rs.getLong("on_time"),
                        rs.getLong("overdue")))
                .list());
    }

    @Override
    public NavigableMap<Long, Long> resolutionMinutes(Instant from, Instant until) {
        String minutes = "(closed_at - created_at) / 60000";
        var out = new TreeMap<Long, Long>();
        jdbi.useHandle(h -> h.createQuery("SELECT " + minutes + " AS minutes, COUNT(*) AS appeals FROM " + appeals + " "
                        + "WHERE created_at >= :from AND created_at < :until AND status = 'RESOLVED' AND closed_at IS NOT NULL "
                        + "GROUP BY " + minutes)
                .bind("from", from.toEpochMilli())
                .bind("until", until.toEpochMilli())
                .map((rs, ctx) -> new long[] {rs.getLong("minutes"), rs.getLong("appeals")})
                .forEach(row -> out.merge(Math.max(0, row[0]), row[1], Long::sum)));
        return out;
    }
}
