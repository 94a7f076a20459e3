package ua.zvernennia.storage;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ua.zvernennia.core.metrics.Telemetry;
import ua.zvernennia.core.engine.UnitOfWork;

/**
 * Group commit: one writer thread takes whatever work is queued, runs it all in one transaction
 * and commits it together. Under load many chats' turns share a
 * commit (the costly, durable part); when idle a single turn commits alone without waiting.
 * Deferred work (bookkeeping such as replies marked sent) joins the next commit, or commits alone
 * once it has waited its delay. A piece that throws fails alone: the others are run again, each
 * in a transaction of its own. Thread-safe.
 */
public final class JdbiUnitOfWork implements UnitOfWork, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(JdbiUnitOfWork.class);
    private static final int MAX_BATCH = 512;
    /** Recent chats whose state and citizen row are kept in memory (a few KB each at most). */
    private static final int RECENT_CHATS = 20_000;
    private static final long RECLAIM_EVERY_NANOS = TimeUnit.MILLISECONDS.toNanos(200);
    private static final int RECLAIM_BYTES = 4 << 20;

    private record Pending<T>(Work<T> work, CompletableFuture<T> future) {
        void run(JdbiStores stores, List<Runnable> completions) {
            T result = work.apply(stores);
            completions.add(() -> future.complete(result));
        }
    }

    private record Deferred(Pending<?> pending, long dueNanos) {
    }

    private final Database database;
    private final JdbiCategoryCatalog categories;
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
    private Handle handle;
    private JdbiStores stores;

    public JdbiUnitOfWork(Database database, JdbiCategoryCatalog categories, Clock clock, ZoneId zone) {
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
        CompletableFuture<T> future = new CompletableFuture<>();
        if (!running) {
            future.completeExceptionally(new IllegalStateException("storage is closed"));
            return future;
        }
        queue.add(new Pending<>(work, future));
        return future;
    }

    @Override
    public <T> CompletableFuture<T> submitDeferred(Work<T> work, Duration maxDelay) {
        CompletableFuture<T> future = new CompletableFuture<>();
        if (!running) {
            future.completeExceptionally(new IllegalStateException("storage is closed"));
            return future;
        }
        deferred.add(new Deferred(new Pending<>(work, future), System.nanoTime() + maxDelay.toNanos()));
        return future;
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
        ensureHandle();
        if (!inOneTransaction(batch) && batch.size() > 1) {
            for (Pending<?> each : batch) {
                inOneTransaction(List.of(each));
            }
        }
    }

    /**
     * Runs the units and commits them; false when one threw and everything was rolled back (a
     * unit that was alone has then failed).
     */
    private boolean inOneTransaction(List<Pending<?>> units) {
        CommitEffects effects = stores.effects();
        effects.reset();
        List<Runnable> completions = new ArrayList<>(units.size());
        handle.begin();
        for (Pending<?> p : units) {
            try {
                p.run(stores, completions);
                effects.unitCommitted();
            } catch (RuntimeException e) {
                handle.rollback();
                effects.reset();
                if (units.size() == 1) {
                    p.future().completeExceptionally(e);
                }
                return false;
            }
        }
        finish(effects, completions);
        return true;
    }

    private void finish(CommitEffects effects, List<Runnable> completions) {
        try {
            handle.commit();
        } catch (RuntimeException e) {
            effects.reset();
            throw e;
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

    private static void fail(List<Pending<?>> batch, Throwable e) {
        for (Pending<?> p : batch) {
            p.future().completeExceptionally(e);
        }
    }

    private void ensureHandle() {
        if (handle == null) {
            handle = database.jdbi().open();
            stores = new JdbiStores(handle, categories, clock, zone, recent);
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
