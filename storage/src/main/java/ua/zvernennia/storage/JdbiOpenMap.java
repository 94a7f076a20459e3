package ua.zvernennia.storage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import ua.zvernennia.core.appeal.AppealEvent;
import ua.zvernennia.core.appeal.AppealNumber;
import ua.zvernennia.core.appeal.AppealStatus;
import ua.zvernennia.core.appeal.GeoPoint;
import ua.zvernennia.core.openmap.Bbox;
import ua.zvernennia.core.openmap.ExecutorRow;
import ua.zvernennia.core.openmap.MapCell;
import ua.zvernennia.core.openmap.MapFilter;
import ua.zvernennia.core.openmap.MapPlaces;
import ua.zvernennia.core.openmap.MapPoint;
import ua.zvernennia.core.openmap.OpenMap;
import ua.zvernennia.core.openmap.PublicAppeal;

/**
 * The public map's reads from the aggregates of V50, beside the writer, and operators'
 * corrections of points through the writer. Thread-safe.
 */
public final class JdbiOpenMap implements OpenMap, MapPlaces {
    private static final String PUBLIC_COLUMNS =
            "a.num, a.category_id, a.category_name, a.issue_type_name, a.status, a.created_at, "
                    + "a.deadline_at, a.legal_deadline_at, a.closed_at, a.executor, p.lat, p.lon";

    private final Jdbi jdbi;
    private final ZoneId zone;
    private final AggregateStatistics statistics;
    private final Storage writer;
    private final Clock clock;

    JdbiOpenMap(Jdbi jdbi, ZoneId zone, AggregateStatistics statistics, Storage writer, Clock clock) {
        this.jdbi = jdbi;
        this.zone = zone;
        this.statistics = statistics;
        this.writer = writer;
        this.clock = clock;
    }

    @Override
    public List<MapCell> cells(MapFilter f, Bbox box) {
        if (f.byPeriodAndStatusOnly()) {
            // The map's cells are kept by day and month only: a year of them is not asked for often enough.
            AggregateStatistics.Rows d = statistics.days(f.from(), f.to()).rows(false);
            return jdbi.withHandle(h -> {
                Query q = h.createQuery(
                        "SELECT cx, cy, status, SUM(appeals) AS appeals, SUM(lat_sum) AS lat_sum, SUM(lon_sum) AS lon_sum "
                                + "FROM map_cell WHERE " + d.condition()
                                + " AND cx >= :x1 AND cx <= :x2 AND cy >= :y1 AND cy <= :y2"
                                + (f.statuses().isEmpty() ? "" : " AND status IN (<statuses>)")
                                + " GROUP BY cx, cy, status");
                return cells(d.bind(bindBox(filters(q, f), box)));
            });
        }
        return jdbi.withHandle(h -> cells(bindBox(
                filters(
                                h.createQuery("SELECT cx, cy, status, COUNT(*) AS appeals, SUM(lat) AS lat_sum, "
                                        + "SUM(lon) AS lon_sum FROM map_point WHERE created_at >= :from AND created_at < :until "
                                        + "AND cx >= :x1 AND cx <= :x2 AND cy >= :y1 AND cy <= :y2" + pointFilters(f)
                                        + " GROUP BY cx, cy, status"),
                                f)
                        .bind("from", start(f.from()))
                        .bind("until", start(f.to().plusDays(1))),
                box)));
    }

    private static List<MapCell> cells(Query q) {
        return q.map((rs, ctx) -> new MapCell(
                        rs.getInt("cx"),
                        rs.getInt("cy"),
                        AppealStatus.valueOf(rs.getString("status")),
                        rs.getLong("appeals"),
                        rs.getDouble("lat_sum"),
                        rs.getDouble("lon_sum")))
                .list();
    }

    @Override
    public List<MapPoint> points(MapFilter f, Bbox box, int limit) {
        return jdbi.withHandle(h -> bindBox(
                        filters(
                                h.createQuery("SELECT num, lat, lon, status, category_id FROM map_point "
                                        + "WHERE created_at >= :from AND created_at < :until AND cx >= :x1 AND cx <= :x2 AND cy >= :y1 AND cy <= :y2"
                                        + pointFilters(f) + " ORDER BY created_at DESC LIMIT :limit"),
                                f),
                        box)
                .bind("from", start(f.from()))
                .bind("until", start(f.to().plusDays(1)))
                .bind("limit", limit)
                .map((rs, ctx) -> new MapPoint(
                        rs.getString("num"),
                        rs.getDouble("lat"),
                        rs.getDouble("lon"),
                        AppealStatus.valueOf(rs.getString("status")),
                        rs.getString("category_id")))
                .list());
    }

    private static String pointFilters(MapFilter f) {
        return (f.statuses().isEmpty() ? "" : " AND status IN (<statuses>)")
                + (f.categories().isEmpty() ? "" : " AND category_id IN (<categories>)")
                + (f.executor() == null ? "" : " AND executor_key = :executor");
    }

    private static Query filters(Query q, MapFilter f) {
        if (!f.statuses().isEmpty()) {
            q.bindList(
                    "statuses", f.statuses().stream().map(Enum::name).sorted().toList());
        }
        if (!f.categories().isEmpty()) {
            q.bindList("categories", f.categories().stream().sorted().toList());
        }
        if (f.executor() != null) {
            q.bind("executor", f.executor());
        }
        return q;
    }

    private static Query bindBox(Query q, Bbox box) {
        return q.bind("x1", box.minX())
                .bind("x2", box.maxX())
                .bind("y1", box.minY())
                .bind("y2", box.maxY());
    }

    private long start(LocalDate day) {
        return day.atStartOfDay(zone).toInstant().toEpochMilli();
    }

    @Override
    public Optional<PublicAppeal> appeal(AppealNumber number) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + PUBLIC_COLUMNS
                        + " FROM appeal a LEFT JOIN map_point p ON p.num = a.num " + "WHERE a.num = :num")
                .bind("num", number.toString())
                .map((rs, ctx) -> appeal(rs))
                .findOne());
    }

    @Override
    public List<PublicAppeal> appeals(LocalDate from, LocalDate to, int offset, int limit) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT " + PUBLIC_COLUMNS + " FROM appeal a LEFT JOIN map_point p ON p.num = a.num "
                                + "WHERE a.created_at >= :from AND a.created_at < :until ORDER BY a.created_at, a.num LIMIT :limit OFFSET :offset")
                .bind("from", start(from))
                .bind("until", start(to.plusDays(1)))
                .bind("limit", limit)
                .bind("offset", offset)
                .map((rs, ctx) -> appeal(rs))
                .list());
    }

    private static PublicAppeal appeal(ResultSet rs) throws SQLException {
        double lat = rs.getDouble("lat");
        GeoPoint point = rs.wasNull() ? null : new GeoPoint(lat, rs.getDouble("lon"));
        long closed = rs.getLong("closed_at");
        Instant closedAt = rs.wasNull() ? null : Instant.ofEpochMilli(closed);
        return new PublicAppeal(
                rs.getString("num"),
                rs.getString("category_id"),
                rs.getString("category_name"),
                rs.getString("issue_type_name"),
                AppealStatus.valueOf(rs.getString("status")),
                Instant.ofEpochMilli(rs.getLong("created_at")),
                Instant.ofEpochMilli(rs.getLong("deadline_at")),
                Instant.ofEpochMilli(rs.getLong("legal_deadline_at")),
                closedAt,
                rs.getString("executor"),
                point);
    }

    @Override
    public List<ExecutorRow> executors(LocalDate from, LocalDate to) {
        return statistics.executors(from, to);
    }

    @Override
    public Optional<Place> place(AppealNumber number) {
        return jdbi.withHandle(h -> new GeocodeRows(h, null).place(number.toString()));
    }

    @Override
    public boolean correct(AppealNumber number, GeoPoint point, String actor) {
        return writer.write(stores -> {
            long at = clock.millis();
            boolean found = stores.geocodes().correct(number.toString(), point, actor, at);
            if (found) {
                String note = point == null
                        ? "Точку на карті повернуто до знайденої за адресою"
                        : String.format(
                                java.util.Locale.ROOT,
                                "Точку на карті виправлено: %.6f, %.6f",
                                point.latitude(),
                                point.longitude());
                stores.appeals().addEvent(number, AppealEvent.Kind.COMMENT, actor, note, Instant.ofEpochMilli(at));
            }
            return found;
        });
    }
}
