package ua.zvernennia.app.console;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Optional;
import ua.zvernennia.app.api.Role;
import ua.zvernennia.app.open311.PartnerKeys;
import ua.zvernennia.app.web.RouteGroup;
import ua.zvernennia.core.open311.Open311Store;
import ua.zvernennia.core.refusal.Refusal;

/** The admins' page of the partner apps' Open311 keys: who has one, issue one (shown once), revoke one. */
public final class Open311KeyPages implements RouteGroup {
    private static final String BASE = ConsoleRoutes.BASE + "/open311-keys";

    public record KeysView(List<Open311Store.Key> keys) {}

    private final Console console;
    private final PartnerKeys keys;

    public Open311KeyPages(Console console, PartnerKeys keys) {
        this.console = console;
        this.keys = keys;
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
                "open311-keys.jte",
                console.chrome(ctx, "Ключі Open311", "open311"),
                "view",
                new KeysView(keys.keys()));
    }

    private void issue(Context ctx) {
        String name = Optional.ofNullable(ctx.formParam("name")).orElse("").strip();
        String source = Optional.ofNullable(ctx.formParam("source")).orElse("").strip();
        if (name.isEmpty() || name.length() > Open311Store.MAX_NAME) {
            console.done(
                    ctx,
                    BASE,
                    new Flash(
                            "Вкажіть застосунок-партнер: від 1 до " + Open311Store.MAX_NAME + " символів.",
                            true,
                            null));
            return;
        }
        if (source.length() > Open311Store.MAX_SOURCE) {
            console.done(
                    ctx, BASE, new Flash("Джерело — не більше " + Open311Store.MAX_SOURCE + " символів.", true, null));
            return;
        }
        int perMinute;
        try {
            perMinute = Integer.parseInt(
                    Optional.ofNullable(ctx.formParam("perMinute")).orElse("").strip());
        } catch (NumberFormatException e) {
            perMinute = 0;
        }
        if (perMinute < 1 || perMinute > 10_000) {
            console.done(ctx, BASE, new Flash("Ліміт — ціле число запитів за хвилину, від 1 до 10000.", true, null));
            return;
        }
        PartnerKeys.Issued issued = keys.issue(
                name,
                source.isEmpty() ? PartnerKeys.DEFAULT_SOURCE : source,
                perMinute,
                console.caller(ctx).name());
        console.done(
                ctx,
                BASE,
                new Flash(
                        "Ключ Open311 для «" + name + "» видано. Скопіюйте його зараз: більше його не буде видно.",
                        false,
                        issued.key()));
    }

    private void revoke(Context ctx) {
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw Refusal.notFound("Такого ключа немає.");
        }
        boolean revoked = keys.revoke(id);
        console.done(
                ctx,
                BASE,
                revoked
                        ? Flash.info("Ключ № " + id + " відкликано: з ним більше не можна подавати звернення.")
                        : new Flash("Активного ключа № " + id + " немає.", true, null));
    }
}
