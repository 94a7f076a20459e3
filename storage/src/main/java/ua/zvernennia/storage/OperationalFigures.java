package ua.zvernennia.storage;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jdbi.v3.core.Jdbi;
import ua.zvernennia.core.appeal.AppealStatus;

/**
 * The figures an operator watches, read from the database: the outbox backlog and how long its
 * oldest message has waited, appeals by status, and open appeals past their deadline. Counts
 * only, no personal data.
 *
 * @param outboxPending     outbox messages not yet sent nor given up
 * @param oldestPendingAge  how long the oldest of them has waited; zero when none
 * @param appealsByStatus   appeals by status name
 * @param overdueAppeals    appeals not closed and past their deadline
 */
public record OperationalFigures(
        long outboxPending, Duration oldestPendingAge, Map<String, Long> appealsByStatus, long overdueAppeals) {
    public OperationalFigures {
        appealsByStatus = Map.copyOf(appealsByStatus);
    }

    private static final List<String> OPEN = Arrays.stream(AppealStatus.values())
            .filter(s -> !s.isClosed())
            .map(Enum::name)
            .toList();

    static OperationalFigures read(Jdbi jdbi, Instant now) {
        return jdbi.withHandle(h -> {
            var pending = h.createQuery(
                            "SELECT COUNT(*) AS n, MIN(created_at) AS oldest FROM outbox WHERE status = 'PENDING'")
                    .map((rs, ctx) -> new long[] {rs.getLong("n"), rs.getLong("oldest")})
                    .one();
            Map<String, Long> byStatus = new TreeMap<>();
            h.createQuery("SELECT status, COUNT(*) AS n FROM appeal GROUP BY status")
                    .map((rs, ctx) -> Map.entry(rs.getString("status"), rs.getLong("n")))
                    .forEach(e -> byStatus.put(e.getKey(), e.getValue()));
            // The open statuses let the count seek the index on (status, deadline_at) instead of
            // reading a year of closed appeals; the condition itself is the search's.
            long overdue = h.createQuery("SELECT COUNT(*) FROM appeal WHERE status IN (<open>) AND "
                            + AppealSearchRows.overdueCondition())
                    .bindList("open", OPEN)
                    .bind("now", now.toEpochMilli())
                    .mapTo(Long.class)
                    .one();
            Duration age =
                    pending[0] == 0 ? Duration.ZERO : Duration.ofMillis(Math.max(0, now.toEpochMilli() - pending[1]));
            return new OperationalFigures(pending[0], age, byStatus, overdue);
        });
    }
}
