package ua.zvernennia.telegram;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import ua.zvernennia.core.engine.UnitOfWork;

/**
 * Wraps a unit of work so that, while held, the work runs but its commit is not reported until
 * {@link #release()}: a storage that is slow to make things durable. Thread-safe.
 */
final class HoldingUnitOfWork implements UnitOfWork {
    private final UnitOfWork inner;
    private final List<Runnable> held = new ArrayList<>();
    private boolean holding;

    HoldingUnitOfWork(UnitOfWork inner) {
        this.inner = inner;
    }

    synchronized void hold() {
        holding = true;
    }

    synchronized int heldCommits() {
        return held.size();
    }

    void release() {
        List<Runnable> toRun;
        synchronized (this) {
            holding = false;
            toRun = List.copyOf(held);
            held.clear();
        }
        toRun.forEach(Runnable::run);
    }

    @Override
    public <T> CompletableFuture<T> submit(Work<T> work) {
        CompletableFuture<T> done = inner.submit(work);
        synchronized (this) {
            if (!holding) {
                return done;
            }
            CompletableFuture<T> later = new CompletableFuture<>();
            held.add(() -> done.whenComplete((r, e) -> {
                if (e != null) {
                    later.completeExceptionally(e);
                } else {
                    later.complete(r);
                }
            }));
            return later;
        }
    }
}
