package ua.zvernennia.app.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;

/** {@code /api/tokens}: admins issue, list and revoke operator and admin tokens. */
final class TokenController {
    record NewToken(String name, Role role) {
        NewToken {
            if (name == null || name.isBlank() || name.length() > TokenIssuer.MAX_NAME) {
                throw new IllegalArgumentException("name: 1..100 characters required");
            }
            if (role == null) {
                throw new IllegalArgumentException("role: OPERATOR or ADMIN required");
            }
            name = name.strip();
        }
    }

    private TokenController() {
    }

    static void register(RoutesConfig app, Api.Deps deps) {
        app.post("/api/tokens", ctx -> create(ctx, deps), Role.ADMIN);
        app.get("/api/tokens", ctx -> ctx.json(deps.storage().read(s -> s.apiTokens().list())), Role.ADMIN);
        app.delete("/api/tokens/{id}", ctx -> revoke(ctx, deps), Role.ADMIN);
    }

    private static void create(Context ctx, Api.Deps deps) {
        NewToken req = ApiJson.body(ctx, NewToken.class);
        TokenIssuer.Issued issued = TokenIssuer.issue(deps, req.name(), req.role(), Caller.of(ctx).name());
        // The token is shown this once; only its hash is stored.
        ctx.status(201).json(Map.of("id", issued.id(), "name", req.name(), "role", req.role(), "token", issued.token()));
    }

    private static void revoke(Context ctx, Api.Deps deps) {
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("token id must be a number");
        }
        boolean revoked = deps.storage().write(s -> s.apiTokens().revoke(id, deps.clock().instant()));
        if (!revoked) {
            throw ApiException.notFound("no active token " + id);
        }
        ctx.status(204);
    }
}
