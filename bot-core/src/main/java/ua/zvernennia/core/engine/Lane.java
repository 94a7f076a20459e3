package ua.zvernennia.core.engine;

import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import ua.zvernennia.core.chat.ChatKey;
import ua.zvernennia.core.chat.Inbound;

/** One chat's queue in {@link Bot}, and what waits in it. Guarded by its own monitor. */
final class Lane {
    /** What waits in a chat's lane. */
    sealed interface Entry {}

    /** Taken at once, recorded by its own turn; {@code done} completes after that commit. */
    record Direct(Inbound inbound, boolean callerDelivers, CompletableFuture<Handled> done) implements Entry {}

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
