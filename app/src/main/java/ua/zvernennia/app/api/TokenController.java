package ua.zvernennia.app.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.Map;
import ua.zvernennia.app.web.RouteGroup;
import ua.zvernennia.core.desk.ApiTokenStore;
import ua.zvernennia.core.refusal.Refusal;

/** {@code /api/tokens}: admins issue, list and revoke operator and admin tokens. */
public final class TokenController implements RouteGroup {
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

    private final ApiTokenStore tokens;
    private final TokenIssuer issuer;
    private final Clock clock;

    public TokenController(ApiTokenStore tokens, TokenIssuer issuer, Clock clock) {
        this.tokens = tokens;
        this.issuer = issuer;
        this.clock = clock;
    }

    @Override
    public void routes(RoutesConfig app) {
        app.post("/api/tokens", this::create, Role.ADMIN);
        app.get("/api/tokens", this::list, Role.ADMIN);
        app.delete("/api/tokens/{id}", this::revoke, Role.ADMIN);
    }

    private void list(Context ctx) {
        ctx.json(tokens.list());
    }

    private void create(Context ctx) {
        NewToken req = ApiJson.body(ctx, NewToken.class);
        TokenIssuer.Issued issued = issuer.issue(req.name(), req.role(), Caller.of(ctx).name());
        // The token is shown this once; only its hash is stored.
        ctx.status(201).json(Map.of("id", issued.id(), "name", req.name(), "role", req.role(), "token", issued.token()));
    }

    private void revoke(Context ctx) {
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw Refusal.invalid("id", "token id must be a number");
        }
        if (!tokens.revoke(id, clock.instant())) {
            throw Refusal.notFound("no active token " + id);
        }
        ctx.status(204);
    }
}
