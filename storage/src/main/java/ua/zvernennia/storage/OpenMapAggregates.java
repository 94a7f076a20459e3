package ua.zvernennia.storage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Update;
import ua.zvernennia.core.appeal.AppealStatus;
import ua.zvernennia.core.appeal.GeoPoint;
import ua.zvernennia.core.openmap.MapGrid;
import ua.zvernennia.core.openmap.ResolutionBuckets;

/**
 * Keeps the aggregates of the public map and statistics (V50) current: every change of an appeal
 * that moves them reads the appeal's {@link Facts} before and after, in the same transaction, and
 * adds the difference to the tables. {@link #rebuild} writes them from the appeals afresh and
 * {@link #recount} computes what they must hold, so that the two can be compared. Bound to one
 * handle; not thread-safe.
 *
 * <p>An appeal counts in every table at its local day ('D') and its month ('M', the epoch day of
 * the month's first day), and in the statistics' tables ({@code stat_cell}, {@code stat_resolution})
 * at its calendar year ('Y', the epoch day of 1 January) too, so that a range reads whole years,
 * whole months and the days at its edges ({@link AggregateStatistics.Rows}). "Overdue" is fixed once an appeal is closed (closed after the deadline); while it is
 * open it is the deadline control's mark, which the readers complete with the appeals whose
 * deadline passed since the last check.
 */
final class OpenMapAggregates {
    /**
     * The column the executors' figures are keyed by: today an executor is the name on a
     * category or issue type, copied to each appeal. When executors become records with ids,
     * this expression (and the column it reads) is the one place to change.
     */
    static final String EXECUTOR_KEY = "a.executor";

    /**
     * The build's name in {@code aggregate_build}; a new one whenever what the tables hold changes
     * (2: the statistics' year rows), so that aggregates built before are built again at start.
     */
    static final String BUILD_NAME = "open-map-2";
    /** This build's name and the earlier ones: a rebuild leaves only its own row. */
    private static final List<String> BUILD_NAMES = List.of(BUILD_NAME, "open-map");

    /** An aggregate table: its key columns (with types), counted columns and summed (double) columns. */
    record Table(String name, List<String> keys, List<Character> keyTypes, List<String> counts, List<String> sums) {}

    static final Table STAT_CELL = new Table(
            "stat_cell",
            List.of("grain", "period", "channel", "category_id", "executor_key", "status"),
            List.of('s', 'i', 's', 's', 's', 's'),
            List.of("appeals", "overdue", "past_legal", "on_time", "rated", "rating_sum"),
            List.of());
    static final Table STAT_DAY = new Table(
            "stat_day",
            List.of("period"),
            List.of('i'),
            List.of("appeals", "resolved", "on_time", "overdue"),
            List.of());
    static final Table STAT_RESOLUTION = new Table(
            "stat_resolution",
            List.of("grain", "period", "executor_key", "minutes"),
            List.of('s', 'i', 's', 'l'),
            List.of("appeals"),
            List.of());
    static final Table MAP_CELL = new Table(
            "map_cell",
            List.of("grain", "period", "cx", "cy", "status"),
            List.of('s', 'i', 'i', 'i', 's'),
            List.of("appeals"),
            List.of("lat_sum", "lon_sum"));
    static final List<Table> TABLES = List.of(STAT_CELL, STAT_DAY, STAT_RESOLUTION, MAP_CELL);

    /** What the aggregates count of one appeal. */
    record Facts(
            String number,
            long createdAt,
            String channel,
            String categoryId,
            String executorKey,
            AppealStatus status,
            boolean overdue,
            boolean pastLegal,
            boolean onTime,
            Long resolutionMinutes,
            Integer rating,
            GeoPoint point) {}

    /** The counts and sums of one row of an aggregate table. */
    record Values(long[] counts, double[] sums) {
        /** Every count is zero: nothing is counted here (the sums then are zero too, but for rounding). */
        boolean isZero() {
            return Arrays.stream(counts).allMatch(c -> c == 0);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Values v && Arrays.equals(counts, v.counts) && Arrays.equals(sums, v.sums);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(counts);
        }

        @Override
        public String toString() {
            return Arrays.toString(counts) + (sums.length == 0 ? "" : Arrays.toString(sums));
        }
    }

    /** Rows of the aggregate tables, by table name and key. */
    static final class Deltas {
        final Map<Table, Map<List<Object>, Values>> rows = new LinkedHashMap<>();

        void add(Table t, List<Object> key, int sign, long[] counts, double[] sums) {
            Values v = rows.computeIfAbsent(t, k -> new HashMap<>())
                    .computeIfAbsent(
                            key,
                            k -> new Values(
                                    new long[t.counts().size()],
                                    new double[t.sums().size()]));
            for (int i = 0; i < counts.length; i++) {
                v.counts()[i] += sign * counts[i];
            }
            for (int i = 0; i < sums.length; i++) {
                v.sums()[i] += sign * sums[i];
            }
        }

        /** The rows that are not all zero, by table name. */
        Map<String, Map<List<Object>, Values>> nonZero() {
            var out = new LinkedHashMap<String, Map<List<Object>, Values>>();
            for (Table t : TABLES) {
                var kept = new HashMap<List<Object>, Values>();
                rows.getOrDefault(t, Map.of()).forEach((k, v) -> {
                    if (!v.isZero()) {
                        kept.put(k, v);
                    }
                });
                out.put(t.name(), kept);
            }
            return out;
        }
    }

    private static final long[] NONE = {};
    private static final double[] NO_SUMS = {};
    private static final String FACTS =
            "SELECT a.num, a.created_at, a.channel, a.category_id, " + EXECUTOR_KEY + " AS executor_key, "
                    + "a.status, a.closed_at, a.deadline_at, a.legal_deadline_at, a.overdue_at, a.legal_overdue_at, a.rating, a.place_lat, "
                    + "a.place_lon, g.status AS geo_status, g.lat AS geo_lat, g.lon AS geo_lon FROM appeal a LEFT JOIN geocode g ON g.appeal_num = a.num";

    private final Handle handle;
    private final ZoneId zone;
    /** The database's kind; known after the first statement that depends on it. */
    private Dialect dialect;

    OpenMapAggregates(Handle handle, ZoneId zone) {
        this.handle = handle;
        this.zone = zone;
    }

    /** Counts a new appeal. */
    void added(String number) {
        apply(null, read(number));
    }

    /**
     * Runs a change of the appeal and moves the aggregates by what it changed. Where instances
     * share the database (PostgreSQL), the appeal's row is locked until the commit before its facts
     * are read, so that another instance's change of the same appeal (an operator's, the deadline
     * control's, the geocoder's) comes wholly before or after this one and neither counts the
     * other's difference as its own.
     */
    <T> T track(String number, Supplier<T> change) {
        if (dialect() == Dialect.POSTGRESQL) {
            // A statement of its own: a read that waited for the lock would still see the geocode
            // row as it was when that read began, and the facts are read from both tables.
            handle.createQuery("SELECT 1 FROM appeal WHERE num = :num FOR UPDATE")
                    .bind("num", number)
                    .mapTo(Integer.class)
                    .findOne();
        }
        Facts before = read(number);
        T result = change.get();
        apply(before, read(number));
        return result;
    }

    private Dialect dialect() {
        if (dialect == null) {
            dialect = Dialect.of(handle);
        }
        return dialect;
    }

    Facts read(String number) {
        return handle.createQuery(FACTS + " WHERE a.num = :num")
                .bind("num", number)
                .map((rs, ctx) -> facts(rs))
                .findOne()
                .orElse(null);
    }

    static Facts facts(ResultSet rs) throws SQLException {
        long created = rs.getLong("created_at");
        AppealStatus status = AppealStatus.valueOf(rs.getString("status"));
        Long closed = longOrNull(rs, "closed_at");
        long deadline = rs.getLong("deadline_at");
        long legal = rs.getLong("legal_deadline_at");
        boolean overdue = closed != null ? closed > deadline : longOrNull(rs, "overdue_at") != null;
        boolean pastLegal = closed != null ? closed > legal : longOrNull(rs, "legal_overdue_at") != null;
        boolean resolved = status == AppealStatus.RESOLVED && closed != null;
        int r = rs.getInt("rating");
        Integer rating = rs.wasNull() ? null : r;
        return new Facts(
                rs.getString("num"),
                created,
                rs.getString("channel"),
                rs.getString("category_id"),
                rs.getString("executor_key"),
                status,
                overdue,
                pastLegal,
                resolved && closed <= deadline,
                resolved ? ResolutionBuckets.of((closed - created) / 60_000) : null,
                rating,
                point(rs));
    }

    /** The problem's place on the map: an operator's correction, else the citizen's point, else the geocoded address. */
    private static GeoPoint point(ResultSet rs) throws SQLException {
        String geo = rs.getString("geo_status");
        GeoPoint geocoded = null;
        double lat = rs.getDouble("geo_lat");
        if (!rs.wasNull()) {
            geocoded = new GeoPoint(lat, rs.getDouble("geo_lon"));
        }
        if ("CORRECTED".equals(geo) && geocoded != null) {
            return geocoded;
        }
        double own = rs.getDouble("place_lat");
        if (!rs.wasNull()) {
            return new GeoPoint(own, rs.getDouble("place_lon"));
        }
        return "FOUND".equals(geo) ? geocoded : null;
    }

    private static Long longOrNull(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    void apply(Facts before, Facts after) {
        if (Objects.equals(before, after)) {
            return;
        }
        var deltas = new Deltas();
        if (before != null) {
            contribute(before, -1, deltas);
        }
        if (after != null) {
            contribute(after, 1, deltas);
        }
        deltas.rows.forEach((table, rows) -> rows.forEach((key, v) -> {
            if (!v.isZero()) {
                upsert(table, key, v);
            }
        }));
        GeoPoint was = before == null ? null : before.point();
        if (after == null || after.point() == null) {
            if (was != null) {
                handle.createUpdate("DELETE FROM map_point WHERE num = :num")
                        .bind("num", before.number())
                        .execute();
            }
        } else if (was == null || !samePoint(before, after)) {
            writePoint(after, was != null);
        }
    }

    private static boolean samePoint(Facts a, Facts b) {
        return a.point().equals(b.point())
                && a.status() == b.status()
                && a.categoryId().equals(b.categoryId())
                && a.executorKey().equals(b.executorKey());
    }

    private void writePoint(Facts f, boolean exists) {
        if (dialect().upserts()) {
            // One statement: a rebuild on another instance may have written the point meanwhile.
            bindPoint(handle.createUpdate(INSERT_POINT + UPSERT_POINT), f).execute();
            return;
        }
        if (exists) {
            handle.createUpdate("DELETE FROM map_point WHERE num = :num")
                    .bind("num", f.number())
                    .execute();
        }
        bindPoint(handle.createUpdate(INSERT_POINT), f).execute();
    }

    private static final String UPSERT_POINT = " ON CONFLICT (num) DO UPDATE SET created_at = excluded.created_at, "
            + "category_id = excluded.category_id, executor_key = excluded.executor_key, status = excluded.status, "
            + "lat = excluded.lat, lon = excluded.lon, cx = excluded.cx, cy = excluded.cy";

    private static final String INSERT_POINT =
            "INSERT INTO map_point (num, created_at, category_id, executor_key, status, lat, lon, cx, cy) "
                    + "VALUES (:num, :created, :category, :executor, :status, :lat, :lon, :cx, :cy)";

    private static <S extends org.jdbi.v3.core.statement.SqlStatement<S>> S bindPoint(S statement, Facts f) {
        return statement
                .bind("num", f.number())
                .bind("created", f.createdAt())
                .bind("category", f.categoryId())
                .bind("executor", f.executorKey())
                .bind("status", f.status().name())
                .bind("lat", f.point().latitude())
                .bind("lon", f.point().longitude())
                .bind("cx", MapGrid.x(f.point().longitude(), MapGrid.ZOOM))
                .bind("cy", MapGrid.y(f.point().latitude(), MapGrid.ZOOM));
    }

    /** Adds what one appeal counts, times {@code sign}. */
    void contribute(Facts f, int sign, Deltas d) {
        LocalDate date = Instant.ofEpochMilli(f.createdAt()).atZone(zone).toLocalDate();
        int day = (int) date.toEpochDay();
        int month = (int) date.withDayOfMonth(1).toEpochDay();
        int year = (int) date.withDayOfYear(1).toEpochDay();
        boolean resolved = f.resolutionMinutes() != null;
        long[] cell = {
            1,
            bit(f.overdue()),
            bit(f.pastLegal()),
            bit(f.onTime()),
            f.rating() == null ? 0 : 1,
            f.rating() == null ? 0 : f.rating()
        };
        for (String grain : List.of("D", "M", "Y")) {
            int period = switch (grain) {
                case "D" -> day;
                case "M" -> month;
                default -> year;
            };
            d.add(
                    STAT_CELL,
                    List.of(
                            grain,
                            period,
                            f.channel(),
                            f.categoryId(),
                            f.executorKey(),
                            f.status().name()),
                    sign,
                    cell,
                    NO_SUMS);
            if (resolved) {
                d.add(
                        STAT_RESOLUTION,
                        List.of(grain, period, f.executorKey(), f.resolutionMinutes()),
                        sign,
                        new long[] {1},
                        NO_SUMS);
            }
            // The map's cells are kept by day and month: a map is asked for a day, a week or a month.
            if (f.point() != null && !grain.equals("Y")) {
                d.add(
                        MAP_CELL,
                        List.of(
                                grain,
                                period,
                                MapGrid.x(f.point().longitude(), MapGrid.ZOOM),
                                MapGrid.y(f.point().latitude(), MapGrid.ZOOM),
                                f.status().name()),
                        sign,
                        new long[] {1},
                        new double[] {f.point().latitude(), f.point().longitude()});
            }
        }
        d.add(STAT_DAY, List.of(day), sign, new long[] {1, bit(resolved), bit(f.onTime()), bit(f.overdue())}, NO_SUMS);
    }

    private static long bit(boolean b) {
        return b ? 1 : 0;
    }

    private void upsert(Table t, List<Object> key, Values v) {
        Update u;
        if (dialect().upserts()) {
            var columns = new ArrayList<String>(t.keys());
            columns.addAll(t.counts());
            columns.addAll(t.sums());
            var set = new ArrayList<String>();
            for (String c : t.counts()) {
                set.add(c + " = " + t.name() + "." + c + " + excluded." + c);
            }
            for (String c : t.sums()) {
                set.add(c + " = " + t.name() + "." + c + " + excluded." + c);
            }
            u = handle.createUpdate("INSERT INTO " + t.name() + " (" + String.join(", ", columns) + ") VALUES ("
                    + String.join(", ", columns.stream().map(c -> ":" + c).toList()) + ") ON CONFLICT ("
                    + String.join(", ", t.keys())
                    + ") DO UPDATE SET " + String.join(", ", set));
            bind(u, t, key, v).execute();
            return;
        }
        var set = new ArrayList<String>();
        for (String c : t.counts()) {
            set.add(c + " = " + c + " + :" + c);
        }
        for (String c : t.sums()) {
            set.add(c + " = " + c + " + :" + c);
        }
        u = handle.createUpdate("UPDATE " + t.name() + " SET " + String.join(", ", set) + " WHERE "
                + String.join(
                        " AND ", t.keys().stream().map(k -> k + " = :" + k).toList()));
        if (bind(u, t, key, v).execute() == 0) {
            insert(handle, t, key, v);
        }
    }

    private static void insert(Handle handle, Table t, List<Object> key, Values v) {
        var columns = new ArrayList<String>(t.keys());
        columns.addAll(t.counts());
        columns.addAll(t.sums());
        Update u = handle.createUpdate("INSERT INTO " + t.name() + " (" + String.join(", ", columns) + ") VALUES ("
                + String.join(", ", columns.stream().map(c -> ":" + c).toList()) + ")");
        bind(u, t, key, v).execute();
    }

    private static <S extends org.jdbi.v3.core.statement.SqlStatement<S>> S bind(
            S s, Table t, List<Object> key, Values v) {
        for (int i = 0; i < t.keys().size(); i++) {
            s.bind(t.keys().get(i), key.get(i));
        }
        for (int i = 0; i < t.counts().size(); i++) {
            s.bind(t.counts().get(i), v.counts()[i]);
        }
        for (int i = 0; i < t.sums().size(); i++) {
            s.bind(t.sums().get(i), v.sums()[i]);
        }
        return s;
    }

    /** What the aggregate tables must hold, computed from every appeal: rows that are not all zero, by table. */
    Map<String, Map<List<Object>, Values>> recount() {
        var d = new Deltas();
        handle.createQuery(FACTS)
                .setFetchSize(1_000)
                .map((rs, ctx) -> facts(rs))
                .forEach(f -> contribute(f, 1, d));
        return d.nonZero();
    }

    /** What the aggregate tables hold: rows that are not all zero, by table. */
    Map<String, Map<List<Object>, Values>> snapshot() {
        var out = new LinkedHashMap<String, Map<List<Object>, Values>>();
        for (Table t : TABLES) {
            var rows = new HashMap<List<Object>, Values>();
            handle.createQuery("SELECT * FROM " + t.name())
                    .map((rs, ctx) -> {
                        var key = new ArrayList<Object>();
                        for (int i = 0; i < t.keys().size(); i++) {
                            String c = t.keys().get(i);
                            key.add(
                                    switch (t.keyTypes().get(i)) {
                                        case 'i' -> (Object) rs.getInt(c);
                                        case 'l' -> (Object) rs.getLong(c);
                                        default -> (Object) rs.getString(c);
                                    });
                        }
                        long[] counts = new long[t.counts().size()];
                        for (int i = 0; i < counts.length; i++) {
                            counts[i] = rs.getLong(t.counts().get(i));
                        }
                        double[] sums = new double[t.sums().size()];
                        for (int i = 0; i < sums.length; i++) {
                            sums[i] = rs.getDouble(t.sums().get(i));
                        }
                        return Map.entry(List.copyOf(key), new Values(counts, sums));
                    })
                    .forEach(e -> {
                        if (!e.getValue().isZero()) {
                            rows.put(e.getKey(), e.getValue());
                        }
                    });
            out.put(t.name(), rows);
        }
        return out;
    }

    /** The map's points as they must be (number to facts), computed from every appeal. */
    Map<String, List<Object>> recountPoints() {
        var out = new HashMap<String, List<Object>>();
        handle.createQuery(FACTS)
                .setFetchSize(1_000)
                .map((rs, ctx) -> facts(rs))
                .forEach(f -> {
                    if (f.point() != null) {
                        out.put(
                                f.number(),
                                List.of(
                                        f.createdAt(),
                                        f.categoryId(),
                                        f.executorKey(),
                                        f.status().name(),
                                        f.point().latitude(),
                                        f.point().longitude()));
                    }
                });
        return out;
    }

    /** The map's points as they are. */
    Map<String, List<Object>> points() {
        var out = new HashMap<String, List<Object>>();
        handle.createQuery("SELECT * FROM map_point")
                .map((rs, ctx) -> Map.entry(
                        rs.getString("num"),
                        List.<Object>of(
                                rs.getLong("created_at"),
                                rs.getString("category_id"),
                                rs.getString("executor_key"),
                                rs.getString("status"),
                                rs.getDouble("lat"),
                                rs.getDouble("lon"))))
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    /** Whether the aggregates were built for this zone; if not, they must be rebuilt. */
    boolean builtFor() {
        return handle.createQuery("SELECT zone FROM aggregate_build WHERE name = :name")
                .bind("name", BUILD_NAME)
                .mapTo(String.class)
                .findOne()
                .map(z -> z.equals(zone.getId()))
                .orElse(false);
    }

    /** Writes every aggregate afresh from the appeals; returns the appeals counted. */
    long rebuild(long now) {
        for (Table t : TABLES) {
            handle.execute("DELETE FROM " + t.name());
        }
        handle.execute("DELETE FROM map_point");
        var d = new Deltas();
        long[] counted = {0};
        PreparedBatch[] points = {handle.prepareBatch(INSERT_POINT)};
        handle.createQuery(FACTS)
                .setFetchSize(1_000)
                .map((rs, ctx) -> facts(rs))
                .forEach(f -> {
                    counted[0]++;
                    contribute(f, 1, d);
                    if (f.point() != null) {
                        bindPoint(points[0], f).add();
                        if (points[0].size() >= 1_000) {
                            points[0].execute();
                            points[0] = handle.prepareBatch(INSERT_POINT);
                        }
                    }
                });
        if (points[0].size() > 0) {
            points[0].execute();
        }
        for (Table t : TABLES) {
            var columns = new ArrayList<String>(t.keys());
            columns.addAll(t.counts());
            columns.addAll(t.sums());
            String sql = "INSERT INTO " + t.name() + " (" + String.join(", ", columns) + ") VALUES ("
                    + String.join(", ", columns.stream().map(c -> ":" + c).toList()) + ")";
            PreparedBatch batch = handle.prepareBatch(sql);
            for (var e : d.rows.getOrDefault(t, Map.of()).entrySet()) {
                if (e.getValue().isZero()) {
                    continue;
                }
                bind(batch, t, e.getKey(), e.getValue()).add();
                if (batch.size() >= 1_000) {
                    batch.execute();
                    batch = handle.prepareBatch(sql);
                }
            }
            if (batch.size() > 0) {
                batch.execute();
            }
        }
        handle.createUpdate("DELETE FROM aggregate_build WHERE name IN (<names>)")
                .bindList("names", BUILD_NAMES)
                .execute();
        handle.createUpdate("INSERT INTO aggregate_build (name, zone, built_at) VALUES (:name, :zone, :at)")
                .bind("name", BUILD_NAME)
                .bind("zone", zone.getId())
                .bind("at", now)
                .execute();
        return counted[0];
    }
}
