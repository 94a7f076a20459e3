package ua.zvernennia.core.deadline;

import java.time.Instant;
import java.util.Objects;
import ua.zvernennia.core.appeal.AppealNumber;
import ua.zvernennia.core.appeal.AppealStatus;

/** An open appeal as the deadline control sees it: what operators need to find and act on it. */
public record WatchedAppeal(
        AppealNumber number,
        String categoryName,
        String executor,
        AppealStatus status,
        Instant createdAt,
        Instant deadline,
        Instant legalDeadline) {
    public WatchedAppeal {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(categoryName, "categoryName");
        Objects.requireNonNull(executor, "executor");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(legalDeadline, "legalDeadline");
    }
}
