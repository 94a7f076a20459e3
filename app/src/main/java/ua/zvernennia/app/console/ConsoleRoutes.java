package ua.zvernennia.app.console;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ua.zvernennia.app.api.Api;
import ua.zvernennia.app.api.Caller;
import ua.zvernennia.app.api.Role;

/**
 * The web console for operators and admins under {@code /console}: server-rendered pages over
 * the same services as the API, signed in with an API token kept in a server-side session.
 */
public final class ConsoleRoutes {
    public static final String BASE = "/console";
    private static final Logger log = LoggerFactory.getLogger(ConsoleRoutes.class);
    private static final Map<String, String> STATIC = Map.of(
            "console.css", "text/css; charset=utf-8",
            "console.js", "text/javascript; charset=utf-8");

    private ConsoleRoutes() {
    }

    public static void register(RoutesConfig app, Api.Deps deps) {
        Console console = new Console(deps);
        app.before(BASE, Console::securityHeaders);
        app.before(BASE + "/*", Console::securityHeaders);
        app.beforeMatched(BASE + "/*", console::guard);
        app.exception(ConsoleException.class, console::refusal);
        app.exception(Console.Redirect.class, (e, ctx) -> ctx.redirect(e.location, HttpStatus.SEE_OTHER));

        app.get(BASE, ctx -> ctx.redirect(BASE + "/appeals"));
        app.get(BASE + "/", ctx -> ctx.redirect(BASE + "/appeals"));
        for (var file : STATIC.entrySet()) {
            byte[] bytes = resource("/console/static/" + file.getKey());
            app.get(BASE + "/static/" + file.getKey(), ctx -> ctx.contentType(file.getValue())
                    .header("Cache-Control", "private, max-age=300").result(bytes));
        }
        app.get(BASE + "/login", ctx -> loginPage(ctx, console, 200, null));
        app.post(BASE + "/login", ctx -> signIn(ctx, console));
        app.post(BASE + "/logout", console.page(ctx -> signOut(ctx, console)), Role.OPERATOR);

        AppealPages.register(app, console);
        CategoryPages.register(app, console);
        TokenPages.register(app, console);
        PrivacyPages.register(app, console);
        Open311KeyPages.register(app, console);
        StatsPage.register(app, console);
        MapPointPage.register(app, console, deps.storage().openMap());

        // Registered last, so it only catches what no console route matched.
        app.get(BASE + "/*", ctx -> {
            throw new ConsoleException(404, "Такої сторінки в консолі немає.");
        });
    }

    private static void loginPage(Context ctx, Console console, int status, String problem) {
        String nonce = Sessions.random();
        Console.setCookie(ctx, Console.LOGIN_COOKIE, nonce, BASE + "/login", false);
        String ended = "revoked".equals(ctx.queryParam("ended"))
                ? "Сесію завершено: токен відкликано або змінено. Увійдіть знову." : null;
        Pages.render(ctx, status, "login.jte", new Chrome("Вхід", null, nonce, "", null, console.formats()),
                "problem", problem != null ? problem : ended);
    }

    /**
     * The sign-in form carries a one-time value that must match its cookie, so another site
     * cannot sign a browser in with the attacker's token.
     */
    private static void signIn(Context ctx, Console console) {
        if (!Console.same(ctx.formParam(Console.CSRF_FIELD), ctx.cookie(Console.LOGIN_COOKIE))) {
            loginPage(ctx, console, 403, "Форма входу застаріла. Спробуйте ще раз.");
            return;
        }
        String client = console.deps.clients().of(ctx);
        Instant now = console.deps.clock().instant();
        Duration wait = console.deps.signIns().wait(client, now);
        if (!wait.isZero()) {
            long seconds = Api.retryAfterSeconds(wait);
            log.warn("console sign-in from {} refused unchecked: too many failures, {} s to wait", client, seconds);
            ctx.header("Retry-After", Long.toString(seconds));
            loginPage(ctx, console, 429, "Забагато невдалих спроб входу. Спробуйте знову через " + seconds + " с.");
            return;
        }
        String token = Optional.ofNullable(ctx.formParam("token")).map(String::strip).orElse("");
        Optional<Caller> caller = token.isEmpty() ? Optional.empty() : Api.identify(token, console.deps);
        if (caller.isEmpty()) {
            console.deps.signIns().failed(client, now);
            log.warn("console sign-in refused from {}: unknown or revoked token", client);
            loginPage(ctx, console, 401, "Невірний або відкликаний токен.");
            return;
        }
        console.deps.signIns().succeeded(client, now);
        console.sessions.find(ctx.cookie(Console.COOKIE)).ifPresent(console.sessions::close);
        Session s = console.sessions.open(token);
        Console.setCookie(ctx, Console.LOGIN_COOKIE, "", BASE + "/login", true);
        Console.setCookie(ctx, Console.COOKIE, s.id, BASE, false);
        log.info("console sign-in from {}: {} ({})", client, caller.get().name(), caller.get().role());
        ctx.redirect(BASE + "/appeals", HttpStatus.SEE_OTHER);
    }

    private static void signOut(Context ctx, Console console) {
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
