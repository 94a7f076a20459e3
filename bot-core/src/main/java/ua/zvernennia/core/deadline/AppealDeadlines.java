package ua.zvernennia.core.deadline;

import java.time.Instant;
import java.util.Objects;

/**
 * The two deadlines an appeal gets when it is registered: the operational one of its deadline
 * class and the legal limit. Computed in one place, {@code ConversationSettings#deadlines}, for
 * every path that creates an appeal.
 */
public record AppealDeadlines(Instant deadline, Instant legalDeadline) {
    public AppealDeadlines {
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(legalDeadline, "legalDeadline");
    }
}
