package ua.zvernennia.storage;

import java.time.Duration;
import org.jdbi.v3.core.Jdbi;
import ua.zvernennia.core.lease.Leases;

/**
 * Leases in the {@code lease} table of PostgreSQL, by the database's clock. Each call is one
 * statement on a connection of its own, beside the group-committing writer: a renewal must not
 * wait behind a queue of turns. Thread-safe.
 */
final class JdbiLeases implements Leases {
    /** Now in milliseconds since the epoch, by the database server's clock. */
    static final String DB_NOW = "CAST(EXTRACT(EPOCH FROM clock_timestamp()) * 1000 AS BIGINT)";
    /** Expired leases are deleted this long after they ran out (an instance's liveness, when it stopped). */
    private static final Duration FORGET_AFTER = Duration.ofDays(1);

    private final Jdbi jdbi;

    JdbiLeases(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public boolean hold(String name, String holder, Duration ttl) {
        return jdbi.withHandle(
                h -> h.createUpdate("INSERT INTO lease (name, holder, expires_at) VALUES (:name, :holder, " + DB_NOW
                                        + " + :ttl) "
                                        + "ON CONFLICT (name) DO UPDATE SET holder = EXCLUDED.holder, expires_at = EXCLUDED.expires_at "
                                        + "WHERE lease.holder = EXCLUDED.holder OR lease.expires_at < " + DB_NOW)
                                .bind("name", name)
                                .bind("holder", holder)
                                .bind("ttl", ttl.toMillis())
                                .execute()
                        == 1);
    }

    @Override
    public void release(String name, String holder) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM lease WHERE name = :name AND holder = :holder")
                .bind("name", name)
                .bind("holder", holder)
                .execute());
    }

    /** Deletes leases that ran out long ago; returns how many. */
    int forgetExpired() {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM lease WHERE expires_at < " + DB_NOW + " - :after")
                .bind("after", FORGET_AFTER.toMillis())
                .execute());
    }
}
