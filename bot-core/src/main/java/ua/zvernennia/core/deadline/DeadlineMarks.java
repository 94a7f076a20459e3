package ua.zvernennia.core.deadline;

import java.time.Instant;
import java.util.List;
import ua.zvernennia.core.appeal.AppealNumber;

/**
 * Port: the deadline marks on appeals (reminded, overdue, past the legal deadline). An appeal is
 * open while its status is not closed ({@link ua.zvernennia.core.appeal.AppealStatus#isClosed()}).
 * Each mark is set once and kept after the appeal closes. Used inside a unit of work only; not
 * thread-safe by itself.
 */
public interface DeadlineMarks {
    /**
     * Open appeals neither reminded nor marked overdue whose deadline has not passed but whose
     * reminder time, {@code createdAt + fraction × (deadline − createdAt)}, is at or before
     * {@code now}; earliest deadline first.
     */
    List<WatchedAppeal> dueForReminder(Instant now, double fraction, int limit);

    /** Open appeals not yet marked overdue whose operational deadline is before {@code now}; earliest first. */
    List<WatchedAppeal> newlyOverdue(Instant now, int limit);

    /** Open appeals not yet marked so whose legal deadline is before {@code now}; earliest first. */
    List<WatchedAppeal> newlyPastLegalDeadline(Instant now, int limit);

    /**
     * Sets the mark unless it is set already; true when this call set it. Of two passes that run
     * at once (two instances, around a takeover of the scheduled jobs), only one sets a mark, and
     * only that one tells the staff about the appeal.
     */
    boolean markReminded(AppealNumber number, Instant at);

    /** As {@link #markReminded}. */
    boolean markOverdue(AppealNumber number, Instant at);

    /** As {@link #markReminded}. */
    boolean markPastLegalDeadline(AppealNumber number, Instant at);
}
