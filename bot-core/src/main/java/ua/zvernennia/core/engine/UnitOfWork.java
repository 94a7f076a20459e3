package ua.zvernennia.core.engine;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import ua.zvernennia.core.chat.ChatKey;

/**
 * Port: runs work against the stores in one transaction and commits it durably. Thread-safe.
 * Implementations may run the work of several concurrent callers in one transaction (group
 * commit); a failing work is rolled back alone and its future fails. A work may therefore run
 * more than once before it commits: it must do nothing but read and write through the stores.
 */
public interface UnitOfWork {

    @FunctionalInterface
    interface Work<T> {
        T apply(Stores stores);
    }

    /**
     * Queues the work. The future completes once its effects are committed durably, possibly on
     * the storage thread: callers do their own heavy work on their own executor.
     */
    <T> CompletableFuture<T> submit(Work<T> work);

    /**
     * Like {@link #submit(Work)} for work on one chat's conversation (a turn, a record in its
     * inbox): where several instances share the database, the work holds the chat's lock in the
     * database until its commit, so that no two instances ever run two units of one chat at once.
     * Where one process has the database to itself its chat lanes keep that order already, and
     * this is {@link #submit(Work)}.
     */
    default <T> CompletableFuture<T> submit(ChatKey chat, Work<T> work) {
        return submit(work);
    }

    /**
     * Queues bookkeeping whose commit may wait: it joins the next transaction committed anyway
     * (ahead of the work submitted after it), or commits on its own about {@code maxDelay} later.
     * For what a crash may lose without harm (a reply marked sent is sent again at worst): it
     * saves a commit when nothing else is going on. Without group commit, the same as
     * {@link #submit}.
     */
    default <T> CompletableFuture<T> submitDeferred(Work<T> work, Duration maxDelay) {
        return submit(work);
    }

    /** Runs the work and waits for its commit. */
    default <T> T run(Work<T> work) {
        try {
            return submit(work).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }
}
