package ua.zvernennia.core.executor;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import ua.zvernennia.core.appeal.AppealNumber;

/**
 * Port: the executors as admins manage them, their field staff, and what the staff's views look
 * up. Each call is its own transaction. Thread-safe.
 */
public interface ExecutorStore {
    /** All executors, inactive ones included, by name. */
    List<Executor> list();

    Optional<Executor> find(long id);

    /**
     * Keeps a new executor (its id is ignored) and returns it with its id.
     *
     * @throws IllegalArgumentException when another executor has this name
     */
    Executor create(Executor executor, Instant now);

    /**
     * Replaces the executor's fields; the categories that refer to it take its new name. False
     * when there is no such executor.
     *
     * @throws IllegalArgumentException when another executor has this name
     */
    boolean update(Executor executor);

    /** The executor whose field staff use this Telegram chat. */
    Optional<Executor> byStaffChat(String telegramChatId);

    List<StaffMember> staff(long executorId);

    /** Registers (or renames) a staff member. */
    void addStaff(StaffMember member);

    /** False when there was no such staff member. */
    boolean removeStaff(long executorId, String telegramUserId);

    /** The executor the appeal is assigned to now; empty when it is in the operators' queue (or there is no such appeal). */
    Optional<Long> executorOf(AppealNumber number);

    /**
     * Each executor's figures for the appeals filed in [from, to) that are assigned to it now,
     * as of {@code now} (for the appeals still open); executors with no appeals are listed too.
     */
    List<Efficiency> efficiency(Instant from, Instant to);
}
