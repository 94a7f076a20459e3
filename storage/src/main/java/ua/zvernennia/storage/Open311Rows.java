package ua.zvernennia.storage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import ua.zvernennia.core.appeal.Appeal;
import ua.zvernennia.core.appeal.AppealEvent;
import ua.zvernennia.core.appeal.AppealNumber;
import ua.zvernennia.core.open311.Open311Store;
import ua.zvernennia.core.open311.Open311Store.Key;
import ua.zvernennia.core.open311.Open311Store.Query;
import ua.zvernennia.core.open311.Open311Store.Request;
import ua.zvernennia.core.refusal.Refusal;

/**
 * What Open311 GeoReport v2 and the public web form keep beside the appeals: the partner apps'
 * API keys (as SHA-256 hashes), where a WEB appeal came from, and whether an operator made an
 * appeal's description public ({@link Open311Store}), in the transaction of one handle. Bound to
 * one handle; not thread-safe.
 */
public final class Open311Rows {
    private final Handle handle;

    Open311Rows(Handle handle) {
        this.handle = handle;
    }

    /** The rows of {@code stores}' transaction. */
    public static Open311Rows of(JdbiStores stores) {
        return new Open311Rows(stores.handle());
    }

    // ---- keys --------------------------------------------------------------------------------------

    /** Stores a new key (by its hash) and returns its id. */
    public long createKey(String name, String source, int perMinute, String key, String createdBy, Instant now) {
        return handle.createUpdate(
                        "INSERT INTO open311_key (name, source, key_hash, per_minute, created_at, created_by) "
                                + "VALUES (:name, :source, :hash, :perMinute, :now, :by)")
                .bind("name", name)
                .bind("source", source)
                .bind("hash", ApiTokens.hash(key))
                .bind("perMinute", perMinute)
                .bind("now", now.toEpochMilli())
                .bind("by", createdBy)
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one();
    }

    public List<Key> keys() {
        return handle.createQuery("SELECT * FROM open311_key ORDER BY id")
                .map((rs, ctx) -> key(rs))
                .list();
    }

    /** The active key with this value, if any. */
    public Optional<Key> findActiveKey(String key) {
        return handle.createQuery("SELECT * FROM open311_key WHERE key_hash = :hash AND revoked_at IS NULL")
                .bind("hash", ApiTokens.hash(key))
                .map((rs, ctx) -> key(rs))
                .findOne();
    }

    /** Revokes the key; false when there is no active key with this id. */
    public boolean revokeKey(long id, Instant now) {
        return handle.createUpdate("UPDATE open311_key SET revoked_at = :now WHERE id = :id AND revoked_at IS NULL")
                        .bind("now", now.toEpochMilli())
                        .bind("id", id)
                        .execute()
                == 1;
    }

    private static Key key(ResultSet rs) throws SQLException {
        long revoked = rs.getLong("revoked_at");
        Instant revokedAt = rs.wasNull() ? null : Instant.ofEpochMilli(revoked);
        return new Key(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getString("source"),
                rs.getInt("per_minute"),
                Instant.ofEpochMilli(rs.getLong("created_at")),
                rs.getString("created_by"),
                revokedAt);
    }

    // ---- appeals -----------------------------------------------------------------------------------

    /** Records where an appeal came from (a partner's name, or the web form). */
    public void markSource(AppealNumber number, String source) {
        handle.createUpdate("UPDATE appeal SET source = :source WHERE num = :num")
                .bind("source", source)
                .bind("num", number.toString())
                .execute();
    }

    /**
     * Makes the appeal's description public or private again and writes the change to its
     * history; false (and nothing written) when it already was so.
     *
     * @throws Refusal NOT_FOUND when there is no such appeal
     */
    public boolean setDescriptionPublic(AppealNumber number, boolean visible, String actor, Instant now) {
        Boolean current = handle.createQuery("SELECT description_public FROM appeal WHERE num = :num")
                .bind("num", number.toString())
                .mapTo(Boolean.class)
                .findOne()
                .orElseThrow(() -> Refusal.notFound("no appeal " + number));
        if (current == visible) {
            return false;
        }
        handle.createUpdate("UPDATE appeal SET description_public = :visible WHERE num = :num")
                .bind("visible", visible)
                .bind("num", number.toString())
                .execute();
        new JdbiAppealStore(handle, java.time.ZoneOffset.UTC)
                .addEvent(
                        number,
                        AppealEvent.Kind.COMMENT,
                        actor,
                        visible ? Open311Store.DESCRIPTION_PUBLISHED : Open311Store.DESCRIPTION_HIDDEN,
                        now);
        return true;
    }

    /** The history notes of {@link #setDescriptionPublic}. */
    public Optional<Request> find(AppealNumber number) {
        return requests(new Query(List.of(number.toString()), null, null, null, null, null, 0, 1)).stream()
                .findFirst();
    }

    /** The requests matching {@code q}, newest first. */
    public List<Request> requests(Query q) {
        var where = new ArrayList<String>();
        var params = new HashMap<String, Object>();
        if (!q.numbers().isEmpty()) {
            where.add("a.num IN (<nums>)");
        }
        var kinds = new ArrayList<String>();
        int i = 0;
        for (String c : q.categoryIds()) {
            kinds.add("a.category_id = :c" + i);
            params.put("c" + i++, c);
        }
        for (Map.Entry<String, String> t : q.issueTypes()) {
            kinds.add("(a.category_id = :c" + i + " AND a.issue_type_id = :t" + i + ")");
            params.put("c" + i, t.getKey());
            params.put("t" + i++, t.getValue());
        }
        if (!kinds.isEmpty()) {
            where.add("(" + String.join(" OR ", kinds) + ")");
        }
        if (!q.statuses().isEmpty()) {
            where.add("a.status IN (<statuses>)");
        }
        if (q.from() != null) {
            where.add("a.created_at >= :from");
            params.put("from", q.from().toEpochMilli());
        }
        if (q.to() != null) {
            where.add("a.created_at < :to");
            params.put("to", q.to().toEpochMilli());
        }
        String sql =
                "SELECT a.*, (SELECT MAX(e.happened_at) FROM appeal_event e WHERE e.appeal_num = a.num) AS updated_at "
                        + "FROM appeal a" + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                        + " ORDER BY a.created_at DESC, a.num_seq DESC LIMIT :limit OFFSET :offset";
        var query =
                handle.createQuery(sql).bindMap(params).bind("limit", q.limit()).bind("offset", q.offset());
        if (!q.numbers().isEmpty()) {
            query.bindList("nums", q.numbers());
        }
        if (!q.statuses().isEmpty()) {
            query.bindList("statuses", q.statuses().stream().map(Enum::name).toList());
        }
        return query.map((rs, ctx) -> {
                    Appeal a = JdbiAppealStore.row(rs).toAppeal(List.of());
                    long updated = rs.getLong("updated_at");
                    Instant updatedAt = rs.wasNull() ? a.createdAt() : Instant.ofEpochMilli(updated);
                    return new Request(a, rs.getString("source"), rs.getBoolean("description_public"), updatedAt);
                })
                .list();
    }
}
