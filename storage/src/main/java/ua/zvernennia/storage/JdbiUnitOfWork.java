package ua.zvernennia.storage;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ua.zvernennia.core.chat.ChatKey;
import ua.zvernennia.core.engine.StorageUnavailableException;
import ua.zvernennia.core.engine.UnitOfWork;
import ua.zvernennia.core.metrics.Telemetry;

/**
 * Group commit: one writer thread takes whatever work is queued, runs it all in one transaction
 * and commits it together. Under load many chats' turns share a
 * commit (the costly, durable part); when idle a single turn commits alone without waiting.
 * Deferred work (bookkeeping such as replies marked sent) joins the next commit, or commits alone
 * once it has waited its delay. A piece that throws fails alone: the others are run again, each
 * in a transaction of its own. Thread-safe.
 *
 * <p>When the storage itself fails (disk full, read-only, the server gone; see
 * {@link StorageFaults}) the whole batch fails with {@link StorageUnavailableException}, nothing
 * of it committed, the handle is dropped and the pool's connections are replaced, so the next
 * batch starts on fresh connections and succeeds as soon as the storage is back: no restart.
 * Callers never wait without bound ({@link #run} gives up after {@link #RUN_TIMEOUT}).
 *
 * <p>Where several instances share the database ({@code instance} not null: PostgreSQL), each
 * instance has a writer of its own and they commit side by side. Then the writer takes the chat
 * locks of a batch's turns before running it and surveys those chats ({@link ChatLocks}), takes a
 * conversation it keeps in memory only when the survey confirms its version (another instance may
 * have changed it), keeps no citizen rows, reloads the menu when another instance changed it, and
 * runs a batch again when PostgreSQL broke a deadlock between two instances' batches by aborting it.
 */
public final class JdbiUnitOfWork implements UnitOfWork, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(JdbiUnitOfWork.class);
    private static final int MAX_BATCH = 512;
    /** Recent chats whose state and citizen row are kept in memory (a few KB each at most). */
    private static final int RECENT_CHATS = 20_000;

    private static final long RECLAIM_EVERY_NANOS = TimeUnit.MILLISECONDS.toNanos(200);
    private static final int RECLAIM_BYTES = 4 << 20;
    /** How long {@link #run} waits for a commit before it gives up with {@link StorageUnavailableException}. */
    static final Duration RUN_TIMEOUT = Duration.ofSeconds(15);
    /** While the storage fails, a warning at most this often (the first failure is logged in full). */
    private static final long WARN_EVERY_NANOS = TimeUnit.SECONDS.toNanos(10);

    /**
     * The outcome of the latest commit attempt: when, and the fault (null when it committed);
     * and when the storage last failed (0: never since the start).
     */
    record Attempt(long atNanos, StorageUnavailableException fault, long lastFaultNanos) {}

    /**
     * A unit of work with its future; {@code chat} (may be null) is the chat whose lock it holds
     * where instances share the database. Storage-level work sees the stores as they are,
     * {@link JdbiStores}.
     */
    private record Pending<T>(ChatKey chat, Function<JdbiStores, T> work, CompletableFuture<T> future) {
        void run(JdbiStores stores, List<Runnable> completions) {
            T result = work.apply(stores);
            completions.add(() -> future.complete(result));
        }
    }

    private record Deferred(Pending<?> pending, long dueNanos) {}

    /** Times a batch is run again after PostgreSQL aborted it to break a deadlock, before each unit runs alone. */
    private static final int CONFLICT_RETRIES = 5;

    /** How running a batch in one transaction ended. */
    private enum Outcome {
        COMMITTED,
        FAILED,
        CONFLICT
    }

    private final Database database;
    private final JdbiCategoryCatalog categories;
    /** This instance's id where several instances share the database; null where this process is alone. */
    private final String instance;

    private final Clock clock;
    private final ZoneId zone;
    private final BlockingQueue<Pending<?>> queue = new LinkedBlockingQueue<>();
    /** Work that waits for a commit to join, oldest first, each with the time it is due. */
    private final Queue<Deferred> deferred = new ConcurrentLinkedQueue<>();
    /** Kept across handles: a new handle after a failure still sees only committed rows there. */
    private final RecentRows recent = new RecentRows(RECENT_CHATS);

    private final Thread writer;
    private volatile boolean running = true;
    private volatile Telemetry telemetry = Telemetry.NONE;
    private long lastReclaim = System.nanoTime();
    private volatile Attempt lastAttempt = new Attempt(System.nanoTime(), null, 0);
    /** Rounds of the writer's loop that found nothing to commit; for tests to see it has looked. */
    private volatile long idleRounds;
    /** The latest attempt that failed, null before any did. */
    private volatile Attempt lastFault;

    private volatile long transactions;
    private long lastWarning;
    private Handle handle;
    private JdbiStores stores;

    public JdbiUnitOfWork(Database database, JdbiCategoryCatalog categories, Clock clock, ZoneId zone) {
        this(database, categories, clock, zone, null);
    }

    /** {@code instance}: this instance's id where several instances share the database, else null. */
    JdbiUnitOfWork(Database database, JdbiCategoryCatalog categories, Clock clock, ZoneId zone, String instance) {
        this.instance = instance;
        this.database = database;
        this.categories = categories;
        this.clock = clock;
        this.zone = zone;
        this.writer = new Thread(this::loop, "db-writer");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    /** Where the size and duration of each commit are reported from now on. */
    public void reportTo(Telemetry telemetry) {
        this.telemetry = telemetry;
    }

    @Override
    public <T> CompletableFuture<T> submit(Work<T> work) {
        return submit(null, work);
    }

    @Override
    public <T> CompletableFuture<T> submit(ChatKey chat, Work<T> work) {
        return submitJdbi(chat, work::apply);
    }

    /** {@link #submit} for storage-level work that uses more than the core's ports. */
    <T> CompletableFuture<T> submitJdbi(Function<JdbiStores, T> work) {
        return submitJdbi(null, work);
    }

    private <T> CompletableFuture<T> submitJdbi(ChatKey chat, Function<JdbiStores, T> work) {
        CompletableFuture<T> future = new CompletableFuture<>();
        if (!running) {
            future.completeExceptionally(new IllegalStateException("storage is closed"));
            return future;
        }
        queue.add(new Pending<>(chat, work, future));
        return future;
    }

    @Override
    public <T> CompletableFuture<T> submitDeferred(Work<T> work, Duration maxDelay) {
        CompletableFuture<T> future = new CompletableFuture<>();
        if (!running) {
            future.completeExceptionally(new IllegalStateException("storage is closed"));
            return future;
        }
        deferred.add(new Deferred(new Pending<>(null, work::apply, future), System.nanoTime() + maxDelay.toNanos()));
        return future;
    }

    /**
     * Runs the work and waits for its commit, at most {@link #RUN_TIMEOUT}: then it fails with
     * {@link StorageUnavailableException}, and the work is dropped unless the writer has already
     * started it (a caller such as an API request must not hang on a stuck database).
     */
    @Override
    public <T> T run(Work<T> work) {
        return await(submit(work), RUN_TIMEOUT);
    }

    /** {@link #run} for storage-level work that uses more than the core's ports. */
    <T> T runJdbi(Function<JdbiStores, T> work) {
        return await(submitJdbi(work), RUN_TIMEOUT);
    }

    /** Runs the work and waits for its commit without a limit: start-up work that may be long. */
    <T> T runUnbounded(Function<JdbiStores, T> work) {
        try {
            return submitJdbi(work).join();
        } catch (CompletionException e) {
            throw unwrap(e.getCause());
        }
    }

    static <T> T await(CompletableFuture<T> future, Duration timeout) {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            StorageUnavailableException late = new StorageUnavailableException(
                    "the database did not commit within " + timeout.toSeconds() + " s", null);
            // The writer skips work whose future is done, so work not yet started never runs.
            future.completeExceptionally(late);
            throw late;
        } catch (ExecutionException e) {
            throw unwrap(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageUnavailableException("interrupted while waiting for the database", e);
        }
    }

    private static RuntimeException unwrap(Throwable cause) {
        if (cause instanceof RuntimeException r) {
            return r;
        }
        if (cause instanceof Error err) {
            throw err;
        }
        return new IllegalStateException(cause);
    }

    /** Transactions committed so far (each holding one or more units): for measurements. */
    public long transactions() {
        return transactions;
    }

    /** The latest commit attempt, for the readiness check. */
    Attempt lastAttempt() {
        return lastAttempt;
    }

    /** How many times the writer has looked and found nothing to commit (only it writes this). */
    long idleRounds() {
        return idleRounds;
    }

    /** The latest attempt that failed, if any did. */
    Optional<Attempt> lastFault() {
        return Optional.ofNullable(lastFault);
    }

    private void loop() {
        List<Pending<?>> batch = new ArrayList<>();
        while (running || !queue.isEmpty() || !deferred.isEmpty()) {
            try {
                Pending<?> first = queue.poll(idleWaitNanos(), TimeUnit.NANOSECONDS);
                // Deferred work runs first: most of it was submitted before what is queued now, and
                // a reply marked sent must not be read as pending by a later unit of the batch.
                takeDeferred(batch, first != null || !running);
                if (first != null) {
                    batch.add(first);
                    queue.drainTo(batch, Math.max(0, MAX_BATCH - batch.size()));
                }
                if (batch.isEmpty()) {
                    idleRounds++;
                    continue;
                }
                long start = System.nanoTime();
                commit(batch);
                telemetry.committed(batch.size(), Duration.ofNanos(System.nanoTime() - start));
                reclaimSpaceNowAndThen();
            } catch (InterruptedException e) {
                if (!running) {
                    break;
                }
            } catch (StorageUnavailableException e) {
                fault(e);
                fail(batch, e);
                // A commit that failed may still have reached the database: cache nothing from before.
                recent.clear();
                resetHandle();
                database.replaceConnections();
            } catch (RuntimeException | Error e) {
                log.error("storage writer failed", e);
                fail(batch, e);
                resetHandle();
            } finally {
                batch.clear();
            }
        }
        failLeftovers();
        resetHandle();
    }

    /** Until the oldest deferred work is due, and never more than 100 ms. */
    private long idleWaitNanos() {
        long wait = TimeUnit.MILLISECONDS.toNanos(100);
        Deferred oldest = deferred.peek();
        if (oldest != null) {
            wait = Math.min(wait, Math.max(0, oldest.dueNanos() - System.nanoTime()));
        }
        return wait;
    }

    /**
     * Deferred work when there is a commit anyway or the oldest is due; none otherwise. Work is
     * kept in the order submitted, so the oldest is the first due as long as delays are alike.
     */
    private void takeDeferred(List<Pending<?>> batch, boolean committingAnyway) {
        Deferred oldest = deferred.peek();
        if (oldest == null || !committingAnyway && oldest.dueNanos() - System.nanoTime() > 0) {
            return;
        }
        for (Deferred d; batch.size() < MAX_BATCH && (d = deferred.poll()) != null; ) {
            batch.add(d.pending());
        }
    }

    /**
     * Runs the batch in one transaction without a savepoint per unit (they cost two statements
     * each); units only read and write through the stores, so when one of them throws the whole
     * transaction is rolled back and each unit runs again on its own, and only the failing one
     * fails.
     */
    private void commit(List<Pending<?>> batch) {
        // Work whose caller stopped waiting (see await) is not run.
        batch.removeIf(p -> p.future().isDone());
        if (batch.isEmpty()) {
            return;
        }
        try {
            ensureHandle();
            if (inOneTransactionRetrying(batch) != Outcome.COMMITTED && batch.size() > 1) {
                for (Pending<?> each : batch) {
                    if (inOneTransactionRetrying(List.of(each)) == Outcome.CONFLICT) {
                        each.future()
                                .completeExceptionally(
                                        new IllegalStateException(
                                                "the database kept aborting this work to break deadlocks with other instances"));
                    }
                }
            }
        } catch (StorageUnavailableException e) {
            throw e;
        } catch (RuntimeException e) {
            if (StorageFaults.isFault(e)) {
                throw unavailable(e);
            }
            throw e;
        }
        committed();
    }

    private static StorageUnavailableException unavailable(Throwable e) {
        return new StorageUnavailableException(StorageFaults.describe(e), e);
    }

    private void committed() {
        if (lastAttempt.fault() != null) {
            log.info("the database commits again");
        }
        lastAttempt = new Attempt(System.nanoTime(), null, lastAttempt.lastFaultNanos());
    }

    /** Logs the first failure in full, then a line now and then while the storage stays down. */
    private void fault(StorageUnavailableException e) {
        long now = System.nanoTime();
        if (lastAttempt.fault() == null) {
            log.error("the database cannot commit: {}; refusing work until it can", e.getMessage(), e);
            lastWarning = now;
        } else if (now - lastWarning > WARN_EVERY_NANOS) {
            log.warn("the database still cannot commit: {}", e.getMessage());
            lastWarning = now;
        }
        lastAttempt = new Attempt(now, e, now);
        lastFault = lastAttempt;
    }

    /** {@link #inOneTransaction}, run again while PostgreSQL aborts it to break a deadlock. */
    private Outcome inOneTransactionRetrying(List<Pending<?>> units) {
        Outcome outcome = inOneTransaction(units);
        for (int i = 0; outcome == Outcome.CONFLICT && i < CONFLICT_RETRIES; i++) {
            log.debug("a batch of {} units clashed with another instance's; running it again", units.size());
            outcome = inOneTransaction(units);
        }
        return outcome;
    }

    /**
     * Runs the units and commits them: COMMITTED; FAILED when one threw and everything was rolled
     * back (a unit that was alone has then failed); CONFLICT when PostgreSQL aborted the
     * transaction to break a deadlock with another instance's (nobody failed; run it again).
     */
    private Outcome inOneTransaction(List<Pending<?>> units) {
        CommitEffects effects = stores.effects();
        effects.reset();
        List<Runnable> completions = new ArrayList<>(units.size());
        handle.begin();
        ChatLocks locks = stores.locks();
        if (locks != null) {
            locks.released();
            try {
                List<ChatKey> chats = new ArrayList<>();
                for (Pending<?> p : units) {
                    if (p.chat() != null) {
                        chats.add(p.chat());
                    }
                }
                if (!chats.isEmpty()) {
                    locks.lockAll(chats);
                    // The turns see the menu as committed when their locks were had.
                    categories.refreshIfChanged(locks.survey(chats));
                }
            } catch (RuntimeException e) {
                return rolledBack(e, null, units);
            }
        }
        for (Pending<?> p : units) {
            try {
                p.run(stores, completions);
                effects.unitCommitted();
            } catch (RuntimeException e) {
                return rolledBack(e, p, units);
            }
        }
        finish(effects, completions);
        return Outcome.COMMITTED;
    }

    /** After {@code e} from {@code failed} (null: from the set-up of the batch): rolls back and says why. */
    private Outcome rolledBack(RuntimeException e, Pending<?> failed, List<Pending<?>> units) {
        CommitEffects effects = stores.effects();
        ChatLocks locks = stores.locks();
        if (StorageFaults.isFault(e)) {
            effects.reset();
            // The handle is dropped anyway; a failing rollback must not hide the fault.
            quietly(handle::rollback);
            throw unavailable(e);
        }
        handle.rollback();
        effects.reset();
        if (locks != null) {
            locks.released();
        }
        if (StorageFaults.isConflict(e)) {
            return Outcome.CONFLICT;
        }
        if (failed == null) {
            throw e;
        }
        if (units.size() == 1) {
            failed.future().completeExceptionally(e);
        }
        return Outcome.FAILED;
    }

    private void finish(CommitEffects effects, List<Runnable> completions) {
        try {
            handle.commit();
        } catch (RuntimeException e) {
            effects.reset();
            // A unit cannot make a commit fail: the storage did.
            quietly(handle::rollback);
            throw unavailable(e);
        }
        try {
            database.syncToDisk(handle);
        } catch (RuntimeException e) {
            // Committed but perhaps not on the disk: nobody is told it is done.
            throw unavailable(e);
        }
        transactions++;
        if (stores.locks() != null) {
            stores.locks().released();
        }
        effects.committed();
        completions.forEach(Runnable::run);
    }

    /** Five times a second at most, between transactions: see {@link Database#reclaimSpace}. */
    private void reclaimSpaceNowAndThen() {
        long now = System.nanoTime();
        if (now - lastReclaim < RECLAIM_EVERY_NANOS || handle == null) {
            return;
        }
        lastReclaim = now;
        try {
            database.reclaimSpace(handle, RECLAIM_BYTES);
        } catch (RuntimeException e) {
            // Not worth a warning five times a second: the next try is in a minute.
            lastReclaim = now + TimeUnit.MINUTES.toNanos(1);
            log.warn("reclaiming database file space failed; trying again in a minute", e);
        }
    }

    private static void quietly(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException ignored) {
            // The original failure is what matters.
        }
    }

    private static void fail(List<Pending<?>> batch, Throwable e) {
        for (Pending<?> p : batch) {
            p.future().completeExceptionally(e);
        }
    }

    private void ensureHandle() {
        if (handle == null) {
            handle = database.jdbi().open();
            if (database.dialect() == Dialect.SQLITE) {
                // SQLite's driver prepares every statement afresh; the writer runs the same few
                // hundred statements over and over.
                CachedStatements.install(handle);
            }
            if (instance != null) {
                // An instance that vanished mid-transaction (a cut network, where no FIN reaches the
                // server) would hold its chat locks until TCP keepalive noticed, hours later. The
                // writer's transactions never idle: the server ends one that does.
                handle.execute("SET idle_in_transaction_session_timeout = 15000");
            }
            // Where instances share the database, another may change any row: a conversation kept in
            // memory is taken only when the survey of its batch confirms its version (ChatLocks).
            stores = instance == null
                    ? new JdbiStores(handle, categories, clock, zone, recent, null, null)
                    : new JdbiStores(
                            handle, categories, clock, zone, recent, instance, new ChatLocks(handle, instance));
        }
    }

    private void resetHandle() {
        if (handle != null) {
            try {
                if (handle.isInTransaction()) {
                    handle.rollback();
                }
                handle.close();
            } catch (RuntimeException e) {
                log.debug("closing the writer's handle failed", e);
            }
            handle = null;
            stores = null;
        }
    }

    /** Finishes the queued work, then stops the writer. */
    @Override
    public void close() {
        running = false;
        try {
            writer.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!writer.isAlive()) {
            // Work submitted while the writer was finishing: it will not run.
            failLeftovers();
        }
    }

    private void failLeftovers() {
        IllegalStateException closed = new IllegalStateException("storage is closed");
        for (Pending<?> p; (p = queue.poll()) != null; ) {
            p.future().completeExceptionally(closed);
        }
        for (Deferred d; (d = deferred.poll()) != null; ) {
            d.pending().future().completeExceptionally(closed);
        }
    }
}
