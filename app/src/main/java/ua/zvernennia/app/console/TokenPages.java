package ua.zvernennia.app.console;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import ua.zvernennia.app.api.Role;
import ua.zvernennia.app.api.TokenIssuer;
import ua.zvernennia.app.web.RouteGroup;
import ua.zvernennia.core.desk.ApiTokenStore;
import ua.zvernennia.core.refusal.Refusal;

/** The admins' token page: who has a token, issue one (shown once), revoke one. */
public final class TokenPages implements RouteGroup {
    private static final String BASE = ConsoleRoutes.BASE + "/tokens";

    public record TokensView(List<ApiTokenStore.ApiToken> tokens) {}

    private final Console console;
    private final ApiTokenStore tokens;
    private final TokenIssuer issuer;
    private final Clock clock;

    public TokenPages(Console console, ApiTokenStore tokens, TokenIssuer issuer, Clock clock) {
        this.console = console;
        this.tokens = tokens;
        this.issuer = issuer;
        this.clock = clock;
    }

    @Override
    public void routes(RoutesConfig app) {
        app.get(BASE, this::list, Role.ADMIN);
        app.post(BASE, this::issue, Role.ADMIN);
        app.post(BASE + "/{id}/revoke", this::revoke, Role.ADMIN);
    }

    private void list(Context ctx) {
        Pages.render(
                ctx,
                200,
                "tokens.jte",
                console.chrome(ctx, "Токени доступу", "tokens"),
                "view",
                new TokensView(tokens.list()));
    }

    private void issue(Context ctx) {
        String name = Optional.ofNullable(ctx.formParam("name")).orElse("").strip();
        Role role;
        try {
            role = Role.valueOf(Optional.ofNullable(ctx.formParam("role")).orElse(""));
        } catch (IllegalArgumentException e) {
            console.done(ctx, BASE, new Flash("Оберіть роль: оператор або адміністратор.", true, null));
            return;
        }
        if (name.isEmpty() || name.length() > TokenIssuer.MAX_NAME) {
            console.done(
                    ctx,
                    BASE,
                    new Flash("Вкажіть, чий це токен: від 1 до " + TokenIssuer.MAX_NAME + " символів.", true, null));
            return;
        }
        TokenIssuer.Issued issued = issuer.issue(name, role, console.caller(ctx).name());
        console.done(
                ctx,
                BASE,
                new Flash(
                        "Токен для «" + name + "» (" + Labels.of(role)
                                + ") видано. Скопіюйте його зараз: більше його не буде видно.",
                        false,
                        issued.token()));
    }

    private void revoke(Context ctx) {
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw Refusal.notFound("Такого токена немає.");
        }
        boolean revoked = tokens.revoke(id, clock.instant());
        console.done(
                ctx,
                BASE,
                revoked
                        ? Flash.info("Токен № " + id + " відкликано: ним більше не можна увійти.")
                        : new Flash("Активного токена № " + id + " немає.", true, null));
    }
}
