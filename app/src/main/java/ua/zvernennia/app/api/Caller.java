package ua.zvernennia.app.api;

import io.javalin.http.Context;

/**
 * The authenticated caller of an API request: recorded as the actor of what they change.
 *
 * @param executorId the executor an EXECUTOR acts for; null for other roles
 */
public record Caller(String name, Role role, Long executorId) {
    public Caller(String name, Role role) {
        this(name, role, null);
    }

    public boolean isExecutor() {
        return role == Role.EXECUTOR;
    }

    static final String ATTRIBUTE = "caller";

    public static Caller of(Context ctx) {
        Caller c = ctx.attribute(ATTRIBUTE);
        if (c == null) {
            throw new IllegalStateException("no caller on an API route");
        }
        return c;
    }
}
