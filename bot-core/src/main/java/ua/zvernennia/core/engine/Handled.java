package ua.zvernennia.core.engine;

import java.util.List;
import ua.zvernennia.core.delivery.OutboxMessage;

/**
 * What handling one inbound committed: the replies now in the outbox, in order. A duplicate
 * (an update already handled) commits nothing. {@code alert}, when not null, is a short notice
 * for the one who pressed a button (Telegram shows it as the callback query's answer), such as a
 * staff chat's refusal.
 */
public record Handled(List<OutboxMessage> replies, boolean duplicate, String alert) {
    public Handled {
        replies = List.copyOf(replies);
    }

    public Handled(List<OutboxMessage> replies, boolean duplicate) {
        this(replies, duplicate, null);
    }

    public static final Handled DUPLICATE = new Handled(List.of(), true);

    /**
     * Recorded in the inbox behind the chat's earlier inbounds: durable, its turn still to come
     * (its replies are sent when it has run).
     */
    public static final Handled QUEUED = new Handled(List.of(), false);

    /** Over the chat's flood limit, or a repeat of the same press: dropped, nothing recorded. */
    public static final Handled DROPPED = new Handled(List.of(), true);
}
