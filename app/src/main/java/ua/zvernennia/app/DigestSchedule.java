package ua.zvernennia.app;

import java.time.Clock;
import java.time.Duration;
import ua.zvernennia.core.executor.MorningDigest;
import ua.zvernennia.core.lease.Lease;

/**
 * Looks every interval whether the executors' morning digest is due (see {@link MorningDigest}),
 * on a thread of its own, while this instance holds the scheduled jobs' lease (one of several
 * instances sharing the database); a failed run is logged and the next one tries again. Stopped
 * by {@link #close}.
 */
final class DigestSchedule implements AutoCloseable {
    /** How often the digest looks whether its time has come. */
    static final Duration INTERVAL = Duration.ofMinutes(1);

    private final Periodic timer;

    DigestSchedule(MorningDigest digest, Clock clock, Duration interval, Lease lease) {
        this.timer = Periodic.start("morning-digest", Duration.ZERO, interval, () -> {
            if (lease.held()) {
                digest.runOnce(clock.instant());
            }
        });
    }

    @Override
    public void close() {
        timer.close();
    }
}
