package ua.zvernennia.core.executor;

import java.util.List;
import java.util.Optional;
import ua.zvernennia.core.appeal.AppealNumber;

/**
 * Port: which executor an appeal is assigned to, inside a unit of work (the change commits with
 * its history entry and the messages it causes). Not thread-safe by itself.
 */
public interface Assignments {
    Optional<Executor> executor(long id);

    /** The executor the appeal is assigned to now; empty when it is in the operators' queue. */
    Optional<Long> executorOf(AppealNumber number);

    /** Assigns the appeal to the executor, or to the operators' queue for null. */
    void assign(AppealNumber number, Executor executor);

    /** The executor whose field staff use this Telegram chat. */
    Optional<Executor> byStaffChat(String telegramChatId);

    /** Whether this Telegram user is one of the executor's registered field staff. */
    Optional<StaffMember> staffMember(long executorId, String telegramUserId);

    /** Remembers that this staff member of the chat was asked for the photo and comment that resolve the appeal. */
    void awaitResolution(String telegramChatId, String telegramUserId, AppealNumber number, java.time.Instant now);

    /** The appeal whose resolution this staff member of the chat was asked for, if any. */
    Optional<AppealNumber> awaitedResolution(String telegramChatId, String telegramUserId);

    /** Forgets what the staff member was asked for. */
    void forgetAwaited(String telegramChatId, String telegramUserId);

    /** Active executors with a staff chat whose morning digest of {@code day} (the city's) is not recorded yet. */
    List<Executor> digestDue(java.time.LocalDate day);

    /** Whether the executor's digest of the day is recorded. */
    boolean digestRecorded(long executorId, java.time.LocalDate day);

    /** Records that the executor's digest of the day went out (or had nothing to tell). */
    void recordDigest(long executorId, java.time.LocalDate day, java.time.Instant now);

    /**
     * The executor's open appeals (not RESOLVED, REJECTED or WITHDRAWN) at {@code now}: how many,
     * how many of them past their deadline, and the first {@code limit} of each kind by deadline.
     */
    OpenAppeals openAppeals(long executorId, java.time.Instant now, int limit);

    /** An open appeal as the digest names it: nothing personal. */
    record OpenAppeal(AppealNumber number, String direction, java.time.Instant deadline) {}

    /** An executor's open appeals at a moment (see {@link #openAppeals}). */
    record OpenAppeals(int open, int overdue, List<OpenAppeal> overdueFirst, List<OpenAppeal> others) {
        public OpenAppeals {
            overdueFirst = List.copyOf(overdueFirst);
            others = List.copyOf(others);
        }
    }
}
