package ua.zvernennia.app;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ua.zvernennia.core.deadline.DeadlineWatch;
import ua.zvernennia.core.lease.Lease;

/**
 * Runs the deadline control every interval on a thread of its own, while this instance holds the
 * scheduled jobs' lease (of several instances sharing the database, one runs it); a failed pass
 * is retried at the next.
 */
final class DeadlineSchedule implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DeadlineSchedule.class);

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(App.named("deadlines"));

    DeadlineSchedule(DeadlineWatch watch, Duration interval, Lease lease) {
        timer.scheduleWithFixedDelay(
                () -> {
                    if (!lease.held()) {
                        return;
                    }
                    try {
                        watch.runOnce();
                    } catch (RuntimeException e) {
                        log.warn("deadline check failed; next in {}", interval, e);
                    }
                },
                0,
                interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        timer.shutdownNow();
        timer.awaitTermination(10, TimeUnit.SECONDS);
    }
}
