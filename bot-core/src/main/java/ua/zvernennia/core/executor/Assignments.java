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

    /** Open appeals of each executor with a staff chat, for the morning digest. */
    List<OpenAppeals> openAppeals(java.time.Instant now);

    /** An executor's open appeals at a moment: how many, and which are overdue. */
    record OpenAppeals(Executor executor, int open, List<AppealNumber> overdue) {}
}
