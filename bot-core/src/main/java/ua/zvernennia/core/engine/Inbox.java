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

    /**
     * Takes a waiting inbound for its turn (in the transaction of the turn): removes it and
     * returns true when it is the chat's oldest; returns false, removing nothing, when it is gone
     * (another instance took it) or an older one of the chat waits (put by another instance),
     * which must go first. Where one process keeps each chat's order in its lanes, the inbound
     * is always the one to go, and this is {@link #remove}.
     */
    default boolean take(ChatKey chat, long id) {
        remove(id);
        return true;
    }

    /**
     * Whether the chat has inbounds waiting, which a new inbound must queue behind. Where one
     * process keeps each chat's order in memory its lane knows, and this answers false without
     * a look; where several instances share the inbox, another instance's lane may be working
     * through the chat's queue, and it is read (under the chat's lock, see
     * {@link UnitOfWork#submit(ChatKey, UnitOfWork.Work)}).
     */
    default boolean hasWaiting(ChatKey chat) {
        return false;
    }

    /** Every chat with inbounds waiting, and how many (at start-up, to take up where it stopped). */
    Map<ChatKey, Integer> waiting();

    /**
     * Chats whose oldest waiting inbound was received before {@code before}, and how many each
     * has: where several instances share the inbox, queues that an instance which stopped left
     * behind.
     */
    default Map<ChatKey, Integer> waitingSince(Instant before) {
        return waiting();
    }
}
