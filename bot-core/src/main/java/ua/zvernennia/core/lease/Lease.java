package ua.zvernennia.core.lease;

import java.time.Duration;

/** One named lease as this instance sees it; see {@link LeaseKeeper}. Thread-safe. */
public interface Lease {
    String name();

    /**
     * Whether this instance holds the lease now: it was taken or renewed recently enough that no
     * other instance can have taken it since. Cheap: asks nothing of the database.
     */
    boolean held();

    /**
     * How long the lease lasts unrenewed: work done under it (a long poll) should take a fraction
     * of this, and check {@link #held()} again before more.
     */
    Duration ttl();

    /** A lease that is always held: for one process alone with its database. */
    static Lease always(String name) {
        return new Lease() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public boolean held() {
                return true;
            }

            @Override
            public Duration ttl() {
                return Duration.ofDays(365);
            }
        };
    }
}
