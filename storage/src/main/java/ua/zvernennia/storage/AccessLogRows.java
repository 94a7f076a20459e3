package ua.zvernennia.storage;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import ua.zvernennia.core.privacy.AccessLogStore.Entry;

/** The {@code access_log} table: who read whose personal data. Bound to one handle; not thread-safe. */
public final class AccessLogRows {
    private final Handle handle;

    AccessLogRows(Handle handle) {
        this.handle = handle;
    }

    /** Records one look by {@code actor} at each of {@code appeals} (or one entry with none). */
    public void record(Instant at, String actor, String via, String action, List<String> appeals) {
        PreparedBatch batch = handle.prepareBatch("INSERT INTO access_log (at, actor, via, action, appeal_num) "
                + "VALUES (:at, :actor, :via, :action, :appeal)");
        for (String appeal : appeals.isEmpty() ? java.util.Collections.<String>singletonList(null) : appeals) {
            batch.bind("at", at.toEpochMilli())
                    .bind("actor", JdbiCitizenStore.truncate(actor, 100))
                    .bind("via", via)
                    .bind("action", action)
                    .bind("appeal", appeal)
                    .add();
        }
        batch.execute();
    }

    /** Entries newest first, optionally of one appeal and/or one actor. */
    public List<Entry> list(String appeal, String actor, Instant from, Instant to, int offset, int limit) {
        StringBuilder sql =
                new StringBuilder("SELECT id, at, actor, via, action, appeal_num FROM access_log WHERE 1 = 1");
        if (appeal != null) {
            sql.append(" AND appeal_num = :appeal");
        }
        if (actor != null) {
            sql.append(" AND actor = :actor");
        }
        if (from != null) {
            sql.append(" AND at >= :from");
        }
        if (to != null) {
            sql.append(" AND at < :to");
        }
        sql.append(" ORDER BY at DESC, id DESC LIMIT :limit OFFSET :offset");
        var q = handle.createQuery(sql.toString()).bind("limit", limit).bind("offset", offset);
        if (appeal != null) {
            q.bind("appeal", appeal);
        }
        if (actor != null) {
            q.bind("actor", actor);
        }
        if (from != null) {
            q.bind("from", from.toEpochMilli());
        }
        if (to != null) {
            q.bind("to", to.toEpochMilli());
        }
        return q.map((rs, ctx) -> new Entry(
                        rs.getLong("id"),
                        Instant.ofEpochMilli(rs.getLong("at")),
                        rs.getString("actor"),
                        rs.getString("via"),
                        rs.getString("action"),
                        rs.getString("appeal_num")))
                .list();
    }

    /** Deletes up to {@code limit} entries older than {@code cutoff}; returns how many. */
    public int deleteBefore(Instant cutoff, int limit) {
        List<Long> ids = handle.createQuery("SELECT id FROM access_log WHERE at < :cutoff ORDER BY at LIMIT :limit")
                .bind("cutoff", cutoff.toEpochMilli())
                .bind("limit", limit)
                .mapTo(Long.class)
                .list();
        if (ids.isEmpty()) {
            return 0;
        }
        return handle.createUpdate("DELETE FROM access_log WHERE id IN (<ids>)")
                .bindList("ids", ids)
                .execute();
    }
}
