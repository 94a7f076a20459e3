package ua.zvernennia.storage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import ua.zvernennia.core.appeal.Appeal;
import ua.zvernennia.core.appeal.AppealEvent;
import ua.zvernennia.core.appeal.AppealNumber;
import ua.zvernennia.core.appeal.AppealStatus;
import ua.zvernennia.core.desk.AppealSearch;
import ua.zvernennia.core.desk.AppealSearch.Filter;
import ua.zvernennia.core.desk.AppealSearch.Found;
import ua.zvernennia.core.desk.AppealSearch.HistoryEntry;
import ua.zvernennia.core.desk.AppealSearch.Page;
import ua.zvernennia.core.desk.AppealSearch.Push;

/**
 * What operators look up ({@link AppealSearch}), in the transaction of one handle. Bound to one
 * handle; not thread-safe.
 */
public final class AppealSearchRows {
    private final Handle handle;
    private final JdbiAppealStore appeals;

    AppealSearchRows(Handle handle, JdbiAppealStore appeals) {
        this.handle = handle;
        this.appeals = appeals;
    }

    /**
     * The one definition of "overdue" the search uses: not closed and past the deadline at
     * {@code :now}. Statistics and reminders may keep their own mark later; change it here.
     */
    static String overdueCondition() {
        return "(closed_at IS NULL AND deadline_at < :now)";
    }

    public Page find(Filter f, Instant now) {
        var where = new ArrayList<String>();
        var params = new HashMap<String, Object>();
        if (!f.statuses().isEmpty()) {
            var names = new ArrayList<String>();
            int i = 0;
            for (AppealStatus s : f.statuses()) {
                names.add(":status" + i);
                params.put("status" + i++, s.name());
            }
            where.add("status IN (" + String.join(", ", names) + ")");
        }
        if (f.categoryId() != null) {
            where.add("category_id = :category");
            params.put("category", f.categoryId());
        }
        if (f.channel() != null) {
            where.add("channel = :channel");
            params.put("channel", f.channel().name());
        }
        if (f.executor() != null) {
            where.add("executor = :executor");
            params.put("executor", f.executor());
        }
        if (f.executorId() != null) {
            where.add("executor_id = :executorId");
            params.put("executorId", f.executorId());
        }
        if (f.overdue() != null) {
            where.add(f.overdue() ? overdueCondition() : "NOT " + overdueCondition());
            params.put("now", now.toEpochMilli());
        }
        if (f.createdFrom() != null) {
            where.add("created_at >= :from");
            params.put("from", f.createdFrom().toEpochMilli());
        }
        if (f.createdTo() != null) {
            where.add("created_at < :to");
            params.put("to", f.createdTo().toEpochMilli());
        }
        if (f.text() != null && !f.text().isBlank()) {
            int i = 0;
            for (String word : JdbiAppealStore.searchable(f.text().strip()).split("\\s+")) {
                // '!' escapes: Jdbi's statement parser takes a backslash in a literal as its own escape.
                where.add("search_text LIKE :word" + i + " ESCAPE '!'");
                params.put(
                        "word" + i++,
                        "%" + word.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
            }
        }
        String condition = where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);
        long total = handle.createQuery("SELECT COUNT(*) FROM appeal" + condition)
                .bindMap(params)
                .mapTo(Long.class)
                .one();
        List<Found> items = found(handle.createQuery("SELECT num, closed_at, rating, CASE WHEN " + overdueCondition()
                        + " THEN 1 ELSE 0 END AS overdue FROM appeal" + condition
                        + " ORDER BY created_at DESC, num_year DESC, num_seq DESC LIMIT :limit OFFSET :offset")
                .bindMap(params)
                .bind("now", now.toEpochMilli())
                .bind("limit", f.limit())
                .bind("offset", f.offset())
                .map((rs, ctx) -> new Extra(
                        rs.getString("num"),
                        rs.getInt("overdue") == 1,
                        millis(rs.getObject("closed_at")),
                        integer(rs.getObject("rating"))))
                .list());
        return new Page(total, items);
    }

    public Optional<Found> find(AppealNumber number, Instant now) {
        return found(handle.createQuery("SELECT num, closed_at, rating, CASE WHEN " + overdueCondition()
                                + " THEN 1 ELSE 0 END AS overdue FROM appeal WHERE num = :num")
                        .bind("num", number.toString())
                        .bind("now", now.toEpochMilli())
                        .map((rs, ctx) -> new Extra(
                                rs.getString("num"),
                                rs.getInt("overdue") == 1,
                                millis(rs.getObject("closed_at")),
                                integer(rs.getObject("rating"))))
                        .list())
                .stream()
                .findFirst();
    }

    public List<HistoryEntry> history(AppealNumber number) {
        return handle.createQuery(
                        "SELECT e.*, o.status AS push_status, o.attempts AS push_attempts, o.last_error AS push_error, "
                                + "o.sent_at AS push_at FROM appeal_event e LEFT JOIN outbox o ON o.id = e.outbox_id "
                                + "WHERE e.appeal_num = :num ORDER BY e.id")
                .bind("num", number.toString())
                .map((rs, ctx) -> {
                    AppealEvent e = JdbiAppealStore.event(rs);
                    String status = rs.getString("push_status");
                    Push push = e.outboxId() == null || status == null
                            ? null
                            : new Push(
                                    e.outboxId(),
                                    status,
                                    rs.getInt("push_attempts"),
                                    rs.getString("push_error"),
                                    millis(rs.getObject("push_at")));
                    return new HistoryEntry(e, push);
                })
                .list();
    }

    /** Fills the search text of appeals stored before it existed; returns how many. */
    int backfill() {
        List<String> missing = handle.createQuery("SELECT num FROM appeal WHERE search_text IS NULL")
                .mapTo(String.class)
                .list();
        missing.forEach(appeals::updateSearchText);
        return missing.size();
    }

    private record Extra(String num, boolean overdue, Instant closedAt, Integer rating) {}

    private List<Found> found(List<Extra> extras) {
        Map<String, Appeal> byNumber = new HashMap<>();
        for (Appeal a : appeals.byNumbers(extras.stream().map(Extra::num).toList())) {
            byNumber.put(a.number().toString(), a);
        }
        return extras.stream()
                .filter(x -> byNumber.containsKey(x.num()))
                .map(x -> new Found(byNumber.get(x.num()), x.overdue(), x.closedAt(), x.rating()))
                .toList();
    }

    private static Instant millis(Object value) {
        return value == null ? null : Instant.ofEpochMilli(((Number) value).longValue());
    }

    private static Integer integer(Object value) {
        return value == null ? null : ((Number) Objects.requireNonNull(value)).intValue();
    }
}
