package ua.zvernennia.storage;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import ua.zvernennia.core.appeal.AppealStatus;
import ua.zvernennia.core.category.Category;
import ua.zvernennia.core.chat.Channel;
import ua.zvernennia.core.stats.StatisticsSource;

/**
 * Statistics read from the aggregates of V50 (kept by {@link OpenMapAggregates}) instead of the
 * appeals: a range of local days reads the calendar years it covers whole ('Y' rows), the other
 * whole months ('M' rows) and the days at its edges ('D' rows): a calendar year of a large city
 * is a few thousand rows, any 365 days a few tens of thousands. Ranges are whole local days (the
 * instants given are taken to the local dates they fall on). Thread-safe.
 *
 * <p>Overdue as of a moment: closed appeals count as the aggregates say; open ones count once
 * the deadline control has marked them, and those whose deadline passed since its last pass are
 * added from the index of open appeals' deadlines (V5's {@code appeal_watch}). The times to
 * resolution are kept to 1/32 of their value ({@link ua.zvernennia.core.openmap.ResolutionBuckets}).
 */
public final class AggregateStatistics implements StatisticsSource {
    private static final List<String> OPEN = java.util.Arrays.stream(AppealStatus.values())
            .filter(s -> !s.isClosed())
            .map(Enum::name)
            .toList();

    private final Jdbi jdbi;
    private final ZoneId zone;
    private final JdbiCategoryCatalog categories;
    private final String watch;
    private final String legalWatch;

    AggregateStatistics(Jdbi jdbi, Dialect dialect, ZoneId zone, JdbiCategoryCatalog categories) {
        this.jdbi = jdbi;
        this.zone = zone;
        this.categories = categories;
        this.watch = switch (dialect) {
            case H2 -> "appeal USE INDEX (appeal_watch)";
            case SQLITE -> "appeal INDEXED BY appeal_watch";
            case POSTGRESQL -> "appeal";
        };
        this.legalWatch = switch (dialect) {
            case H2 -> "appeal USE INDEX (appeal_legal_watch)";
            case SQLITE -> "appeal INDEXED BY appeal_legal_watch";
            case POSTGRESQL -> "appeal";
        };
    }

    /**
     * The local dates of [from, until): the first, and the last included. A range is read from
     * the fewest rows that cover it: whole calendar years from the 'Y' rows (in the tables that
     * keep them), whole months outside those from the 'M' rows, and the days at the edges from
     * the 'D' rows.
     */
    record Days(LocalDate first, LocalDate last) {
        /** The rows that cover the range, in a table with 'Y' rows ({@code years}) or only 'D' and 'M' ones. */
        Rows rows(boolean years) {
            LocalDate end = last.plusDays(1);
            LocalDate monthsFrom =
                    first.getDayOfMonth() == 1 ? first : first.withDayOfMonth(1).plusMonths(1);
            LocalDate monthsUntil = end.withDayOfMonth(1);
            var parts = new ArrayList<Rows.Part>();
            if (!monthsFrom.isBefore(monthsUntil)) {
                parts.add(new Rows.Part("D", first, end));
                return new Rows(parts);
            }
            parts.add(new Rows.Part("D", first, monthsFrom));
            LocalDate yearsFrom = monthsFrom.getDayOfYear() == 1
                    ? monthsFrom
                    : monthsFrom.withDayOfYear(1).plusYears(1);
            LocalDate yearsUntil = monthsUntil.withDayOfYear(1);
            if (years && yearsFrom.isBefore(yearsUntil)) {
                parts.add(new Rows.Part("M", monthsFrom, yearsFrom));
                parts.add(new Rows.Part("Y", yearsFrom, yearsUntil));
                parts.add(new Rows.Part("M", yearsUntil, monthsUntil));
            } else {
                parts.add(new Rows.Part("M", monthsFrom, monthsUntil));
            }
            parts.add(new Rows.Part("D", monthsUntil, end));
            parts.removeIf(Rows.Part::isEmpty);
            return new Rows(parts);
        }
    }

    /**
     * Rows of an aggregate table, each part a range of one grain's periods. The condition is a
     * plain OR of index ranges on (grain, period), with no part that can hold nothing, so that
     * every database reads only those rows (a nested OR made some scan every 'D' row).
     */
    record Rows(List<Part> parts) {
        /** The periods of {@code grain} that start in [from, until). */
        record Part(String grain, LocalDate from, LocalDate until) {
            boolean isEmpty() {
                return !from.isBefore(until);
            }
        }

        Rows {
            parts = List.copyOf(parts);
            if (parts.isEmpty()) {
                throw new IllegalArgumentException("a range covers at least one day");
            }
        }

        /** The condition on (grain, period), in parentheses. */
        String condition() {
            var terms = new ArrayList<String>();
            for (int i = 0; i < parts.size(); i++) {
                terms.add("(grain = '" + parts.get(i).grain() + "' AND period >= :from" + i + " AND period < :until" + i
                        + ")");
            }
            return "(" + String.join(" OR ", terms) + ")";
        }

        <Q extends org.jdbi.v3.core.statement.SqlStatement<Q>> Q bind(Q q) {
            for (int i = 0; i < parts.size(); i++) {
                q.bind("from" + i, (int) parts.get(i).from().toEpochDay())
                        .bind("until" + i, (int) parts.get(i).until().toEpochDay());
            }
            return q;
        }
    }

    Days days(Instant from, Instant until) {
        LocalDate first = from.atZone(zone).toLocalDate();
        Instant lastInstant = until.minusMillis(1);
        LocalDate last = lastInstant.atZone(zone).toLocalDate();
        return new Days(first, last.isBefore(first) ? first : last);
    }

    Days days(LocalDate from, LocalDate to) {
        return new Days(from, to);
    }

    @Override
    public List<Count> counts(Instant from, Instant until, Instant asOf) {
        Days d = days(from, until);
        Rows rows = d.rows(true);
        return jdbi.withHandle(h -> {
            record Key(String channel, String category, String executor, String status) {}
            var counted = new LinkedHashMap<Key, long[]>();
            rows.bind(h.createQuery(
                            "SELECT channel, category_id, executor_key, status, SUM(appeals) AS appeals, SUM(overdue) AS overdue, "
                                    + "SUM(on_time) AS on_time, SUM(past_legal) AS past_legal FROM stat_cell WHERE "
                                    + rows.condition()
                                    + " GROUP BY channel, category_id, executor_key, status"))
                    .map((rs, ctx) -> Map.entry(
                            new Key(
                                    rs.getString("channel"),
                                    rs.getString("category_id"),
                                    rs.getString("executor_key"),
                                    rs.getString("status")),
                            new long[] {
                                rs.getLong("appeals"),
                                rs.getLong("overdue"),
                                rs.getLong("on_time"),
                                rs.getLong("past_legal")
                            }))
                    .forEach(e -> counted.put(e.getKey(), e.getValue()));
            // Open appeals past a deadline the deadline control has not marked yet.
            for (int which = 1; which <= 3; which += 2) {
                int column = which;
                unmarked(h, d, asOf, column == 1).forEach(u -> {
                    long[] r = counted.get(new Key(u.channel(), u.category(), u.executor(), u.status()));
                    if (r != null) {
                        r[column]++;
                    }
                });
            }
            var names = new HashMap<String, String>();
            var out = new ArrayList<Count>();
            counted.forEach((k, r) -> {
                if (r[0] > 0) {
                    out.add(new Count(
                            Channel.valueOf(k.channel()),
                            k.category(),
                            names.computeIfAbsent(k.category(), id -> name(h, id)),
                            k.executor(),
                            AppealStatus.valueOf(k.status()),
                            r[0],
                            r[1],
                            r[2],
                            r[3]));
                }
            });
            return out;
        });
    }

    /** An open appeal whose deadline (or legal deadline) passed but which is not marked so yet. */
    record Unmarked(long createdAt, String channel, String category, String executor, String status) {}

    private List<Unmarked> unmarked(Handle h, Days d, Instant asOf, boolean operational) {
        String mark = operational ? "overdue_at" : "legal_overdue_at";
        String deadline = operational ? "deadline_at" : "legal_deadline_at";
        Instant start = d.first().atStartOfDay(zone).toInstant();
        Instant end = d.last().plusDays(1).atStartOfDay(zone).toInstant();
        Query q = h.createQuery(
                        "SELECT created_at, channel, category_id, " + OpenMapAggregates.EXECUTOR_KEY.replace("a.", "")
                                + " AS executor_key, status FROM " + (operational ? watch : legalWatch)
                                + " WHERE status IN (<open>) AND "
                                + mark + " IS NULL AND " + deadline
                                + " < :asOf AND created_at >= :from AND created_at < :until")
                .bindList("open", OPEN)
                .bind("asOf", asOf.toEpochMilli())
                .bind("from", start.toEpochMilli())
                .bind("until", end.toEpochMilli());
        return q.map((rs, ctx) -> new Unmarked(
                        rs.getLong("created_at"),
                        rs.getString("channel"),
                        rs.getString("category_id"),
                        rs.getString("executor_key"),
                        rs.getString("status")))
                .list();
    }

    private String name(Handle h, String categoryId) {
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
        Days d = days(from, until);
        return jdbi.withHandle(h -> {
            var byDay = new TreeMap<LocalDate, long[]>();
            h.createQuery(
                            "SELECT period, appeals, resolved, on_time, overdue FROM stat_day WHERE period >= :d1 AND period <= :d2")
                    .bind("d1", (int) d.first().toEpochDay())
                    .bind("d2", (int) d.last().toEpochDay())
                    .map((rs, ctx) -> Map.entry(LocalDate.ofEpochDay(rs.getInt("period")), new long[] {
                        rs.getLong("appeals"), rs.getLong("resolved"), rs.getLong("on_time"), rs.getLong("overdue")
                    }))
                    .forEach(e -> byDay.put(e.getKey(), e.getValue()));
            for (Unmarked u : unmarked(h, d, asOf, true)) {
                long[] r = byDay.get(
                        Instant.ofEpochMilli(u.createdAt()).atZone(this.zone).toLocalDate());
                if (r != null) {
                    r[3]++;
                }
            }
            var out = new ArrayList<Day>();
            byDay.forEach((day, r) -> {
                if (r[0] > 0) {
                    out.add(new Day(day, r[0], r[1], r[2], r[3]));
                }
            });
            return out;
        });
    }

    @Override
    public NavigableMap<Long, Long> resolutionMinutes(Instant from, Instant until) {
        Rows rows = days(from, until).rows(true);
        var out = new TreeMap<Long, Long>();
        jdbi.useHandle(h -> rows.bind(
                        h.createQuery("SELECT minutes, SUM(appeals) AS appeals FROM stat_resolution WHERE "
                                + rows.condition() + " GROUP BY minutes"))
                .map((rs, ctx) -> new long[] {rs.getLong("minutes"), rs.getLong("appeals")})
                .forEach(r -> {
                    if (r[1] > 0) {
                        out.merge(r[0], r[1], Long::sum);
                    }
                }));
        return out;
    }

    /** Per executor: received, RESOLVED, on time, rated, the ratings' sum, and the resolution histogram. */
    List<ua.zvernennia.core.openmap.ExecutorRow> executors(LocalDate from, LocalDate to) {
        Rows rows = days(from, to).rows(true);
        return jdbi.withHandle(h -> {
            var figures = new TreeMap<String, long[]>();
            rows.bind(h.createQuery(
                            "SELECT executor_key, status, SUM(appeals) AS appeals, SUM(on_time) AS on_time, SUM(rated) AS rated, "
                                    + "SUM(rating_sum) AS rating_sum FROM stat_cell WHERE " + rows.condition()
                                    + " GROUP BY executor_key, status"))
                    .map((rs, ctx) -> Map.entry(rs.getString("executor_key"), new long[] {
                        rs.getLong("appeals"),
                        "RESOLVED".equals(rs.getString("status")) ? rs.getLong("appeals") : 0,
                        rs.getLong("on_time"),
                        rs.getLong("rated"),
                        rs.getLong("rating_sum")
                    }))
                    .forEach(e -> {
                        long[] f = figures.computeIfAbsent(e.getKey(), k -> new long[5]);
                        for (int i = 0; i < 5; i++) {
                            f[i] += e.getValue()[i];
                        }
                    });
            var minutes = new HashMap<String, TreeMap<Long, Long>>();
            rows.bind(h.createQuery("SELECT executor_key, minutes, SUM(appeals) AS appeals FROM stat_resolution WHERE "
                            + rows.condition() + " GROUP BY executor_key, minutes"))
                    .map((rs, ctx) -> Map.entry(
                            rs.getString("executor_key"), new long[] {rs.getLong("minutes"), rs.getLong("appeals")}))
                    .forEach(e -> {
                        if (e.getValue()[1] > 0) {
                            minutes.computeIfAbsent(e.getKey(), k -> new TreeMap<>())
                                    .merge(e.getValue()[0], e.getValue()[1], Long::sum);
                        }
                    });
            var out = new ArrayList<ua.zvernennia.core.openmap.ExecutorRow>();
            figures.forEach((executor, f) -> {
                if (f[0] > 0) {
                    out.add(new ua.zvernennia.core.openmap.ExecutorRow(
                            executor, f[0], f[1], f[2], f[3], f[4], minutes.getOrDefault(executor, new TreeMap<>())));
                }
            });
            return out;
        });
    }
}
