package ua.zvernennia.app.web;

import io.javalin.http.Context;
import java.time.Duration;
import ua.zvernennia.core.refusal.Refusal;

/**
 * How one part of the site answers what did not work: the API in JSON, the console with a page.
 * {@link Failures} decides which; each part writes its own body, with the status of
 * {@link #status}.
 */
public interface ErrorAnswers {
    /** A request refused: the status of its kind, and the reason. */
    void refused(Context ctx, Refusal refusal);

    /** The database cannot be used now (503): nothing was changed, the caller may try again. */
    void unavailable(Context ctx, String reason);

    /** A fault of the program (500); {@code errorId} is in the log line with the stack trace. */
    void failed(Context ctx, String errorId);

    /** The HTTP status of a refusal of this kind, the same for every part of the site. */
    static int status(Refusal.Kind kind) {
        return switch (kind) {
            case INVALID -> 400;
            case UNAUTHENTICATED -> 401;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case GONE -> 410;
            case TOO_MANY -> 429;
            case UNAVAILABLE -> 503;
        };
    }

    /** {@code Retry-After} for a refusal that says when to ask again. */
    static void retryAfter(Context ctx, Refusal refusal) {
        refusal.retryAfter().ifPresent(wait -> ctx.header("Retry-After", Long.toString(seconds(wait))));
    }

    /** A wait in whole seconds, rounded up, at least one: as {@code Retry-After} has it. */
    static long seconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }
}
