package ua.zvernennia.core.delivery;

import java.time.Instant;
import java.util.List;
import ua.zvernennia.core.chat.ChatKey;
import ua.zvernennia.core.chat.Reply;

/**
 * Port: replies and pushes waiting to be sent, written in the same transaction as the change
 * that causes them. Used inside a unit of work only; not thread-safe by itself.
 *
 * <p>Where several instances share the outbox, a message is held by at most one instance at a
 * time: the one that queued it for its own in-line send, or the one whose dispatcher claimed it.
 * What an instance holds is left alone by the others until the hold runs out or the instance
 * stops renewing its liveness lease; a chat's messages are sent in the order queued.
 */
public interface Outbox {
    /**
     * Queues a reply; the dispatcher takes it from {@code notBefore} on. A {@code notBefore} after
     * {@code now} holds it for the caller's own in-line send until then (where several instances
     * share the outbox: held by this instance, and free for the others at once if it stops).
     */
    OutboxMessage enqueue(ChatKey chat, Reply reply, Instant notBefore, Instant now);

    /**
     * Whether replies queued now for the chat may be sent in line by this instance right after
     * the commit: true unless an earlier message to the chat is still pending and held by
     * someone else (another instance, a dispatcher pass) or waiting for a retry, which they
     * would overtake. Always true where one process sends everything: its chat lanes keep the
     * order.
     */
    default boolean inLine(ChatKey chat) {
        return true;
    }

    /**
     * Pending messages due at {@code now}, oldest first. Where several instances share the
     * outbox, the messages returned are claimed for this instance (others leave them alone until
     * the claim runs out), only the chat's next ones are returned (never one behind an earlier
     * message that someone else holds or that waits for a retry), and each chat is taken by one
     * dispatcher at a time.
     */
    List<OutboxMessage> due(Instant now, int limit);

    void markSent(long id, String messageRef, Instant at);

    /** A message that went out: the messenger's id of it (may be null) and when. */
    record SentMark(long id, String messageRef, Instant at) {}

    /** Marks many messages sent at once (one batch rather than a statement each). */
    default void markSent(List<SentMark> sent) {
        sent.forEach(m -> markSent(m.id(), m.messageRef(), m.at()));
    }

    void retryAt(long id, Instant next, String reason);

    /** Gives up on the message for good, recording why. */
    void giveUp(long id, String reason, Instant at);

    /** Gives up on every pending message to the chat (the citizen cannot be reached). */
    int giveUpAll(ChatKey chat, String reason, Instant at);

    /**
     * Makes every pending message due now (at start-up, when no in-line sends are under way).
     * Where several instances share the outbox, the others' sends may be under way: nothing is
     * released, and what an instance that stopped held is free once its liveness lease ran out.
     */
    int releaseAll(Instant now);
}
