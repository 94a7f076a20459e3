package ua.zvernennia.core.executor;

import java.time.Clock;
import ua.zvernennia.core.appeal.Appeal;
import ua.zvernennia.core.appeal.AppealEvent;
import ua.zvernennia.core.appeal.AppealNumber;
import ua.zvernennia.core.appeal.AppealStatus;
import ua.zvernennia.core.engine.Stores;
import ua.zvernennia.core.refusal.Refusal;

/**
 * Who handles an appeal: operators assign (and reassign) it to an executor with a reason; an
 * executor hands one that is not its business back to the operators' queue; an executor's staff
 * act only on the executor's own appeals. Each change runs in the caller's unit of work with its
 * history entry and the messages it causes (the staff chat's notice goes through the outbox).
 * Stateless and thread-safe.
 */
public final class ExecutorDesk {
    /** Longest reason of a reassignment or a hand-back. */
    public static final int MAX_REASON = 1000;

    private final Clock clock;
    private final StaffNotices notices;

    public ExecutorDesk(Clock clock, StaffNotices notices) {
        this.clock = clock;
        this.notices = notices;
    }

    /**
     * Assigns the appeal to the executor (a reassignment when it had another): the history
     * records who did it and why, and the executor's staff chat gets the appeal.
     *
     * @throws Refusal no such appeal or executor, an inactive executor, a closed appeal, no reason
     */
    public void assign(Stores stores, AppealNumber number, long executorId, String reason, String actor) {
        String why = reason(reason);
        if (why == null) {
            throw Refusal.invalid("reason", "say why the appeal goes to this executor: the history keeps it");
        }
        Appeal appeal = open(stores, number);
        Executor to = stores.assignments()
                .executor(executorId)
                .orElseThrow(() -> Refusal.invalid("executorId", "no executor " + executorId));
        if (!to.active()) {
            throw Refusal.invalid("executorId", "executor " + executorId + " is not active");
        }
        var now = clock.instant();
        if (stores.assignments()
                .executorOf(number)
                .filter(id -> id == executorId)
                .isPresent()) {
            throw Refusal.conflict(number + " is already assigned to " + to.name());
        }
        stores.assignments().assign(number, to);
        stores.appeals().addEvent(number, AppealEvent.Kind.ASSIGNED, actor, note(to.name(), why), now);
        notices.assigned(stores, appeal, to, now);
    }

    /** Routes a just-registered appeal to the executor of its issue type or category, if any. */
    public void route(Stores stores, Appeal appeal) {
        stores.assignments()
                .executorOf(appeal.number())
                .flatMap(id -> stores.assignments().executor(id))
                .ifPresent(e -> notices.assigned(stores, appeal, e, clock.instant()));
    }

    /**
     * The executor says the appeal is not its business: it goes back to the operators' queue
     * with the reason, for them to reassign.
     *
     * @throws Refusal the appeal is not this executor's (404), closed, or no reason is given
     */
    public void handBack(Stores stores, AppealNumber number, long executorId, String reason, String actor) {
        String why = reason(reason);
        if (why == null) {
            throw Refusal.invalid("reason", "say why the appeal is not yours, for the operators");
        }
        mine(stores, number, executorId);
        Appeal appeal = open(stores, number);
        stores.assignments().assign(number, null);
        stores.appeals().addEvent(appeal.number(), AppealEvent.Kind.RETURNED, actor, why, clock.instant());
    }

    /**
     * Refuses with 404 unless the appeal is assigned to the executor: another executor's appeal
     * is not there for it, not even by its number.
     */
    public static void mine(Stores stores, AppealNumber number, long executorId) {
        if (stores.assignments()
                .executorOf(number)
                .filter(id -> id == executorId)
                .isEmpty()) {
            throw Refusal.notFound("no appeal " + number);
        }
    }

    /** The statuses an executor may move its appeals to: into work, a question, resolved. */
    public static boolean executorMayMoveTo(AppealStatus to) {
        return to == AppealStatus.IN_PROGRESS || to == AppealStatus.NEEDS_INFO || to == AppealStatus.RESOLVED;
    }

    private static Appeal open(Stores stores, AppealNumber number) {
        Appeal appeal = stores.appeals().find(number).orElseThrow(() -> Refusal.notFound("no appeal " + number));
        if (appeal.status().isClosed()) {
            throw Refusal.conflict(number + " is " + appeal.status() + " and closed");
        }
        return appeal;
    }

    private static String note(String executor, String why) {
        String s = executor + (why == null ? "" : ": " + why);
        return s.length() > AppealEvent.MAX_NOTE ? s.substring(0, AppealEvent.MAX_NOTE) : s;
    }

    private static String reason(String reason) {
        if (reason == null || reason.isBlank()) {
            return null;
        }
        String s = reason.strip();
        if (s.length() > MAX_REASON) {
            throw Refusal.invalid("reason", "reason is " + s.length() + " characters; at most " + MAX_REASON);
        }
        return s;
    }
}
