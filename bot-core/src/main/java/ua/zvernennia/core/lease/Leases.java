package ua.zvernennia.core.lease;

import java.time.Duration;

/**
 * Port: named leases in the database that several instances of the app share, so that one of
 * them at a time does what must be done once (poll Telegram, run the scheduled jobs), and so that
 * the others can tell an instance that stopped from one that lives. A lease runs out
 * {@code ttl} after it was last taken or renewed, by the database's clock, so the instances'
 * clocks need not agree. Thread-safe.
 */
public interface Leases {
    /**
     * Takes the lease for {@code holder}, or renews it when {@code holder} has it, until
     * {@code ttl} from now; true when {@code holder} holds it now, false when another holder's
     * lease has not run out.
     */
    boolean hold(String name, String holder, Duration ttl);

    /** Gives the lease up if {@code holder} holds it, so that another may take it at once. */
    void release(String name, String holder);

    /** For one process alone with its database: every lease is always its own. */
    Leases ALONE = new Leases() {
        @Override
        public boolean hold(String name, String holder, Duration ttl) {
            return true;
        }

        @Override
        public void release(String name, String holder) {
            // Nobody else to give it to.
        }

        @Override
        public String toString() {
            return "Leases.ALONE";
        }
    };
}
