package ua.zvernennia.app.api;

import io.javalin.http.Context;

/** The authenticated caller of an API request: recorded as the actor of what they change. */
public record Caller(String name, Role role) {
    static final String ATTRIBUTE = "caller";

    public static Caller of(Context ctx) {
        Caller c = ctx.attribute(ATTRIBUTE);
        if (c == null) {
            throw new IllegalStateException("no caller on an API route");
        }
        return c;
    }
}
