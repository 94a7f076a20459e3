package ua.zvernennia.app;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A background job run on a daemon thread of its own, {@code interval} after each run ends; a run
 * that throws is logged (its class only: messages may hold data) and the next one comes as usual.
 * Closing interrupts a run and waits for it up to 10 s. Thread-safe.
 */
public final class Periodic implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Periodic.class);

    private final ScheduledExecutorService timer;

    private Periodic(ScheduledExecutorService timer) {
        this.timer = timer;
    }

    public static Periodic start(String name, Duration firstDelay, Duration interval, Runnable job) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(
                () -> {
                    try {
                        job.run();
                    } catch (RuntimeException e) {
                        log.warn("{} failed: {}", name, e.getClass().getName(), e);
                    }
                },
                firstDelay.toMillis(),
                interval.toMillis(),
                TimeUnit.MILLISECONDS);
        return new Periodic(timer);
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
