package ua.zvernennia.storage;

import java.util.Optional;
import org.jdbi.v3.core.Handle;
import ua.zvernennia.core.appeal.GeoPoint;
import ua.zvernennia.core.openmap.MapPlaces;

/**
 * The geocoder's side of the database: the queue of appeals whose problem place is a typed
 * address (table {@code geocode}, V50), the cache of the geocoder's answers by a hash of the
 * address, and operators' corrections. Every change that moves a point moves the public map's
 * aggregates in the same transaction. Bound to one handle; not thread-safe.
 */
public final class GeocodeRows {
    public static final String PENDING = "PENDING";
    public static final String FOUND = "FOUND";
    public static final String NOT_FOUND = "NOT_FOUND";
    public static final String FAILED = "FAILED";
    public static final String CORRECTED = "CORRECTED";

    /** An appeal waiting for the geocoder: its number, the typed problem place, and the attempts so far. */
    public record Due(String number, String placeAddress, int attempts) {}

    /** A cached answer: found with a point, or known not to be found. */
    public record Answer(boolean found, GeoPoint point, long fetchedAt) {}

    private final Handle handle;
    private final OpenMapAggregates aggregates;

    GeocodeRows(Handle handle, OpenMapAggregates aggregates) {
        this.handle = handle;
        this.aggregates = aggregates;
    }

    static void enqueue(Handle handle, String number, java.time.Instant at) {
        handle.createUpdate("INSERT INTO geocode (appeal_num, status, attempts, not_before, updated_at, updated_by) "
                        + "VALUES (:num, 'PENDING', 0, :at, :at, 'intake')")
                .bind("num", number)
                .bind("at", at.toEpochMilli())
                .execute();
    }

    /** The next appeal to look up: the newest due first, so that a backlog never delays a new appeal. */
    public Optional<Due> nextDue(long now) {
        return handle.createQuery(
                        "SELECT g.appeal_num, a.place_address, g.attempts FROM geocode g JOIN appeal a ON a.num = g.appeal_num "
                                + "WHERE g.status = 'PENDING' AND g.not_before <= :now ORDER BY g.not_before DESC, g.appeal_num DESC LIMIT 1")
                .bind("now", now)
                .map((rs, ctx) ->
                        new Due(rs.getString("appeal_num"), rs.getString("place_address"), rs.getInt("attempts")))
                .findOne();
    }

    public Optional<Answer> cached(String queryHash) {
        return handle.createQuery("SELECT found, lat, lon, fetched_at FROM geocode_cache WHERE query_hash = :hash")
                .bind("hash", queryHash)
                .map((rs, ctx) -> {
                    boolean found = rs.getBoolean("found");
                    double lat = rs.getDouble("lat");
                    GeoPoint p = rs.wasNull() ? null : new GeoPoint(lat, rs.getDouble("lon"));
                    return new Answer(found && p != null, p, rs.getLong("fetched_at"));
                })
                .findOne();
    }

    public void cache(String queryHash, GeoPoint point, long at) {
        handle.createUpdate("DELETE FROM geocode_cache WHERE query_hash = :hash")
                .bind("hash", queryHash)
                .execute();
        handle.createUpdate(
                        "INSERT INTO geocode_cache (query_hash, found, lat, lon, fetched_at) VALUES (:hash, :found, :lat, :lon, :at)")
                .bind("hash", queryHash)
                .bind("found", point != null)
                .bind("lat", point == null ? null : point.latitude())
                .bind("lon", point == null ? null : point.longitude())
                .bind("at", at)
                .execute();
    }

    /** The geocoder's answer for a pending appeal: a point, or none found. Leaves a correction alone. */
    public void answered(String number, GeoPoint point, long at) {
        aggregates.track(
                number,
                () -> handle.createUpdate(
                                "UPDATE geocode SET status = :status, lat = :lat, lon = :lon, "
                                        + "updated_at = :at, updated_by = 'geocoder', last_error = NULL WHERE appeal_num = :num AND status = 'PENDING'")
                        .bind("status", point == null ? NOT_FOUND : FOUND)
                        .bind("lat", point == null ? null : point.latitude())
                        .bind("lon", point == null ? null : point.longitude())
                        .bind("at", at)
                        .bind("num", number)
                        .execute());
    }

    /** A failed look-up: tried again at {@code notBefore}, or given up ({@code notBefore} null). */
    public void failed(String number, String reason, Long notBefore, long at) {
        handle.createUpdate("UPDATE geocode SET status = :status, attempts = attempts + 1, not_before = :notBefore, "
                        + "updated_at = :at, last_error = :error WHERE appeal_num = :num AND status = 'PENDING'")
                .bind("status", notBefore == null ? FAILED : PENDING)
                .bind("notBefore", notBefore == null ? at : notBefore)
                .bind("at", at)
                .bind("error", reason.length() > 500 ? reason.substring(0, 500) : reason)
                .bind("num", number)
                .execute();
    }

    /** Where the map has the appeal; empty when there is no such appeal. */
    public Optional<MapPlaces.Place> place(String number) {
        return handle.createQuery("SELECT a.place_lat, a.place_lon, g.status, g.lat, g.lon FROM appeal a "
                        + "LEFT JOIN geocode g ON g.appeal_num = a.num WHERE a.num = :num")
                .bind("num", number)
                .map((rs, ctx) -> {
                    String status = rs.getString("status");
                    double glat = rs.getDouble("lat");
                    GeoPoint geo = rs.wasNull() ? null : new GeoPoint(glat, rs.getDouble("lon"));
                    double plat = rs.getDouble("place_lat");
                    GeoPoint own = rs.wasNull() ? null : new GeoPoint(plat, rs.getDouble("place_lon"));
                    if (CORRECTED.equals(status) && geo != null) {
                        return new MapPlaces.Place(geo, MapPlaces.Source.OPERATOR, status);
                    }
                    if (own != null) {
                        return new MapPlaces.Place(own, MapPlaces.Source.CITIZEN, status);
                    }
                    if (FOUND.equals(status) && geo != null) {
                        return new MapPlaces.Place(geo, MapPlaces.Source.GEOCODER, status);
                    }
                    return new MapPlaces.Place(null, MapPlaces.Source.NONE, status);
                })
                .findOne();
    }

    /**
     * An operator's point for the appeal, or with null the correction taken back: an appeal with
     * a typed place is then looked up again. False when there is no such appeal.
     */
    public boolean correct(String number, GeoPoint point, String actor, long at) {
        Optional<String> placeAddress = handle.createQuery(
                        "SELECT CASE WHEN place_lat IS NULL THEN COALESCE(place_address, '') ELSE '' END FROM appeal WHERE num = :num")
                .bind("num", number)
                .mapTo(String.class)
                .findOne();
        if (placeAddress.isEmpty()) {
            return false;
        }
        aggregates.track(number, () -> {
            handle.createUpdate("DELETE FROM geocode WHERE appeal_num = :num")
                    .bind("num", number)
                    .execute();
            if (point != null) {
                handle.createUpdate(
                                "INSERT INTO geocode (appeal_num, status, lat, lon, attempts, not_before, updated_at, updated_by) "
                                        + "VALUES (:num, 'CORRECTED', :lat, :lon, 0, :at, :at, :actor)")
                        .bind("num", number)
                        .bind("lat", point.latitude())
                        .bind("lon", point.longitude())
                        .bind("at", at)
                        .bind("actor", actor)
                        .execute();
            } else if (!placeAddress.get().isBlank()) {
                enqueue(handle, number, java.time.Instant.ofEpochMilli(at));
            }
            return null;
        });
        return true;
    }
}
