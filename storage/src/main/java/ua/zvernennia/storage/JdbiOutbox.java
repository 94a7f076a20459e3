package ua.zvernennia.storage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import ua.zvernennia.core.chat.Channel;
import ua.zvernennia.core.chat.ChatKey;
import ua.zvernennia.core.chat.Reply;
import ua.zvernennia.core.delivery.Outbox;
import ua.zvernennia.core.delivery.OutboxMessage;

/**
 * The outbox table; a reply is stored as JSON. Bound to one handle; not thread-safe.
 *
 * <p>Where several instances share the database ({@code instance} not null, PostgreSQL), a pending
 * message may be held by one instance ({@code sender}): the one that queued it for its in-line
 * send ({@code in_line}), or whose dispatcher claimed it. Nobody else takes it before
 * {@code not_before}, unless the holder's liveness lease has run out (it stopped); a dispatcher
 * takes a chat's messages only in order, never one behind an earlier message that someone else
 * holds or that waits for a retry, and locks the chat first (skipping chats locked by a turn or
 * by another dispatcher, as {@code SKIP LOCKED} skips rows).
 */
final class JdbiOutbox implements Outbox {
    /** The payload of a message whose text was erased (after it was sent): never read again. */
    static final String BLANK = "{}";
    /** How long a dispatcher's claim lasts while its holder lives; the pass is over well before. */
    static final long CLAIM_MILLIS = 60_000;

    /** Whether the holder of message {@code m} still lives (its liveness lease has not run out). */
    private static String alive(String m) {
        return "EXISTS (SELECT 1 FROM lease l WHERE l.name = '" + ua.zvernennia.core.lease.LeaseKeeper.LIVENESS_PREFIX
                + "' || " + m + ".sender AND l.expires_at > " + JdbiLeases.DB_NOW + ")";
    }

    /** Message {@code m} may be taken by a dispatcher now: due, or its holder is gone. */
    private static String free(String m) {
        return "(" + m + ".not_before <= :now OR (" + m + ".sender IS NOT NULL AND NOT " + alive(m) + "))";
    }

    /** Chats with a message a dispatcher may take now, oldest first. */
    private static final String DUE_CHATS = "SELECT channel, chat_id FROM outbox o WHERE o.status = 'PENDING' AND "
            + free("o") + " GROUP BY channel, chat_id ORDER BY MIN(id) LIMIT :limit";
    /** A chat's pending messages in order, each with whether a dispatcher may take it now. */
    private static final String CHAT_PENDING =
            "SELECT id, channel, chat_id, payload, attempts, created_at, CASE WHEN " + free("o")
                    + " THEN 1 ELSE 0 END AS free FROM outbox o WHERE channel = :channel AND chat_id = :chat AND status = 'PENDING' "
                    + "ORDER BY id LIMIT :limit";

    private final Handle handle;
    /** This instance's id where several instances share the outbox; null where this process is alone. */
    private final String instance;
    /** The writer's chat locks and their survey where instances share the database; null otherwise. */
    private final ChatLocks locks;

    JdbiOutbox(Handle handle, String instance, ChatLocks locks) {
        this.handle = handle;
        this.instance = instance;
        this.locks = locks;
    }

    @Override
    public OutboxMessage enqueue(ChatKey chat, Reply reply, Instant notBefore, Instant now) {
        // Held for this instance's own in-line send when it is not due yet (several instances only).
        boolean held = instance != null && notBefore.isAfter(now);
        if (locks != null && !held) {
            locks.queuedForDispatcher(chat);
        }
        long id = handle.createUpdate(
                        "INSERT INTO outbox (channel, chat_id, payload, status, attempts, not_before, created_at, sender, in_line) "
                                + "VALUES (:channel, :chat, :payload, 'PENDING', 0, :notBefore, :now, :sender, :inLine)")
                .bind("channel", chat.channel().name())
                .bind("chat", chat.id())
                .bind("payload", Json.write(reply))
                .bind("notBefore", notBefore.toEpochMilli())
                .bind("now", now.toEpochMilli())
                .bind("sender", held ? instance : null)
                .bind("inLine", held)
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one();
        return new OutboxMessage(id, chat, reply, 0, now);
    }

    @Override
    public boolean inLine(ChatKey chat) {
        if (instance == null) {
            return true;
        }
        Boolean surveyed = locks == null ? null : locks.heldElsewhere(chat);
        if (surveyed != null) {
            return !surveyed;
        }
        return handle.createQuery(
                                "SELECT COUNT(*) FROM (SELECT 1 FROM outbox WHERE channel = :channel AND chat_id = :chat "
                                        + "AND status = 'PENDING' AND (sender IS NULL OR sender <> :me OR in_line = FALSE) LIMIT 1) AS earlier")
                        .bind("channel", chat.channel().name())
                        .bind("chat", chat.id())
                        .bind("me", instance)
                        .mapTo(Integer.class)
                        .one()
                == 0;
    }

    @Override
    public List<OutboxMessage> due(Instant now, int limit) {
        if (instance != null) {
            return claim(now, limit);
        }
        return handle.createQuery("SELECT id, channel, chat_id, payload, attempts, created_at FROM outbox "
                        + "WHERE status = 'PENDING' AND not_before <= :now ORDER BY id LIMIT :limit")
                .bind("now", now.toEpochMilli())
                .bind("limit", limit)
                .map((rs, ctx) -> message(rs))
                .list();
    }

    /**
     * Claims the next messages of chats that have one due, a chat at a time: the chat's lock is
     * tried first (a chat that a turn or another dispatcher holds is skipped, as SKIP LOCKED skips
     * rows), and only then are its pending messages read, by a statement that sees everything
     * committed before the lock was had; the chat's messages are taken in order, up to the first
     * that someone else holds or that waits for a retry.
     */
    private List<OutboxMessage> claim(Instant now, int limit) {
        List<ChatKey> chats = handle.createQuery(DUE_CHATS)
                .bind("now", now.toEpochMilli())
                .bind("limit", limit)
                .map((rs, ctx) -> new ChatKey(Channel.valueOf(rs.getString("channel")), rs.getString("chat_id")))
                .list();
        var claimed = new ArrayList<OutboxMessage>();
        for (ChatKey chat : chats) {
            if (claimed.size() >= limit || !tryLock(chat)) {
                continue;
            }
            var head = new ArrayList<OutboxMessage>();
            for (var row : handle.createQuery(CHAT_PENDING)
                    .bind("channel", chat.channel().name())
                    .bind("chat", chat.id())
                    .bind("now", now.toEpochMilli())
                    .bind("limit", limit - claimed.size())
                    .map((rs, ctx) -> java.util.Map.entry(message(rs), rs.getInt("free") == 1))
                    .list()) {
                if (!row.getValue()) {
                    break;
                }
                head.add(row.getKey());
            }
            if (head.isEmpty()) {
                continue;
            }
            handle.createUpdate(
                            "UPDATE outbox SET sender = :me, in_line = FALSE, not_before = :until WHERE id IN (<ids>)")
                    .bind("me", instance)
                    .bind("until", now.toEpochMilli() + CLAIM_MILLIS)
                    .bindList("ids", head.stream().map(OutboxMessage::id).toList())
                    .execute();
            claimed.addAll(head);
        }
        return claimed;
    }

    /** The chat's lock, if no other transaction holds it; held until this one ends. */
    private boolean tryLock(ChatKey chat) {
        return handle.createQuery(
                        "SELECT pg_try_advisory_xact_lock(" + ChatLocks.KEY_SQL.formatted(":channel", ":chat") + ")")
                .bind("channel", chat.channel().name())
                .bind("chat", chat.id())
                .mapTo(Boolean.class)
                .one();
    }

    private static OutboxMessage message(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new OutboxMessage(
                rs.getLong("id"),
                new ChatKey(Channel.valueOf(rs.getString("channel")), rs.getString("chat_id")),
                Json.read(rs.getString("payload"), Reply.class),
                rs.getInt("attempts"),
                Instant.ofEpochMilli(rs.getLong("created_at")));
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
        if (locks != null) {
            locks.outboxChanged();
        }
        // Nobody holds it while it waits: whichever dispatcher comes after :next takes it.
        handle.createUpdate(
                        "UPDATE outbox SET attempts = attempts + 1, not_before = :next, last_error = :reason, sender = NULL, "
                                + "in_line = FALSE WHERE id = :id AND status = 'PENDING'")
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
        if (instance != null) {
            // The other instances' sends may be under way; what a stopped one held is free anyway.
            return 0;
        }
        return handle.createUpdate("UPDATE outbox SET not_before = :now WHERE status = 'PENDING' AND not_before > :now")
                .bind("now", now.toEpochMilli())
                .execute();
    }
}
