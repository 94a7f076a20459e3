package ua.zvernennia.core.appeal;

import java.util.Optional;

/**
 * Where an appeal stands, and who may move it where. Operators move an appeal from REGISTERED
 * through IN_PROGRESS (and NEEDS_INFO, a question to the citizen) to RESOLVED or REJECTED; the
 * citizen may withdraw an appeal that is not closed and reopen a RESOLVED one.
 */
public enum AppealStatus {
    REGISTERED,
    IN_PROGRESS,
    NEEDS_INFO,
    RESOLVED,
    REJECTED,
    WITHDRAWN;

    /** Closed appeals take no more changes from operators (a citizen may reopen a RESOLVED one). */
    public boolean isClosed() {
        return this == RESOLVED || this == REJECTED || this == WITHDRAWN;
    }

    /** Why an operator may not move an appeal from this status to {@code to}; empty when they may. */
    public Optional<String> whyOperatorCannotMoveTo(AppealStatus to) {
        if (isClosed()) {
            return Optional.of("the appeal is " + this + " and closed: it takes no more changes"
                    + (this == RESOLVED ? " (only the citizen may reopen it)" : ""));
        }
        if (to == WITHDRAWN) {
            return Optional.of("only the citizen may withdraw an appeal");
        }
        if (to == REGISTERED) {
            return Optional.of("an appeal cannot go back to REGISTERED");
        }
        if (to == this) {
            return Optional.of("the appeal is already " + this);
        }
        return Optional.empty();
    }

    /** True for the statuses an operator must explain: the question asked, the reason for refusing. */
    public boolean needsComment() {
        return this == NEEDS_INFO || this == REJECTED;
    }

    /** The citizen may withdraw an appeal until it is closed. */
    public boolean citizenMayWithdraw() {
        return !isClosed();
    }

    /** The citizen may reopen an appeal an operator marked RESOLVED when the problem is still there. */
    public boolean citizenMayReopen() {
        return this == RESOLVED;
    }
}
