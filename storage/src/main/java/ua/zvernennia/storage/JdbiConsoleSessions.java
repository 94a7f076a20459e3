package ua.zvernennia.storage;

import java.time.Instant;
import java.util.Optional;
import ua.zvernennia.core.staff.ConsoleSessions;

/** The console's sessions in the database: reads beside the writer, writes through it. Thread-safe. */
final class JdbiConsoleSessions implements ConsoleSessions {
    private final Storage storage;

    JdbiConsoleSessions(Storage storage) {
        this.storage = storage;
    }

    @Override
    public void open(Stored s) {
        storage.write(st -> st.handle()
                .createUpdate(
                        "INSERT INTO console_session (id_hash, csrf, token_hash, created_at, last_seen, filter, flash) "
                                + "VALUES (:id, :csrf, :token, :created, :seen, :filter, :flash)")
                .bind("id", s.idHash())
                .bind("csrf", s.csrf())
                .bind("token", s.tokenHash())
                .bind("created", s.createdAt().toEpochMilli())
                .bind("seen", s.lastSeen().toEpochMilli())
                .bind("filter", s.filter())
                .bind("flash", s.flash())
                .execute());
    }

    @Override
    public Optional<Stored> find(String idHash) {
        return storage.read(st -> st.handle()
                .createQuery("SELECT * FROM console_session WHERE id_hash = :id")
                .bind("id", idHash)
                .map((rs, ctx) -> new Stored(
                        rs.getString("id_hash"),
                        rs.getString("csrf"),
                        rs.getString("token_hash"),
                        Instant.ofEpochMilli(rs.getLong("created_at")),
                        Instant.ofEpochMilli(rs.getLong("last_seen")),
                        rs.getString("filter"),
                        rs.getString("flash")))
                .findOne());
    }

    @Override
    public void seen(String idHash, Instant at) {
        storage.write(st -> st.handle()
                .createUpdate("UPDATE console_session SET last_seen = :at WHERE id_hash = :id AND last_seen < :at")
                .bind("at", at.toEpochMilli())
                .bind("id", idHash)
                .execute());
    }

    @Override
    public void keep(String idHash, String filter, String flash) {
        storage.write(st -> st.handle()
                .createUpdate("UPDATE console_session SET filter = :filter, flash = :flash WHERE id_hash = :id")
                .bind("filter", filter)
                .bind("flash", flash)
                .bind("id", idHash)
                .execute());
    }

    @Override
    public void close(String idHash) {
        storage.write(st -> st.handle()
                .createUpdate("DELETE FROM console_session WHERE id_hash = :id")
                .bind("id", idHash)
                .execute());
    }

    @Override
    public int forgetIdleSince(Instant before) {
        return storage.write(st -> st.handle()
                .createUpdate("DELETE FROM console_session WHERE last_seen < :before")
                .bind("before", before.toEpochMilli())
                .execute());
    }
}
