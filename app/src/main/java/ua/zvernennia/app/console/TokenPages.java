package ua.zvernennia.app.console;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Optional;
import ua.zvernennia.app.api.Role;
import ua.zvernennia.app.api.TokenIssuer;
import ua.zvernennia.storage.ApiTokens;

/** The admins' token page: who has a token, issue one (shown once), revoke one. */
public final class TokenPages {
    private static final String BASE = ConsoleRoutes.BASE + "/tokens";

    public record TokensView(List<ApiTokens.ApiToken> tokens) {
    }

    private TokenPages() {
    }

    static void register(RoutesConfig app, Console console) {
        app.get(BASE, console.page(ctx -> Pages.render(ctx, 200, "tokens.jte", console.chrome(ctx, "Токени доступу", "tokens"),
                "view", new TokensView(console.deps.storage().read(s -> s.apiTokens().list())))), Role.ADMIN);
        app.post(BASE, console.page(ctx -> issue(ctx, console)), Role.ADMIN);
        app.post(BASE + "/{id}/revoke", console.page(ctx -> revoke(ctx, console)), Role.ADMIN);
    }

    private static void issue(Context ctx, Console console) {
        String name = Optional.ofNullable(ctx.formParam("name")).orElse("").strip();
        Role role;
        try {
            role = Role.valueOf(Optional.ofNullable(ctx.formParam("role")).orElse(""));
        } catch (IllegalArgumentException e) {
            console.done(ctx, BASE, new Flash("Оберіть роль: оператор або адміністратор.", true, null));
            return;
        }
        if (name.isEmpty() || name.length() > TokenIssuer.MAX_NAME) {
            console.done(ctx, BASE, new Flash("Вкажіть, чий це токен: від 1 до " + TokenIssuer.MAX_NAME + " символів.", true, null));
            return;
        }
        TokenIssuer.Issued issued = TokenIssuer.issue(console.deps, name, role, console.caller(ctx).name());
        console.done(ctx, BASE, new Flash("Токен для «" + name + "» (" + Labels.of(role)
                + ") видано. Скопіюйте його зараз: більше його не буде видно.", false, issued.token()));
    }

    private static void revoke(Context ctx, Console console) {
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new ConsoleException(404, "Такого токена немає.");
        }
        boolean revoked = console.deps.storage().write(s -> s.apiTokens().revoke(id, console.deps.clock().instant()));
        console.done(ctx, BASE, revoked ? Flash.info("Токен № " + id + " відкликано: ним більше не можна увійти.")
                : new Flash("Активного токена № " + id + " немає.", true, null));
    }
}
