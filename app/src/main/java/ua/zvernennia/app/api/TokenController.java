package ua.zvernennia.app.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import ua.zvernennia.app.web.RouteGroup;
import ua.zvernennia.core.desk.ApiTokenStore;
import ua.zvernennia.core.executor.ExecutorStore;
import ua.zvernennia.core.refusal.Refusal;

/** {@code /api/tokens}: admins issue, list and revoke operator and admin tokens. */
public final class TokenController implements RouteGroup {
    record NewToken(String name, Role role, Long executorId) {
        NewToken {
            if (name == null || name.isBlank() || name.length() > TokenIssuer.MAX_NAME) {
                throw new IllegalArgumentException("name: 1..100 characters required");
            }
            if (role == null) {
                throw new IllegalArgumentException("role: OPERATOR, ADMIN or EXECUTOR required");
            }
            name = name.strip();
        }
    }

    private final ApiTokenStore tokens;
    private final TokenIssuer issuer;
    private final Clock clock;
    private final ExecutorStore executors;

    public TokenController(ApiTokenStore tokens, TokenIssuer issuer, Clock clock, ExecutorStore executors) {
        this.executors = executors;
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
        if (req.executorId() != null && executors.find(req.executorId()).isEmpty()) {
            throw Refusal.invalid("executorId", "no executor " + req.executorId());
        }
        TokenIssuer.Issued issued = issuer.issue(
                req.name(), req.role(), req.executorId(), Caller.of(ctx).name());
        // The token is shown this once; only its hash is stored.
        var out = new java.util.LinkedHashMap<String, Object>();
        out.put("id", issued.id());
        out.put("name", req.name());
        out.put("role", req.role());
        out.put("executorId", req.executorId());
        out.put("token", issued.token());
        ctx.status(201).json(out);
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
