package ua.zvernennia.core.engine;

import java.util.List;
import ua.zvernennia.core.delivery.OutboxMessage;

/**
 * What handling one inbound committed: the replies now in the outbox that the caller sends in
 * line, in order (none when they must wait behind earlier messages that another instance or the
 * outbox dispatcher holds: the dispatcher sends them then). A duplicate (an update already
 * handled) commits nothing.
 *
 * @param readInbox     the inbound is not handled yet: it waits in the inbox behind the chat's
 *                      earlier inbounds, or was taken by another instance; the chat's lane reads
 *                      the inbox back before it retires (several instances on one database only)
 * @param repliesBehind the turn's replies wait in the outbox behind earlier messages of the chat
 *                      that someone else holds: a dispatcher sends them once those are sent
 *                      (several instances on one database only)
 */
public record Handled(List<OutboxMessage> replies, boolean duplicate, boolean readInbox, boolean repliesBehind) {
    public Handled {
        replies = List.copyOf(replies);
    }

    public Handled(List<OutboxMessage> replies, boolean duplicate) {
        this(replies, duplicate, false, false);
    }

    public Handled(List<OutboxMessage> replies, boolean duplicate, boolean readInbox) {
        this(replies, duplicate, readInbox, false);
    }

    public static final Handled DUPLICATE = new Handled(List.of(), true);

    /**
     * Recorded in the inbox behind the chat's earlier inbounds: durable, its turn still to come
     * (its replies are sent when it has run).
     */
    public static final Handled QUEUED = new Handled(List.of(), false);

    /** Over the chat's flood limit, or a repeat of the same press: dropped, nothing recorded. */
    public static final Handled DROPPED = new Handled(List.of(), true);

    /** Not taken here: in the inbox behind earlier inbounds of the chat, or taken elsewhere. */
    public static final Handled BEHIND = new Handled(List.of(), false, true);
}
