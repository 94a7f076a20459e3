package ua.zvernennia.storage;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;
import ua.zvernennia.core.appeal.AppealNumber;

/**
 * Look-ups and small batched changes of the retention job: appeals closed long ago whose personal
 * data is still there, and sent messages whose text is still kept. Each batch is one transaction
 * of the writer and only touches rows not yet done, so instances running it at the same time
 * (on one PostgreSQL) do the same work at most twice, harmlessly. Bound to one handle; not thread-safe.
 */
public final class Retention {
    private final Handle handle;

    Retention(Handle handle) {
        this.handle = handle;
    }

    /** Closed appeals, closed before {@code cutoff}, not yet anonymised; the oldest first. */
    public List<AppealNumber> closedBefore(Instant cutoff, int limit) {
        return handle.createQuery(
                        "SELECT num_year, num_seq FROM appeal WHERE anonymised_at IS NULL AND closed_at < :cutoff "
                                + "ORDER BY closed_at LIMIT :limit")
                .bind("cutoff", cutoff.toEpochMilli())
                .bind("limit", limit)
                .map((rs, ctx) -> new AppealNumber(rs.getInt("num_year"), rs.getLong("num_seq")))
                .list();
    }

    /** The chats whose citizen saved this phone, or whose appeals (not yet anonymised) give it. */
    public java.util.Set<ua.zvernennia.core.chat.ChatKey> chatsWithPhone(String e164) {
        var out = new java.util.LinkedHashSet<ua.zvernennia.core.chat.ChatKey>();
        handle.createQuery(
                        "SELECT channel, chat_id FROM citizen WHERE phone = :phone UNION "
                                + "SELECT channel, chat_id FROM appeal WHERE phone = :phone AND chat_id IS NOT NULL AND anonymised_at IS NULL")
                .bind("phone", e164)
                .map((rs, ctx) -> new ua.zvernennia.core.chat.ChatKey(
                        ua.zvernennia.core.chat.Channel.valueOf(rs.getString("channel")), rs.getString("chat_id")))
                .forEach(out::add);
        return out;
    }

    /** Appeals that give this phone and are not anonymised yet. */
    public List<AppealNumber> appealsWithPhone(String e164) {
        return handle.createQuery(
                        "SELECT num_year, num_seq FROM appeal WHERE phone = :phone AND anonymised_at IS NULL ORDER BY created_at")
                .bind("phone", e164)
                .map((rs, ctx) -> new AppealNumber(rs.getInt("num_year"), rs.getLong("num_seq")))
                .list();
    }

    /** Erases the text of up to {@code limit} messages sent (or given up) before {@code cutoff}; returns how many. */
    public int eraseSentBefore(Instant cutoff, Instant now, int limit) {
        List<Long> ids = handle.createQuery(
                        "SELECT id FROM outbox WHERE payload_erased_at IS NULL AND created_at < :cutoff "
                                + "AND status <> 'PENDING' ORDER BY created_at LIMIT :limit")
                .bind("cutoff", cutoff.toEpochMilli())
                .bind("limit", limit)
                .mapTo(Long.class)
                .list();
        if (ids.isEmpty()) {
            return 0;
        }
        return handle.createUpdate("UPDATE outbox SET payload = :blank, payload_erased_at = :now WHERE id IN (<ids>) "
                        + "AND payload_erased_at IS NULL AND status <> 'PENDING'")
                .bind("blank", JdbiOutbox.BLANK)
                .bind("now", now.toEpochMilli())
                .bindList("ids", ids)
                .execute();
    }
}
