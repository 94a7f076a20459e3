package ua.zvernennia.core.appeal;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of an appeal's history.
 *
 * @param id       the entry's id, increasing in the order entries were written
 * @param from     the status before a {@link Kind#STATUS} change; null for other kinds
 * @param to       the status after it (REGISTERED for {@link Kind#CREATED}); null for other kinds
 * @param actor    who did it: "citizen", the operator token's name, or the channel that brought it
 * @param note     the comment, the citizen's answer, the rating; may be null
 * @param outboxId the message that told the citizen about it, if one was sent; null otherwise
 */
public record AppealEvent(
        long id,
        AppealNumber appeal,
        Instant at,
        Kind kind,
        AppealStatus from,
        AppealStatus to,
        String actor,
        String note,
        Long outboxId) {

    public enum Kind {
        /** The appeal was registered. */
        CREATED,
        /** Its status changed. */
        STATUS,
        /** An operator's note without a change of status. */
        COMMENT,
        /** The citizen's answer to an operator's question (NEEDS_INFO). */
        ANSWER,
        /** The citizen's word on whether a resolved problem is solved. */
        FEEDBACK,
        /** The citizen's rating, 1 to 5. */
        RATING,
        /** Assigned to an executor (the note names it and the reason). */
        ASSIGNED,
        /** Handed back by its executor to the operators' queue, with the reason. */
        RETURNED,
        /** An operator changed how the appeal is classified in the register (the note says what). */
        CLASSIFICATION
    }

    public static final int MAX_NOTE = 4000;
    public static final int MAX_ACTOR = 100;

    public AppealEvent {
        Objects.requireNonNull(appeal, "appeal");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(actor, "actor");
        if (actor.isBlank() || actor.length() > MAX_ACTOR) {
            throw new IllegalArgumentException("actor must be 1.." + MAX_ACTOR + " characters");
        }
        if (note != null && note.length() > MAX_NOTE) {
            throw new IllegalArgumentException("note is over " + MAX_NOTE + " characters");
        }
        if (kind == Kind.STATUS && (from == null || to == null)) {
            throw new IllegalArgumentException("a status change needs both statuses");
        }
    }

    public static final String CITIZEN = "citizen";
}
