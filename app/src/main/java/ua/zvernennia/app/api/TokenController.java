package ua.zvernennia.app.api;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/** {@code /api/tokens}: admins issue, list and revoke operator and admin tokens. */
final class TokenController {
    private static final SecureRandom RANDOM = new SecureRandom();

    record NewToken(String name, Role role) {
        NewToken {
            if (name == null || name.isBlank() || name.length() > 100) {
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

    static void register(Javalin app, Api.Deps deps) {
        app.post("/api/tokens", ctx -> create(ctx, deps), Role.ADMIN);
        app.get("/api/tokens", ctx -> ctx.json(deps.storage().read(s -> s.apiTokens().list())), Role.ADMIN);
        app.delete("/api/tokens/{id}", ctx -> revoke(ctx, deps), Role.ADMIN);
    }

    private static void create(Context ctx, Api.Deps deps) {
        NewToken req = ApiJson.body(ctx, NewToken.class);
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        String by = Caller.of(ctx).name();
        long id = deps.storage().write(s -> s.apiTokens().create(req.name(), req.role().name(), token, by, deps.clock().instant()));
        // The token is shown this once; only its hash is stored.
        ctx.status(201).json(Map.of("id", id, "name", req.name(), "role", req.role(), "token", token));
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
