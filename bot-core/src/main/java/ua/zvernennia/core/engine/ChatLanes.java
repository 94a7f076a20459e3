package ua.zvernennia.core.engine;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import ua.zvernennia.core.chat.ChatKey;

/**
 * Runs tasks one after another per chat and in parallel across chats: a lane per chat key,
 * kept only while it has work, so idle chats cost nothing. Thread-safe.
 */
public final class ChatLanes {
    private final ConcurrentHashMap<ChatKey, CompletableFuture<?>> tails = new ConcurrentHashMap<>();
    private final Executor executor;

    /** Tasks start on {@code executor}; they should only start work and return its future. */
    public ChatLanes(Executor executor) {
        this.executor = executor;
    }

    /**
     * Queues {@code task} behind the chat's earlier tasks. The task starts once the previous
     * one's future completes (normally or not) and returns a future of its own; the lane moves on
     * when that completes.
     */
    public <T> CompletableFuture<T> submit(ChatKey chat, Supplier<CompletableFuture<T>> task) {
        CompletableFuture<T> result = new CompletableFuture<>();
        CompletableFuture<?>[] mine = new CompletableFuture<?>[1];
        tails.compute(chat, (key, tail) -> {
            CompletableFuture<?> before = tail == null ? CompletableFuture.completedFuture(null) : tail;
            CompletableFuture<T> next = before.handle((x, e) -> null)
                    .thenComposeAsync(
                            ignored -> {
                                try {
                                    return task.get();
                                } catch (RuntimeException e) {
                                    return CompletableFuture.failedFuture(e);
                                }
                            },
                            executor);
            mine[0] = next;
            return next;
        });
        CompletableFuture<?> next = mine[0];
        next.whenComplete((r, e) -> tails.remove(chat, next));
        @SuppressWarnings("unchecked")
        CompletableFuture<T> typed = (CompletableFuture<T>) next;
        typed.whenComplete((r, e) -> {
            if (e != null) {
                result.completeExceptionally(e);
            } else {
                result.complete(r);
            }
        });
        return result;
    }

    /** Chats with work queued or running. */
    public int activeLanes() {
        return tails.size();
    }
}
