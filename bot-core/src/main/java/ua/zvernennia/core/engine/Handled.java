package ua.zvernennia.core.engine;

import java.util.List;
import ua.zvernennia.core.delivery.OutboxMessage;

/**
 * What handling one inbound committed: the replies now in the outbox that the caller sends in
 * line, in order (none when they must wait behind earlier messages that another instance or the
 * outbox dispatcher holds: the dispatcher sends them then). A duplicate (an update already
 * handled) commits nothing.
 *
 * @param alert         when not null, a short notice for the one who pressed a button (Telegram
 *                      shows it as the callback query's answer), such as a staff chat's refusal
 * @param readInbox     the inbound is not handled yet: it waits in the inbox behind the chat's
 *                      earlier inbounds, or was taken by another instance; the chat's lane reads
 *                      the inbox back before it retires (several instances on one database only)
 * @param repliesBehind the turn's replies wait in the outbox behind earlier messages of the chat
 *                      that someone else holds: a dispatcher sends them once those are sent
 *                      (several instances on one database only)
 */
public record Handled(
        List<OutboxMessage> replies, boolean duplicate, String alert, boolean readInbox, boolean repliesBehind) {
    public Handled {
        replies = List.copyOf(replies);
    }

    public Handled(List<OutboxMessage> replies, boolean duplicate) {
        this(replies, duplicate, null, false, false);
    }

    /** The same, with {@code alert} for the one who pressed the button. */
    public Handled withAlert(String alert) {
        return new Handled(replies, duplicate, alert, readInbox, repliesBehind);
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
    public static final Handled BEHIND = new Handled(List.of(), false, null, true, false);
}
