package ua.zvernennia.app.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.security.RouteRole;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ua.zvernennia.app.media.KeptPhotos;
import ua.zvernennia.app.privacy.AccessLog;
import ua.zvernennia.core.desk.OperatorDesk;
import ua.zvernennia.core.engine.StorageUnavailableException;
import ua.zvernennia.storage.ApiTokens;
import ua.zvernennia.storage.Storage;
import ua.zvernennia.storage.StorageFaults;

/**
 * The operator and admin JSON API under {@code /api}, authorised by
 * {@code Authorization: Bearer <token>}: the {@code ADMIN_TOKEN} of the environment is the first
 * admin; admins issue further tokens. Missing or wrong token: 401; wrong role: 403.
 */
public final class Api {
    private static final Logger log = LoggerFactory.getLogger(Api.class);
    private static final String ERROR_WRITTEN = "api-error-written";
    private static final int RETRY_AFTER_SECONDS = 30;

    /**
     * What the API's controllers need.
     *
     * @param zone   the city's time zone: dates in filters are its days
     * @param photos where the bytes of the photos kept at receipt are
     * @param signIns failed tokens per client, for the API and the console's sign-in
     * @param clients who the client of a request is
     * @param audit   where reads of personal data are recorded
     */
    public record Deps(Storage storage, Clock clock, Optional<String> adminToken, ZoneId zone, OperatorDesk desk,
                       KeptPhotos photos, SignInLimits signIns, ClientAddress clients, AccessLog audit) {
    }

    private Api() {
    }

    public static void register(RoutesConfig app, Deps deps) {
        String openApi = OpenApiDocument.json();
        app.before("/api/*", Api::securityHeaders);
        app.beforeMatched("/api/*", ctx -> authorise(ctx, deps));
        app.get("/api/openapi.json", ctx -> ctx.contentType("application/json").result(openApi));
        TokenController.register(app, deps);
        CategoryController.register(app, deps);
        AppealController.register(app, deps);
        StatsController.register(app, deps);
        ReportController.register(app, deps);
        BackupController.register(app, deps);
        CitizenController.register(app, deps);
        AuditController.register(app, deps);

        app.exception(ApiException.class, (e, ctx) -> error(ctx, e.status(), e.getMessage()));
        app.exception(IllegalArgumentException.class, (e, ctx) -> error(ctx, 400, e.getMessage()));
        app.exception(StorageUnavailableException.class, (e, ctx) -> unavailable(ctx, e));
        app.exception(Exception.class, (e, ctx) -> {
            if (StorageFaults.isFault(e)) {
                unavailable(ctx, e);
                return;
            }
            log.error("API request {} {} failed", ctx.method(), RoutePattern.of(ctx), e);
            error(ctx, 500, "internal error");
        });
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

    /** Answers carry citizens' personal data: never sniffed into another type, never kept in a cache. */
    static void securityHeaders(Context ctx) {
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Cache-Control", "no-store");
    }

    private static void authorise(Context ctx, Deps deps) {
        Set<RouteRole> roles = ctx.routeRoles();
        if (roles.isEmpty()) {
            return;
        }
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7) || header.substring(7).isBlank()) {
            ctx.header("WWW-Authenticate", "Bearer");
            throw new ApiException(401, "missing bearer token");
        }
        String token = header.substring(7).strip();
        String client = deps.clients().of(ctx);
        Instant now = deps.clock().instant();
        refuseWhileLimited(ctx, deps.signIns().wait(client, now));
        Optional<Caller> found = identify(token, deps);
        if (found.isEmpty()) {
            deps.signIns().failed(client, now);
            log.warn("API token refused from {}: {} {}", client, ctx.method(), RoutePattern.of(ctx));
            ctx.header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            throw new ApiException(401, "unknown or revoked token");
        }
        deps.signIns().succeeded(client, now);
        Caller caller = found.get();
        boolean allowed = roles.stream().anyMatch(r -> r instanceof Role needed && caller.role().mayActAs(needed));
        if (!allowed) {
            throw new ApiException(403, "this needs the role " + roles.iterator().next() + "; the token is " + caller.role());
        }
        ctx.attribute(Caller.ATTRIBUTE, caller);
    }

    /** A 429 with {@code Retry-After} (whole seconds, rounded up) while the client must wait. */
    static void refuseWhileLimited(Context ctx, Duration wait) {
        if (!wait.isZero() && !wait.isNegative()) {
            long seconds = retryAfterSeconds(wait);
            ctx.header("Retry-After", Long.toString(seconds));
            throw new ApiException(429, "too many failed tokens from here; try again in " + seconds + " s");
        }
    }

    /** Whole seconds, rounded up, at least one. */
    public static long retryAfterSeconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }

    /**
     * Who holds {@code token}: the admin of {@code ADMIN_TOKEN}, or an active issued token. The
     * one token check of the app; the web console signs in with it too.
     */
    public static Optional<Caller> identify(String token, Deps deps) {
        if (deps.adminToken().isPresent() && MessageDigest.isEqual(
                deps.adminToken().get().getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8))) {
            return Optional.of(new Caller("admin", Role.ADMIN));
        }
        return deps.storage().read(s -> s.apiTokens().findActive(token))
                .map(t -> new Caller(t.name(), Role.valueOf(t.role())));
    }

    /**
     * Who holds the token whose {@link #tokenHash} this is: as {@link #identify}, for a console
     * session, which keeps only the hash.
     */
    public static Optional<Caller> identifyHash(String hash, Deps deps) {
        if (deps.adminToken().isPresent() && MessageDigest.isEqual(
                tokenHash(deps.adminToken().get()).getBytes(StandardCharsets.US_ASCII), hash.getBytes(StandardCharsets.US_ASCII))) {
            return Optional.of(new Caller("admin", Role.ADMIN));
        }
        return deps.storage().read(s -> s.apiTokens().findActiveByHash(hash))
                .map(t -> new Caller(t.name(), Role.valueOf(t.role())));
    }

    /** The hash of an API token, as issued tokens are stored. */
    public static String tokenHash(String token) {
        return ApiTokens.hash(token);
    }

    /** 503 while the database cannot commit: the caller may try again, nothing was changed. */
    private static void unavailable(Context ctx, Exception e) {
        log.warn("API request {} {} refused: the database is unavailable ({})", ctx.method(), RoutePattern.of(ctx), StorageFaults.describe(e));
        ctx.header("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
        error(ctx, 503, "the database is unavailable (" + StorageFaults.describe(e) + "); nothing was changed, try again in a minute");
    }

    static void error(Context ctx, int status, String message) {
        ctx.attribute(ERROR_WRITTEN, true);
        ctx.status(HttpStatus.forStatus(status)).json(Map.of("status", status, "error", message == null ? "error" : message));
    }
}
