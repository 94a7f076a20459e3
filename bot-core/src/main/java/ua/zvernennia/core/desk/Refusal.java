package ua.zvernennia.core.desk;

import java.util.Objects;

/** An operator's request the desk refuses, with the reason in words for the operator. Nothing was changed. */
public final class Refusal extends RuntimeException {
    public enum Kind {
        /** No such appeal. */
        NOT_FOUND,
        /** Not allowed in the appeal's current state (an illegal status change). */
        CONFLICT,
        /** The request itself is wrong (a missing comment, a messenger channel for a phoned-in appeal). */
        BAD_INPUT
    }

    private final Kind kind;

    public Refusal(Kind kind, String reason) {
        super(reason);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    public Kind kind() {
        return kind;
    }
}
