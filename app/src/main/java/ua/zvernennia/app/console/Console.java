package ua.zvernennia.app.console;

import io.javalin.http.Context;
import io.javalin.security.RouteRole;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;
import ua.zvernennia.app.api.Authenticator;
import ua.zvernennia.app.api.Caller;
import ua.zvernennia.app.api.Role;
import ua.zvernennia.app.web.ErrorAnswers;
import ua.zvernennia.core.refusal.Refusal;
import ua.zvernennia.core.staff.ConsoleSessions;

/**
 * The console's request plumbing: sessions and their cookie, the check of a session's token through
 * the API's own, roles, CSRF tokens, security headers, and the pages for refusals and failures.
 * Thread-safe.
 */
public final class Console implements ErrorAnswers {
    static final String COOKIE = "zv_console";
    static final String LOGIN_COOKIE = "zv_console_login";
    static final String CSRF_FIELD = "_csrf";
    /** Where sessions are shared by instances: the cookie that takes a newly issued token to the next page. */
    static final String SECRET_COOKIE = "zv_console_secret";
    /** A flash's secret as the database keeps it: "in the cookie". */
    static final String SECRET_IN_COOKIE = "";

    private static final String SESSION = "console-session";
    private static final String CALLER = "console-caller";
    private static final int RETRY_AFTER_SECONDS = 30;
    private static final String BASE_PATH = ConsoleRoutes.BASE;
    static final String CSP =
            "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
                    + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private final Authenticator authenticator;
    final Sessions sessions;
    private final Clock clock;
    private final ZoneId zone;

    /** @param zone the city's time zone: times on the pages are its own */
    public Console(Authenticator authenticator, Clock clock, ZoneId zone) {
        this(authenticator, Optional.empty(), clock, zone);
    }

    /**
     * @param shared where several instances share the database: its sessions, which then are the
     *               console's; empty: this process keeps them
     * @param zone   the city's time zone: times on the pages are its own
     */
    public Console(Authenticator authenticator, Optional<ConsoleSessions> shared, Clock clock, ZoneId zone) {
        this.authenticator = authenticator;
        this.sessions = shared.<Sessions>map(store -> new SharedSessions(store, clock))
                .orElseGet(() -> new MemorySessions(clock));
        this.clock = clock;
        this.zone = zone;
    }

    // ---- every response ------------------------------------------------------------------------

    static void securityHeaders(Context ctx) {
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Cross-Origin-Opener-Policy", "same-origin");
        ctx.header("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
        // Pages carry citizens' personal data: no copies in caches.
        ctx.header("Cache-Control", "no-store");
    }

    // ---- before every console route --------------------------------------------------------------

    /** Lets a request through only with a live session whose token still holds the route's role, and a valid CSRF token on forms. */
    void guard(Context ctx) {
        Set<RouteRole> roles = ctx.routeRoles();
        if (roles.isEmpty()) {
            return;
        }
        Optional<Session> session = sessions.find(ctx.cookie(COOKIE));
        if (session.isEmpty()) {
            throw new Redirect(ConsoleRoutes.BASE + "/login");
        }
        Session s = session.get();
        Optional<Caller> caller = authenticator.identifyHash(s.tokenHash);
        if (caller.isEmpty()) {
            sessions.close(s);
            throw new Redirect(ConsoleRoutes.BASE + "/login?ended=revoked");
        }
        ctx.attribute(SESSION, s);
        ctx.attribute(CALLER, caller.get());
        if (roles.stream()
                .noneMatch(r -> r instanceof Role needed && caller.get().role().mayActAs(needed))) {
            if (caller.get().isExecutor()) {
                // An executor's token has pages of its own: its appeals.
                if (ctx.method().name().equals("GET") && ctx.path().equals(ConsoleRoutes.BASE + "/appeals")) {
                    throw new Redirect(WorkPages.BASE);
                }
                throw Refusal.forbidden(
                        "Цей розділ — для операторів. Звернення вашого виконавця — у розділі «Мої звернення».");
            }
            throw Refusal.forbidden("Цей розділ лише для адміністраторів.");
        }
        if (ctx.method().name().equals("POST") && !same(ctx.formParam(CSRF_FIELD), s.csrf)) {
            throw Refusal.forbidden(
                    "Форма застаріла або надіслана не з консолі. Відкрийте сторінку ще раз і повторіть.");
        }
    }

    static boolean same(String given, String expected) {
        return given != null
                && expected != null
                && MessageDigest.isEqual(
                        given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }

    Session session(Context ctx) {
        Session s = ctx.attribute(SESSION);
        if (s == null) {
            throw new IllegalStateException("no session on a guarded console route");
        }
        return s;
    }

    Caller caller(Context ctx) {
        Caller c = ctx.attribute(CALLER);
        if (c == null) {
            throw new IllegalStateException("no caller on a guarded console route");
        }
        return c;
    }

    /** The chrome of a page for the signed-in caller, taking the flash left for it. */
    Chrome chrome(Context ctx, String title, String section) {
        Session s = session(ctx);
        Flash flash = s.takeFlash();
        if (flash != null && SECRET_IN_COOKIE.equals(flash.secret())) {
            String secret = ctx.cookie(SECRET_COOKIE);
            setCookie(ctx, SECRET_COOKIE, "", BASE_PATH, true);
            flash = new Flash(flash.text(), flash.error(), secret == null || secret.isBlank() ? null : secret);
        }
        return new Chrome(title, caller(ctx), s.csrf, section, flash, formats());
    }

    Formats formats() {
        return new Formats(zone, clock.instant());
    }

    ZoneId zone() {
        return zone;
    }

    /**
     * After a form: the message for the next page, and a 303 to it. Where sessions are shared by
     * instances, a secret in the message (a newly issued token) goes to the next page in a one-time
     * HttpOnly cookie, not into the database with the session.
     */
    void done(Context ctx, String location, Flash flash) {
        if (sessions.shared() && flash.secret() != null) {
            setCookie(ctx, SECRET_COOKIE, flash.secret(), BASE_PATH, false);
        }
        session(ctx).flash(flash);
        ctx.redirect(location, io.javalin.http.HttpStatus.SEE_OTHER);
    }

    // ---- cookies ------------------------------------------------------------------------------

    /** HttpOnly and SameSite=Strict always; Secure when the browser came over HTTPS (directly or through a proxy). */
    static void setCookie(Context ctx, String name, String value, String path, boolean expire) {
        boolean https =
                "https".equalsIgnoreCase(ctx.scheme()) || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
        ctx.res()
                .addHeader(
                        "Set-Cookie",
                        name + "=" + value + "; Path=" + path + "; HttpOnly; SameSite=Strict"
                                + (https ? "; Secure" : "") + (expire ? "; Max-Age=0" : ""));
    }

    // ---- what did not work: always a page, never the API's JSON ---------------------------------

    @Override
    public void refused(Context ctx, Refusal refusal) {
        ErrorAnswers.retryAfter(ctx, refusal);
        page(
                ctx,
                ErrorAnswers.status(refusal.kind()),
                refusal.kind() == Refusal.Kind.NOT_FOUND ? "Сторінку не знайдено" : "Не вдалося",
                refusal.getMessage());
    }

    @Override
    public void unavailable(Context ctx, String reason) {
        ctx.header("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
        page(
                ctx,
                503,
                "База даних недоступна",
                "База даних зараз недоступна, тож нічого не змінено."
                        + " Спробуйте за хвилину: застосунок відновиться сам, щойно база знову працюватиме.");
    }

    @Override
    public void failed(Context ctx, String errorId) {
        page(
                ctx,
                500,
                "Не вдалося",
                "Щось пішло не так. Спробуйте ще раз; якщо повториться, повідомте адміністратора"
                        + " і назвіть код помилки " + errorId + ".");
    }

    private void page(Context ctx, int status, String title, String message) {
        securityHeaders(ctx);
        Session s = ctx.attribute(SESSION);
        Caller c = ctx.attribute(CALLER);
        Pages.render(
                ctx,
                status,
                "error.jte",
                new Chrome(title, c, s == null ? null : s.csrf, "", null, formats()),
                "message",
                message);
    }

    /** A redirect out of a guard or handler. */
    static final class Redirect extends RuntimeException {
        final String location;

        Redirect(String location) {
            super(null, null, false, false);
            this.location = location;
        }
    }
}
