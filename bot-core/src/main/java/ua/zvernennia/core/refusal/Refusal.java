package ua.zvernennia.core.refusal;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A request refused, with the reason in words for whoever asked; nothing was changed. The one
 * vocabulary of refusals from the core to the staff's side of the app: the operators' desk, the
 * menu editor, the API and the console refuse with it, and each edge turns a {@link Kind} into its
 * answer in one place (the API into an HTTP status with JSON, the console into a page).
 *
 * <p>Anything else thrown, an {@link IllegalArgumentException} included, is a fault of the
 * program, not a refusal: where a value built from a client's input refuses itself in its
 * constructor, the edge says so with {@link #validated}.
 */
public final class Refusal extends RuntimeException {
    /** Why, in the terms every edge maps to its own answer. */
    public enum Kind {
        /** The request itself is wrong: a value that does not fit ({@link #field()} names it when one does). */
        INVALID,
        /** Who asks is not known: no credentials, or unknown or revoked ones. */
        UNAUTHENTICATED,
        /** Who asks may not do this. */
        FORBIDDEN,
        /** No such thing. */
        NOT_FOUND,
        /** Not allowed in the current state, or it would break a rule of the whole (the menu). */
        CONFLICT,
        /** It was there and is erased for good. */
        GONE,
        /** Too many attempts; try again after {@link #retryAfter()}. */
        TOO_MANY,
        /** Not available yet; try again after {@link #retryAfter()}. */
        UNAVAILABLE
    }

    private final Kind kind;
    private final String field;
    private final List<String> problems;
    private final Duration retryAfter;

    private Refusal(Kind kind, String field, List<String> problems, Duration retryAfter) {
        // A refusal is an answer, not a fault: no stack trace is made or kept.
        super(String.join("; ", problems), null, false, false);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.field = field;
        this.problems = List.copyOf(problems);
        this.retryAfter = retryAfter;
        if (this.problems.isEmpty() || this.problems.stream().anyMatch(p -> p == null || p.isBlank())) {
            throw new IllegalArgumentException("a refusal needs its reasons");
        }
    }

    /** A value that does not fit; the reason says which and why. */
    public static Refusal invalid(String reason) {
        return new Refusal(Kind.INVALID, null, List.of(reason), null);
    }

    /** {@code field} does not fit; the reason is in the asker's words and names the field itself. */
    public static Refusal invalid(String field, String reason) {
        return new Refusal(Kind.INVALID, Objects.requireNonNull(field, "field"), List.of(reason), null);
    }

    public static Refusal unauthenticated(String reason) {
        return new Refusal(Kind.UNAUTHENTICATED, null, List.of(reason), null);
    }

    public static Refusal forbidden(String reason) {
        return new Refusal(Kind.FORBIDDEN, null, List.of(reason), null);
    }

    public static Refusal notFound(String reason) {
        return new Refusal(Kind.NOT_FOUND, null, List.of(reason), null);
    }

    public static Refusal conflict(String reason) {
        return conflict(List.of(reason));
    }

    /** A change that would break these rules (of the whole menu, say). */
    public static Refusal conflict(List<String> problems) {
        return new Refusal(Kind.CONFLICT, null, problems, null);
    }

    public static Refusal gone(String reason) {
        return new Refusal(Kind.GONE, null, List.of(reason), null);
    }

    public static Refusal tooMany(String reason, Duration retryAfter) {
        return new Refusal(Kind.TOO_MANY, null, List.of(reason), Objects.requireNonNull(retryAfter, "retryAfter"));
    }

    public static Refusal unavailable(String reason, Duration retryAfter) {
        return new Refusal(Kind.UNAVAILABLE, null, List.of(reason), Objects.requireNonNull(retryAfter, "retryAfter"));
    }

    /**
     * The value {@code make} builds from what a client sent; when the value refuses itself (a
     * record's compact constructor throws {@link IllegalArgumentException}), an {@link Kind#INVALID}
     * refusal with its reason. Only around constructors of values from input: anywhere else an
     * {@code IllegalArgumentException} is a fault of the program and must stay one.
     */
    public static <T> T validated(Supplier<T> make) {
        try {
            return make.get();
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage() == null ? "a value does not fit" : e.getMessage());
        }
    }

    public Kind kind() {
        return kind;
    }

    /** The field that does not fit, for {@link Kind#INVALID} where one is named. */
    public Optional<String> field() {
        return Optional.ofNullable(field);
    }

    /** Every reason, in order; the message joins them with "; ". */
    public List<String> problems() {
        return problems;
    }

    /** How long to wait before asking again, for {@link Kind#TOO_MANY} and {@link Kind#UNAVAILABLE}. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    @Override
    public String toString() {
        return "Refusal[" + kind + (field == null ? "" : " " + field) + "]: " + getMessage();
    }
}
