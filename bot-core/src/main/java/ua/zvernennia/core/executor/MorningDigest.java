package ua.zvernennia.core.executor;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ua.zvernennia.core.chat.Channel;
import ua.zvernennia.core.chat.ChatKey;
import ua.zvernennia.core.chat.Reply;
import ua.zvernennia.core.engine.Stores;
import ua.zvernennia.core.engine.UnitOfWork;

/**
 * The executors' morning digest: once the city's day has reached the digest's time, each active
 * executor with a staff chat gets, once that day, its open appeals and the overdue ones (see
 * {@link StaffNotices#digest}). The message goes through the outbox in the transaction that
 * records the executor's day as done, so a restart neither repeats nor loses it; an app that was
 * down at the time sends the day's digests when it is back. An executor with nothing open gets no
 * message, and its day is done. Run {@link #runOnce} often (every minute); it does nothing
 * before the time and once a day's digests are all out. Thread-safe when runs do not overlap.
 */
public final class MorningDigest {
    private static final Logger log = LoggerFactory.getLogger(MorningDigest.class);
    /** Appeals named per list (overdue, other open); the rest are counted. */
    public static final int LISTED = 20;

    private final UnitOfWork work;
    private final StaffNotices notices;
    private final ZoneId zone;
    private final LocalTime at;
    /** The city's day whose digests are all out: nothing to look at until the next. */
    private volatile LocalDate done;

    /**
     * @param zone the city's time zone
     * @param at   the time of the city's day the digest goes out
     */
    public MorningDigest(UnitOfWork work, StaffNotices notices, ZoneId zone, LocalTime at) {
        this.work = work;
        this.notices = notices;
        this.zone = zone;
        this.at = at;
    }

    /**
     * Sends the digests of the city's day of {@code now} that are due and not yet sent.
     *
     * @return how many digests were queued
     */
    public int runOnce(Instant now) {
        ZonedDateTime local = now.atZone(zone);
        LocalDate day = local.toLocalDate();
        if (local.toLocalTime().isBefore(at) || day.equals(done)) {
            return 0;
        }
        List<Executor> due = work.run(s -> s.assignments().digestDue(day));
        int sent = 0;
        for (Executor executor : due) {
            if (work.run(s -> send(s, executor, day, now))) {
                sent++;
            }
        }
        done = day;
        if (sent > 0) {
            log.info("morning digest of {}: sent to {} executors' staff chats", day, sent);
        }
        return sent;
    }

    /** Queues the executor's digest and records its day; false when it had nothing open (or was done meanwhile). */
    private boolean send(Stores s, Executor executor, LocalDate day, Instant now) {
        if (s.assignments().digestRecorded(executor.id(), day)) {
            return false;
        }
        s.assignments().recordDigest(executor.id(), day, now);
        Assignments.OpenAppeals open = s.assignments().openAppeals(executor.id(), now, LISTED);
        if (open.open() == 0) {
            return false;
        }
        s.outbox()
                .enqueue(
                        ChatKey.of(Channel.TELEGRAM, executor.staffChat()),
                        Reply.text(notices.digest(executor, day, open)),
                        now,
                        now);
        return true;
    }
}
