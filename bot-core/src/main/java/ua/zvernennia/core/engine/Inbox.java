package ua.zvernennia.core.engine;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import ua.zvernennia.core.chat.ChatKey;
import ua.zvernennia.core.chat.Inbound;

/**
 * Port: inbounds received while their chat was still busy with earlier ones, kept durably until
 * their turn, so that an update can be acknowledged to the messenger before the chat's earlier
 * updates are handled. Each chat's inbounds come back in the order they were put. Used inside a
 * unit of work only; not thread-safe by itself.
 */
public interface Inbox {
    /** One waiting inbound and its place in the inbox. */
    record Queued(long id, Inbound inbound) {
        public Queued {
            java.util.Objects.requireNonNull(inbound, "inbound");
        }
    }

    /** Keeps the inbound until it is taken; returns its id (ids grow in the order of puts). */
    long put(Inbound inbound, Instant at);

    /** The chat's oldest waiting inbounds, oldest first. */
    List<Queued> oldest(ChatKey chat, int limit);

    /** Removes a handled inbound (in the transaction of its turn). */
    void remove(long id);

    /** Every chat with inbounds waiting, and how many (at start-up, to take up where it stopped). */
    Map<ChatKey, Integer> waiting();
}
