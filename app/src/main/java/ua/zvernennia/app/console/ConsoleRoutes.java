package ua.zvernennia.app.console;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ua.zvernennia.app.api.Authenticator;
import ua.zvernennia.app.api.Caller;
import ua.zvernennia.app.api.ClientAddress;
import ua.zvernennia.app.api.Role;
import ua.zvernennia.app.api.SignInLimits;
import ua.zvernennia.app.web.ErrorAnswers;
import ua.zvernennia.app.web.RouteGroup;
import ua.zvernennia.core.refusal.Refusal;

/**
 * The web console for operators and admins under {@code /console}: server-rendered pages over
 * the same services as the API, signed in with an API token kept in a server-side session. What
 * its pages refuse or fail to do is answered with a page by {@link Console}.
 */
public final class ConsoleRoutes implements RouteGroup {
    public static final String BASE = "/console";
    private static final Logger log = LoggerFactory.getLogger(ConsoleRoutes.class);
    private static final Map<String, String> STATIC = Map.of(
            "console.css", "text/css; charset=utf-8",
            "console.js", "text/javascript; charset=utf-8");

    private final Console console;
    private final Authenticator authenticator;
    private final SignInLimits signIns;
    private final ClientAddress clients;
    private final Clock clock;
    private final List<RouteGroup> pages;

    /**
     * @param signIns failed tokens per client, shared with the API
     * @param clients who the client of a request is
     * @param pages   the sections: appeals, categories, tokens, personal data, Open311 keys, statistics
     */
    public ConsoleRoutes(
            Console console,
            Authenticator authenticator,
            SignInLimits signIns,
            ClientAddress clients,
            Clock clock,
            List<RouteGroup> pages) {
        this.console = console;
        this.authenticator = authenticator;
        this.signIns = signIns;
        this.clients = clients;
        this.clock = clock;
        this.pages = List.copyOf(pages);
    }

    @Override
    public void routes(RoutesConfig app) {
        app.before(BASE, Console::securityHeaders);
        app.before(BASE + "/*", Console::securityHeaders);
        app.beforeMatched(BASE + "/*", console::guard);
        app.exception(Console.Redirect.class, (e, ctx) -> ctx.redirect(e.location, HttpStatus.SEE_OTHER));

        app.get(BASE, ConsoleRoutes::toAppeals);
        app.get(BASE + "/", ConsoleRoutes::toAppeals);
        for (var file : STATIC.entrySet()) {
            byte[] bytes = resource("/console/static/" + file.getKey());
            app.get(
                    BASE + "/static/" + file.getKey(),
                    ctx -> ctx.contentType(file.getValue())
                            .header("Cache-Control", "private, max-age=300")
                            .result(bytes));
        }
        app.get(BASE + "/login", ctx -> loginPage(ctx, 200, null));
        app.post(BASE + "/login", this::signIn);
        app.post(BASE + "/logout", this::signOut, Role.OPERATOR, Role.EXECUTOR);

        pages.forEach(p -> p.routes(app));

        // Registered last, so it only catches what no console route matched.
        app.get(BASE + "/*", ConsoleRoutes::unknown);
    }

    private static void toAppeals(Context ctx) {
        ctx.redirect(BASE + "/appeals");
    }

    private static void unknown(Context ctx) {
        throw Refusal.notFound("Такої сторінки в консолі немає.");
    }

    private void loginPage(Context ctx, int status, String problem) {
        String nonce = Sessions.random();
        Console.setCookie(ctx, Console.LOGIN_COOKIE, nonce, BASE + "/login", false);
        String ended = "revoked".equals(ctx.queryParam("ended"))
                ? "Сесію завершено: токен відкликано або змінено. Увійдіть знову."
                : null;
        Pages.render(
                ctx,
                status,
                "login.jte",
                new Chrome("Вхід", null, nonce, "", null, console.formats()),
                "problem",
                problem != null ? problem : ended);
    }

    /**
     * The sign-in form carries a one-time value that must match its cookie, so another site
     * cannot sign a browser in with the attacker's token.
     */
    private void signIn(Context ctx) {
        if (!Console.same(ctx.formParam(Console.CSRF_FIELD), ctx.cookie(Console.LOGIN_COOKIE))) {
            loginPage(ctx, 403, "Форма входу застаріла. Спробуйте ще раз.");
            return;
        }
        String client = clients.of(ctx);
        Instant now = clock.instant();
        Duration wait = signIns.wait(client, now);
        if (!wait.isZero()) {
            long seconds = ErrorAnswers.seconds(wait);
            log.warn("console sign-in from {} refused unchecked: too many failures, {} s to wait", client, seconds);
            ctx.header("Retry-After", Long.toString(seconds));
            loginPage(ctx, 429, "Забагато невдалих спроб входу. Спробуйте знову через " + seconds + " с.");
            return;
        }
        String token =
                Optional.ofNullable(ctx.formParam("token")).map(String::strip).orElse("");
        Optional<Caller> caller = token.isEmpty() ? Optional.empty() : authenticator.identify(token);
        if (caller.isEmpty()) {
            signIns.failed(client, now);
            log.warn("console sign-in refused from {}: unknown or revoked token", client);
            loginPage(ctx, 401, "Невірний або відкликаний токен.");
            return;
        }
        signIns.succeeded(client, now);
        console.sessions.find(ctx.cookie(Console.COOKIE)).ifPresent(console.sessions::close);
        Session s = console.sessions.open(token);
        Console.setCookie(ctx, Console.LOGIN_COOKIE, "", BASE + "/login", true);
        Console.setCookie(ctx, Console.COOKIE, s.id, BASE, false);
        log.info(
                "console sign-in from {}: {} ({})",
                client,
                caller.get().name(),
                caller.get().role());
        ctx.redirect(caller.get().isExecutor() ? WorkPages.BASE : BASE + "/appeals", HttpStatus.SEE_OTHER);
    }

    private void signOut(Context ctx) {
        console.sessions.close(console.session(ctx));
        Console.setCookie(ctx, Console.COOKIE, "", BASE, true);
        ctx.redirect(BASE + "/login", HttpStatus.SEE_OTHER);
    }

    private static byte[] resource(String path) {
        try (InputStream in = ConsoleRoutes.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
