package ua.zvernennia.app.web;

import io.javalin.http.Context;

/** The route pattern a request matched ({@code /api/appeals/{number}}), never its values: safe to log. */
public final class RoutePattern {
    /** Where no route matched: the path itself may be anything a client sent, so it is not logged. */
    public static final String NO_ROUTE = "(no route)";

    private RoutePattern() {}

    public static String of(Context ctx) {
        try {
            var endpoint = ctx.endpoint();
            return endpoint == null || endpoint.path == null || endpoint.path.isEmpty() ? NO_ROUTE : endpoint.path;
        } catch (RuntimeException e) {
            return NO_ROUTE;
        }
    }
}
