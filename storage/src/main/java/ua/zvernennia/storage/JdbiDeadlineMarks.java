package ua.zvernennia.storage;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.jdbi.v3.core.Handle;
import ua.zvernennia.core.appeal.AppealNumber;
import ua.zvernennia.core.appeal.AppealStatus;
import ua.zvernennia.core.deadline.DeadlineMarks;
import ua.zvernennia.core.deadline.WatchedAppeal;

/**
 * Deadline marks in the appeal table; the queries use the indexes on (status, mark, deadline) of
 * V5, which hold only a handful of open appeals among a year's closed ones. Bound to one handle;
 * not thread-safe.
 */
final class JdbiDeadlineMarks implements DeadlineMarks {
    private static final List<String> OPEN = Arrays.stream(AppealStatus.values())
            .filter(s -> !s.isClosed())
            .map(Enum::name)
            .toList();
    private static final String COLUMNS =
            "num_year, num_seq, category_name, executor, status, created_at, deadline_at, legal_deadline_at";

    private final Handle handle;
    private final OpenMapAggregates aggregates;

    JdbiDeadlineMarks(Handle handle, OpenMapAggregates aggregates) {
        this.handle = handle;
        this.aggregates = aggregates;
    }

    @Override
    public List<WatchedAppeal> dueForReminder(Instant now, double fraction, int limit) {
        return find(
                "overdue_at IS NULL AND reminded_at IS NULL AND deadline_at >= :now "
                        + "AND created_at * (1000 - :permille) + deadline_at * :permille <= :nowPermille ORDER BY deadline_at, num",
                now,
                fraction,
                limit);
    }

    @Override
    public List<WatchedAppeal> newlyOverdue(Instant now, int limit) {
        return find("overdue_at IS NULL AND deadline_at < :now ORDER BY deadline_at, num", now, 0, limit);
    }

    @Override
    public List<WatchedAppeal> newlyPastLegalDeadline(Instant now, int limit) {
        return find(
                "legal_overdue_at IS NULL AND legal_deadline_at < :now ORDER BY legal_deadline_at, num", now, 0, limit);
    }

    private List<WatchedAppeal> find(String condition, Instant now, double fraction, int limit) {
        var query = handle.createQuery("SELECT " + COLUMNS + " FROM appeal WHERE status IN (<open>) AND " + condition
                        + " LIMIT :limit")
                .bindList("open", OPEN)
                .bind("now", now.toEpochMilli())
                .bind("limit", limit);
        if (condition.contains(":permille")) {
            // Whole numbers: exact on every database (H2 would round a bound double to the column's BIGINT).
            query.bind("permille", Math.round(fraction * 1000))
                    .bind("nowPermille", Math.multiplyExact(now.toEpochMilli(), 1000L));
        }
        return query.map((rs, ctx) -> new WatchedAppeal(
                        new AppealNumber(rs.getInt("num_year"), rs.getLong("num_seq")),
                        rs.getString("category_name"),
                        rs.getString("executor"),
                        AppealStatus.valueOf(rs.getString("status")),
                        Instant.ofEpochMilli(rs.getLong("created_at")),
                        Instant.ofEpochMilli(rs.getLong("deadline_at")),
                        Instant.ofEpochMilli(rs.getLong("legal_deadline_at"))))
                .list();
    }

    @Override
    public boolean markReminded(AppealNumber number, Instant at) {
        return mark("reminded_at", number, at);
    }

    @Override
    public boolean markOverdue(AppealNumber number, Instant at) {
        return mark("overdue_at", number, at);
    }

    @Override
    public boolean markPastLegalDeadline(AppealNumber number, Instant at) {
        return mark("legal_overdue_at", number, at);
    }

    private boolean mark(String column, AppealNumber number, Instant at) {
        // Another instance's pass that marked it first holds the row until its commit; then the
        // condition is checked again and finds the mark set.
        // The overdue marks count in the public statistics while the appeal is open; the reminder does not.
        java.util.function.Supplier<Integer> change = () -> handle.createUpdate(
                        "UPDATE appeal SET " + column + " = :at WHERE num = :num AND " + column + " IS NULL")
                .bind("at", at.toEpochMilli())
                .bind("num", number.toString())
                .execute();
        if (column.equals("reminded_at")) {
            return change.get() == 1;
        }
        return aggregates.track(number.toString(), change) == 1;
    }
}
