package ua.zvernennia.core.openmap;

import java.time.Instant;
import java.util.Optional;
import ua.zvernennia.core.appeal.AppealNumber;
import ua.zvernennia.core.appeal.GeoPoint;

/**
 * Port: the appeals whose problem place is a typed address, waiting to be found on the map, and
 * the cache of the geocoder's answers by a hash of the address. An answer that moves a point
 * moves the public map's aggregates in the same transaction; an operator's correction is never
 * overwritten. Each call is its own read or transaction; thread-safe.
 */
public interface GeocodeQueue {
    /** An appeal waiting for the geocoder: its number, the typed problem place, and the attempts so far. */
    record Due(AppealNumber number, String placeAddress, int attempts) {}

    /** A cached answer: found with a point, or known not to be found as of {@code fetchedAt}. */
    record Answer(boolean found, GeoPoint point, Instant fetchedAt) {
        public Answer {
            if (found && point == null) {
                throw new IllegalArgumentException("a found place needs its point");
            }
        }
    }

    /** The next appeal to look up at {@code now}: the newest due first, so that a backlog never delays a new appeal. */
    Optional<Due> nextDue(Instant now);

    /** What the geocoder answered for the address of this hash before, if it was asked. */
    Optional<Answer> cached(String queryHash);

    /**
     * The answer for a waiting appeal: a point, or none found (null). With a {@code queryHash} the
     * answer is also cached under it, in the same transaction; without one it is not.
     */
    void answered(AppealNumber number, GeoPoint point, String queryHash, Instant at);

    /** A failed look-up: tried again at {@code notBefore}, or given up when it is null. */
    void failed(AppealNumber number, String reason, Instant notBefore, Instant at);
}
