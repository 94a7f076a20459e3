package ua.zvernennia.core.delivery;

import java.time.Instant;
import java.util.List;
import ua.zvernennia.core.chat.ChatKey;
import ua.zvernennia.core.chat.Reply;

/**
 * Port: replies and pushes waiting to be sent, written in the same transaction as the change
 * that causes them. Used inside a unit of work only; not thread-safe by itself.
 */
public interface Outbox {
    /** Queues a reply; the dispatcher takes it from {@code notBefore} on. */
    OutboxMessage enqueue(ChatKey chat, Reply reply, Instant notBefore, Instant now);

    /** Pending messages due at {@code now}, oldest first. */
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

    /** Makes every pending message due now (at start-up, when no in-line sends are under way). */
    int releaseAll(Instant now);
}
