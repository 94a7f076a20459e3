package ua.zvernennia.app.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.security.RouteRole;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ua.zvernennia.app.web.ErrorAnswers;
import ua.zvernennia.app.web.RouteGroup;
import ua.zvernennia.app.web.RoutePattern;
import ua.zvernennia.core.refusal.Refusal;

/**
 * The operator and admin JSON API under {@code /api}, authorised by
 * {@code Authorization: Bearer <token>}: the {@code ADMIN_TOKEN} of the environment is the first
 * admin; admins issue further tokens. Missing or wrong token: 401; wrong role: 403. Its
 * controllers register their own routes; this is what they share: the check of the token, the
 * headers, and the API's answers to what did not work, {@code {"status", "error"}}.
 */
public final class Api implements RouteGroup, ErrorAnswers {
    private static final Logger log = LoggerFactory.getLogger(Api.class);
    private static final String ERROR_WRITTEN = "api-error-written";
    private static final int RETRY_AFTER_SECONDS = 30;

    private final Authenticator authenticator;
    private final SignInLimits signIns;
    private final ClientAddress clients;
    private final Clock clock;
    private final String openApi = OpenApiDocument.json();

    /**
     * @param signIns failed tokens per client, shared with the console's sign-in
     * @param clients who the client of a request is
     */
    public Api(Authenticator authenticator, SignInLimits signIns, ClientAddress clients, Clock clock) {
        this.authenticator = authenticator;
        this.signIns = signIns;
        this.clients = clients;
        this.clock = clock;
    }

    @Override
    public void routes(RoutesConfig app) {
        app.before("/api/*", Api::securityHeaders);
        app.beforeMatched("/api/*", this::authorise);
        app.get("/api/openapi.json", this::openApi);
        app.error(404, "*", ctx -> {
            if (ctx.path().startsWith("/api/") && ctx.attribute(ERROR_WRITTEN) == null) {
                error(ctx, 404, "no such API route: " + ctx.method() + " " + ctx.path());
            }
        });
        app.error(405, "*", ctx -> {
            if (ctx.path().startsWith("/api/") && ctx.attribute(ERROR_WRITTEN) == null) {
                error(ctx, 405, "method not allowed: " + ctx.method() + " " + ctx.path());
            }
        });
    }

    private void openApi(Context ctx) {
        ctx.contentType("application/json").result(openApi);
    }

    /** Answers carry citizens' personal data: never sniffed into another type, never kept in a cache. */
    static void securityHeaders(Context ctx) {
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Cache-Control", "no-store");
    }

    private void authorise(Context ctx) {
        Set<RouteRole> roles = ctx.routeRoles();
        if (roles.isEmpty()) {
            return;
        }
        String header = ctx.header("Authorization");
        if (header == null
                || !header.regionMatches(true, 0, "Bearer ", 0, 7)
                || header.substring(7).isBlank()) {
            ctx.header("WWW-Authenticate", "Bearer");
            throw Refusal.unauthenticated("missing bearer token");
        }
        String token = header.substring(7).strip();
        String client = clients.of(ctx);
        Instant now = clock.instant();
        Duration wait = signIns.wait(client, now);
        if (!wait.isZero() && !wait.isNegative()) {
            throw Refusal.tooMany(
                    "too many failed tokens from here; try again in " + ErrorAnswers.seconds(wait) + " s", wait);
        }
        Optional<Caller> found = authenticator.identify(token);
        if (found.isEmpty()) {
            signIns.failed(client, now);
            log.warn("API token refused from {}: {} {}", client, ctx.method(), RoutePattern.of(ctx));
            ctx.header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            throw Refusal.unauthenticated("unknown or revoked token");
        }
        signIns.succeeded(client, now);
        Caller caller = found.get();
        boolean allowed = roles.stream()
                .anyMatch(r -> r instanceof Role needed && caller.role().mayActAs(needed));
        if (!allowed) {
            throw Refusal.forbidden(
                    "this needs the role " + roles.iterator().next() + "; the token is " + caller.role());
        }
        ctx.attribute(Caller.ATTRIBUTE, caller);
    }

    // ---- what did not work --------------------------------------------------------------------

    @Override
    public void refused(Context ctx, Refusal refusal) {
        ErrorAnswers.retryAfter(ctx, refusal);
        ctx.attribute(ERROR_WRITTEN, true);
        var body = new LinkedHashMap<String, Object>();
        int status = ErrorAnswers.status(refusal.kind());
        body.put("status", status);
        body.put("error", refusal.getMessage());
        refusal.field().ifPresent(f -> body.put("field", f));
        ctx.status(HttpStatus.forStatus(status)).json(body);
    }

    /** 503 while the database cannot commit: the caller may try again, nothing was changed. */
    @Override
    public void unavailable(Context ctx, String reason) {
        ctx.header("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
        error(ctx, 503, "the database is unavailable (" + reason + "); nothing was changed, try again in a minute");
    }

    @Override
    public void failed(Context ctx, String errorId) {
        ctx.attribute(ERROR_WRITTEN, true);
        var body = new LinkedHashMap<String, Object>();
        body.put("status", 500);
        body.put("error", "internal error; error id " + errorId);
        body.put("errorId", errorId);
        ctx.status(HttpStatus.INTERNAL_SERVER_ERROR).json(body);
    }

    static void error(Context ctx, int status, String message) {
        ctx.attribute(ERROR_WRITTEN, true);
        var body = new LinkedHashMap<String, Object>();
        body.put("status", status);
        body.put("error", message == null ? "error" : message);
        ctx.status(HttpStatus.forStatus(status)).json(body);
    }
}
