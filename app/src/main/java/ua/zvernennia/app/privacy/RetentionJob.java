package ua.zvernennia.app.privacy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ua.zvernennia.app.Periodic;
import ua.zvernennia.core.appeal.AppealNumber;
import ua.zvernennia.core.lease.Lease;
import ua.zvernennia.core.privacy.AccessLogStore;
import ua.zvernennia.core.privacy.PersonalDataStore;

/**
 * Personal data is not kept for ever: appeals closed more than {@code retentionDays} ago are
 * anonymised, messages sent more than {@code outboxDays} ago lose their text, and access-log
 * entries older than {@code auditDays} are deleted. Works in small batches, each its own
 * transaction touching only rows not yet done, so several instances may run it at once.
 * Thread-safe.
 */
public final class RetentionJob implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);
    static final int APPEAL_BATCH = 100;
    static final int ROW_BATCH = 1000;
    /** Batches of each kind per run, so that a backlog is worked off over several runs. */
    static final int MAX_BATCHES = 50;

    /** How much one run did. */
    public record Report(int appealsAnonymised, int messagesErased, int logEntriesDeleted) {}

    private final PersonalDataStore personalData;
    private final AccessLogStore accessLog;
    private final Clock clock;
    private final Duration retention;
    private final Duration outbox;
    private final Duration audit;
    private Periodic timer;

    public RetentionJob(
            PersonalDataStore personalData,
            AccessLogStore accessLog,
            Clock clock,
            int retentionDays,
            int outboxDays,
            int auditDays) {
        this.personalData = personalData;
        this.accessLog = accessLog;
        this.clock = clock;
        this.retention = Duration.ofDays(retentionDays);
        this.outbox = Duration.ofDays(outboxDays);
        this.audit = Duration.ofDays(auditDays);
    }

    public synchronized void start(Duration interval) {
        start(interval, Lease.always("scheduled-jobs"));
    }

    /** Runs every {@code interval} while this instance holds {@code lease} (one of several instances runs it). */
    public synchronized void start(Duration interval, Lease lease) {
        timer = Periodic.start("retention", Duration.ofMillis(1), interval, () -> {
            if (!lease.held()) {
                return;
            }
            Report r = runOnce();
            if (r.appealsAnonymised() + r.messagesErased() + r.logEntriesDeleted() > 0) {
                log.info(
                        "retention: {} appeals anonymised, {} sent messages' text erased, {} access-log entries deleted",
                        r.appealsAnonymised(),
                        r.messagesErased(),
                        r.logEntriesDeleted());
            }
        });
    }

    public Report runOnce() {
        Instant now = clock.instant();
        int appeals = 0;
        for (int i = 0; i < MAX_BATCHES; i++) {
            List<AppealNumber> due = personalData.closedBefore(now.minus(retention), APPEAL_BATCH);
            if (due.isEmpty()) {
                break;
            }
            appeals += personalData.anonymise(due, now);
            if (due.size() < APPEAL_BATCH) {
                break;
            }
        }
        int messages = 0;
        for (int i = 0; i < MAX_BATCHES; i++) {
            int n = personalData.eraseSentBefore(now.minus(outbox), now, ROW_BATCH);
            messages += n;
            if (n < ROW_BATCH) {
                break;
            }
        }
        int entries = 0;
        for (int i = 0; i < MAX_BATCHES; i++) {
            int n = accessLog.deleteBefore(now.minus(audit), ROW_BATCH);
            entries += n;
            if (n < ROW_BATCH) {
                break;
            }
        }
        return new Report(appeals, messages, entries);
    }

    @Override
    public synchronized void close() {
        if (timer != null) {
            timer.close();
        }
    }
}
