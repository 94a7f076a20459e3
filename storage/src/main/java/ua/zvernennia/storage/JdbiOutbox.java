package ua.zvernennia.storage;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import ua.zvernennia.core.chat.Channel;
import ua.zvernennia.core.chat.ChatKey;
import ua.zvernennia.core.chat.Reply;
import ua.zvernennia.core.delivery.Outbox;
import ua.zvernennia.core.delivery.OutboxMessage;

/** The outbox table; a reply is stored as JSON. Bound to one handle; not thread-safe. */
final class JdbiOutbox implements Outbox {
    /** The payload of a message whose text was erased (after it was sent): never read again. */
    static final String BLANK = "{}";

    private final Handle handle;

    JdbiOutbox(Handle handle) {
        this.handle = handle;
    }

    @Override
    public OutboxMessage enqueue(ChatKey chat, Reply reply, Instant notBefore, Instant now) {
        long id = handle.createUpdate(
                        "INSERT INTO outbox (channel, chat_id, payload, status, attempts, not_before, created_at) "
                                + "VALUES (:channel, :chat, :payload, 'PENDING', 0, :notBefore, :now)")
                .bind("channel", chat.channel().name())
                .bind("chat", chat.id())
                .bind("payload", Json.write(reply))
                .bind("notBefore", notBefore.toEpochMilli())
                .bind("now", now.toEpochMilli())
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one();
        return new OutboxMessage(id, chat, reply, 0, now);
    }

    @Override
    public List<OutboxMessage> due(Instant now, int limit) {
        return handle.createQuery("SELECT id, channel, chat_id, payload, attempts, created_at FROM outbox "
                        + "WHERE status = 'PENDING' AND not_before <= :now ORDER BY id LIMIT :limit")
                .bind("now", now.toEpochMilli())
                .bind("limit", limit)
                .map((rs, ctx) -> new OutboxMessage(
                        rs.getLong("id"),
                        new ChatKey(Channel.valueOf(rs.getString("channel")), rs.getString("chat_id")),
                        Json.read(rs.getString("payload"), Reply.class),
                        rs.getInt("attempts"),
                        Instant.ofEpochMilli(rs.getLong("created_at"))))
                .list();
    }

    @Override
    public void markSent(long id, String messageRef, Instant at) {
        handle.createUpdate("UPDATE outbox SET status = 'SENT', sent_at = :at, message_ref = :ref WHERE id = :id")
                .bind("at", at.toEpochMilli())
                .bind("ref", JdbiCitizenStore.truncate(messageRef, 64))
                .bind("id", id)
                .execute();
    }

    @Override
    public void markSent(List<SentMark> sent) {
        PreparedBatch batch = handle.prepareBatch(
                "UPDATE outbox SET status = 'SENT', sent_at = :at, message_ref = :ref WHERE id = :id");
        for (SentMark m : sent) {
            batch.bind("at", m.at().toEpochMilli())
                    .bind("ref", JdbiCitizenStore.truncate(m.messageRef(), 64))
                    .bind("id", m.id())
                    .add();
        }
        batch.execute();
    }

    @Override
    public void retryAt(long id, Instant next, String reason) {
        handle.createUpdate("UPDATE outbox SET attempts = attempts + 1, not_before = :next, last_error = :reason "
                        + "WHERE id = :id AND status = 'PENDING'")
                .bind("next", next.toEpochMilli())
                .bind("reason", JdbiCitizenStore.truncate(reason, 1000))
                .bind("id", id)
                .execute();
    }

    @Override
    public void giveUp(long id, String reason, Instant at) {
        handle.createUpdate(
                        "UPDATE outbox SET status = 'FAILED', attempts = attempts + 1, last_error = :reason, sent_at = :at "
                                + "WHERE id = :id AND status = 'PENDING'")
                .bind("reason", JdbiCitizenStore.truncate(reason, 1000))
                .bind("at", at.toEpochMilli())
                .bind("id", id)
                .execute();
    }

    @Override
    public int giveUpAll(ChatKey chat, String reason, Instant at) {
        return handle.createUpdate("UPDATE outbox SET status = 'FAILED', last_error = :reason, sent_at = :at "
                        + "WHERE channel = :channel AND chat_id = :chat AND status = 'PENDING'")
                .bind("reason", JdbiCitizenStore.truncate(reason, 1000))
                .bind("at", at.toEpochMilli())
                .bind("channel", chat.channel().name())
                .bind("chat", chat.id())
                .execute();
    }

    @Override
    public int releaseAll(Instant now) {
        return handle.createUpdate("UPDATE outbox SET not_before = :now WHERE status = 'PENDING' AND not_before > :now")
                .bind("now", now.toEpochMilli())
                .execute();
    }
}
