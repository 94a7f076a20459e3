package ua.zvernennia.core.engine;

import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import ua.zvernennia.core.chat.ChatKey;
import ua.zvernennia.core.chat.Inbound;

/** One chat's queue in {@link Bot}, and what waits in it. Guarded by its own monitor. */
final class Lane {
    /** What waits in a chat's lane. */
    sealed interface Entry {}

    /**
     * Taken at once, recorded by its own turn; {@code done} completes after that commit. The turn
     * of an inbound whose chat was idle is queued for the writer on arrival ({@code turn}), ahead of
     * the records of whatever the chat sends next: where several instances share the inbox, the
     * turn looks there for another instance's queue of the chat, and must not find this lane's own
     * later inbounds. Null when it waits behind earlier entries of the lane.
     */
    record Direct(
            Inbound inbound, boolean callerDelivers, CompletableFuture<Handled> done, CompletableFuture<Handled> turn)
            implements Entry {}

    /** Recorded in the inbox on arrival ({@code recorded}: its id, -1 for a re-delivery). */
    record Kept(Inbound inbound, CompletableFuture<Long> recorded) implements Entry {}

    /** Read back from the inbox. */
    record Stored(Inbox.Queued queued) implements Entry {}

    /** The flood notice, in its place among the chat's replies. */
    record SlowDown() implements Entry {}

    final ChatKey chat;
    final ArrayDeque<Entry> waiting = new ArrayDeque<>();
    /** Inbounds after {@code waiting} may be in the inbox only: read them back from there. */
    boolean spilled;
    /** The record of the latest inbound left in the inbox; every earlier one is settled when it is. */
    CompletableFuture<?> lastSpilled = CompletableFuture.completedFuture(null);

    boolean running;
    boolean closed;

    Lane(ChatKey chat) {
        this.chat = chat;
    }
}
