package ua.zvernennia.app.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ua.zvernennia.core.refusal.Refusal;

/**
 * What a handler throws, handled in one place for the whole site: a {@link Refusal} is answered
 * as what it is; a fault of the storage with 503 (nothing was changed, try again); anything else,
 * an {@link IllegalArgumentException} included, is a fault of the program: 500 with an error id
 * that is also in the log line with the stack trace. That line names the route pattern and the
 * exceptions' classes and frames, never their messages, which may hold what a citizen or an
 * operator typed. Which part of the site answers (the API in JSON, the console with a page) is
 * asked of {@code answers} per request. Thread-safe.
 */
public final class Failures {
    private static final Logger log = LoggerFactory.getLogger(Failures.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Function<Throwable, Optional<String>> storageFault;
    private final Function<Context, ErrorAnswers> answers;

    /**
     * @param storageFault the reason, in a few words without data, when what was thrown is a fault
     *                     of the storage rather than of the program
     * @param answers      who answers a request that failed
     */
    public Failures(Function<Throwable, Optional<String>> storageFault, Function<Context, ErrorAnswers> answers) {
        this.storageFault = storageFault;
        this.answers = answers;
    }

    public void register(RoutesConfig app) {
        app.exception(Refusal.class, (e, ctx) -> answers.apply(ctx).refused(ctx, e));
        app.exception(Exception.class, this::failed);
    }

    private void failed(Exception e, Context ctx) {
        Optional<String> fault = storageFault.apply(e);
        if (fault.isPresent()) {
            log.warn(
                    "{} {} refused: the database is unavailable ({})", ctx.method(), RoutePattern.of(ctx), fault.get());
            answers.apply(ctx).unavailable(ctx, fault.get());
            return;
        }
        answers.apply(ctx).failed(ctx, logged(ctx.method() + " " + RoutePattern.of(ctx), e));
    }

    /**
     * Logs {@code e} as a fault of the program at {@code where} (a route, or a few words), with a
     * new error id and the stack trace without messages; returns the id, for the answer.
     */
    public static String logged(String where, Throwable e) {
        String id = newId();
        log.error("{} failed: error {}", where, id, Trace.of(e));
        return id;
    }

    /** 12 hex digits: enough to find one line in a day's log, and nothing to guess from. */
    static String newId() {
        byte[] bytes = new byte[6];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /**
     * An exception as its classes and frames only: printed like the original (causes included),
     * but with none of the messages.
     */
    static final class Trace extends RuntimeException {
        private final String type;

        private Trace(String type, StackTraceElement[] frames, Trace cause) {
            super(null, cause, false, true);
            this.type = type;
            setStackTrace(frames);
        }

        static Trace of(Throwable original) {
            return of(original, 0);
        }

        private static Trace of(Throwable t, int depth) {
            Throwable c = t.getCause();
            Trace cause = c != null && c != t && depth < 20 ? of(c, depth + 1) : null;
            return new Trace(t.getClass().getName(), t.getStackTrace(), cause);
        }

        @Override
        public String toString() {
            return type;
        }
    }
}
