package ua.zvernennia.core.engine;

import java.util.List;
import ua.zvernennia.core.delivery.OutboxMessage;

/**
 * What handling one inbound committed: the replies now in the outbox, in order. A duplicate
 * (an update already handled) commits nothing.
 */
public record Handled(List<OutboxMessage> replies, boolean duplicate) {
    public Handled {
        replies = List.copyOf(replies);
    }

    public static final Handled DUPLICATE = new Handled(List.of(), true);
}
