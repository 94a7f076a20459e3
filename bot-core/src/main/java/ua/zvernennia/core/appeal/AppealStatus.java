package ua.zvernennia.core.appeal;

/** Where an appeal stands. */
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
}
