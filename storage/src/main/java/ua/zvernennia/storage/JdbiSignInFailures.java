package ua.zvernennia.storage;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import ua.zvernennia.core.staff.SignInFailures;

/**
 * Failed sign-ins in the database (PostgreSQL: several instances share it): reads beside the
 * writer, counts through it with the client's row locked. Thread-safe.
 */
final class JdbiSignInFailures implements SignInFailures {
    private final Storage storage;

    JdbiSignInFailures(Storage storage) {
        this.storage = storage;
    }

    @Override
    public Optional<Count> find(String client) {
        return storage.read(st -> count(st, client, false));
    }

    @Override
    public Count update(String client, Function<Optional<Count>, Count> next) {
        return storage.write(st -> {
            // The row locked until the commit: two instances counting the same client's failures
            // at once count both.
            st.handle()
                    .createUpdate(
                            "INSERT INTO sign_in_failure (client, failures, last_at, blocked_until) VALUES (:c, 0, 0, 0) "
                                    + "ON CONFLICT (client) DO NOTHING")
                    .bind("c", client)
                    .execute();
            Optional<Count> before = count(st, client, true).filter(c -> c.failures() > 0);
            Count after = next.apply(before);
            st.handle()
                    .createUpdate(
                            "UPDATE sign_in_failure SET failures = :f, last_at = :last, blocked_until = :until WHERE client = :c")
                    .bind("f", after.failures())
                    .bind("last", after.last().toEpochMilli())
                    .bind("until", after.blockedUntil().toEpochMilli())
                    .bind("c", client)
                    .execute();
            return after;
        });
    }

    @Override
    public void forget(String client) {
        storage.write(st -> st.handle()
                .createUpdate("DELETE FROM sign_in_failure WHERE client = :c")
                .bind("c", client)
                .execute());
    }

    private static Optional<Count> count(JdbiStores st, String client, boolean lock) {
        return st.handle()
                .createQuery("SELECT failures, last_at, blocked_until FROM sign_in_failure WHERE client = :c"
                        + (lock ? " FOR UPDATE" : ""))
                .bind("c", client)
                .map((rs, ctx) -> new Count(
                        rs.getInt("failures"),
                        Instant.ofEpochMilli(rs.getLong("last_at")),
                        Instant.ofEpochMilli(rs.getLong("blocked_until"))))
                .findOne()
                .filter(c -> c.failures() > 0);
    }
}
