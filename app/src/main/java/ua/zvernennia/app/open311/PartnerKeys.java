package ua.zvernennia.app.open311;

import io.javalin.config.RoutesConfig;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.javalin.http.Context;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import ua.zvernennia.app.api.Api;
import ua.zvernennia.app.api.ApiException;
import ua.zvernennia.app.api.ApiJson;
import ua.zvernennia.app.api.Caller;
import ua.zvernennia.app.api.Role;
import ua.zvernennia.core.appeal.AppealNumber;
import ua.zvernennia.storage.Open311Rows;

/**
 * The admins' side of Open311 under {@code /api}: the partner apps' API keys (issued, listed,
 * revoked; kept hashed like the API tokens), and the operators' flag that makes an appeal's
 * description public in GET requests.
 */
public final class PartnerKeys {
    /** The source of appeals filed with a key that names none. */
    public static final String DEFAULT_SOURCE = "WEB";
    private static final SecureRandom RANDOM = new SecureRandom();

    record NewKey(String name, String source, Integer perMinute) {
        NewKey {
            if (name == null || name.isBlank() || name.strip().length() > Open311Rows.MAX_NAME) {
                throw new IllegalArgumentException("name: the partner app, 1.." + Open311Rows.MAX_NAME + " characters, required");
            }
            name = name.strip();
            source = source == null || source.isBlank() ? DEFAULT_SOURCE : source.strip();
            if (source.length() > Open311Rows.MAX_SOURCE) {
                throw new IllegalArgumentException("source: at most " + Open311Rows.MAX_SOURCE + " characters");
            }
            if (perMinute != null && (perMinute < 1 || perMinute > 10_000)) {
                throw new IllegalArgumentException("perMinute: 1..10000");
            }
        }
    }

    record Visibility(@JsonProperty("public") Boolean visible) {
        Visibility {
            if (visible == null) {
                throw new IllegalArgumentException("public: true or false required");
            }
        }
    }

    /** A new key: the value is returned this once; only its hash is stored. */
    public record Issued(long id, String key) {
        @Override
        public String toString() {
            return "Issued[id=" + id + "]";
        }
    }

    private PartnerKeys() {
    }

    public static void register(RoutesConfig app, Api.Deps deps, int defaultPerMinute) {
        app.get("/api/open311/keys", ctx -> ctx.json(deps.storage().read(s -> Open311Rows.of(s).keys())), Role.ADMIN);
        app.post("/api/open311/keys", ctx -> create(ctx, deps, defaultPerMinute), Role.ADMIN);
        app.delete("/api/open311/keys/{id}", ctx -> revoke(ctx, deps, id(ctx)), Role.ADMIN);
        app.get("/api/appeals/{number}/description-public", ctx -> visibility(ctx, deps), Role.OPERATOR);
        app.put("/api/appeals/{number}/description-public", ctx -> setVisibility(ctx, deps), Role.OPERATOR);
    }

    /** Issues a key for a partner app; {@code source} names the appeals' source (WEB by default). */
    public static Issued issue(Api.Deps deps, String name, String source, int perMinute, String by) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String key = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        long id = deps.storage().write(s -> Open311Rows.of(s).createKey(name, source, perMinute, key, by, deps.clock().instant()));
        return new Issued(id, key);
    }

    public static boolean revoke(Api.Deps deps, long id) {
        return deps.storage().write(s -> Open311Rows.of(s).revokeKey(id, deps.clock().instant()));
    }

    private static void create(Context ctx, Api.Deps deps, int defaultPerMinute) {
        NewKey req = ApiJson.body(ctx, NewKey.class);
        int perMinute = req.perMinute() == null ? defaultPerMinute : req.perMinute();
        Issued issued = issue(deps, req.name(), req.source(), perMinute, Caller.of(ctx).name());
        var out = new LinkedHashMap<String, Object>();
        out.put("id", issued.id());
        out.put("name", req.name());
        out.put("source", req.source());
        out.put("perMinute", perMinute);
        out.put("key", issued.key());
        ctx.status(201).json(out);
    }

    private static void revoke(Context ctx, Api.Deps deps, long id) {
        if (!revoke(deps, id)) {
            throw ApiException.notFound("no active Open311 key " + id);
        }
        ctx.status(204);
    }

    private static long id(Context ctx) {
        try {
            return Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("key id must be a number");
        }
    }

    private static AppealNumber number(Context ctx) {
        String raw = ctx.pathParam("number");
        return AppealNumber.parse(raw).orElseThrow(() -> ApiException.badRequest("'" + raw + "' is not an appeal number such as 2026-000123"));
    }

    private static void visibility(Context ctx, Api.Deps deps) {
        AppealNumber number = number(ctx);
        var r = deps.storage().read(s -> Open311Rows.of(s).find(number)).orElseThrow(() -> ApiException.notFound("no appeal " + number));
        ctx.json(Map.of("number", number.toString(), "public", r.descriptionPublic()));
    }

    private static void setVisibility(Context ctx, Api.Deps deps) {
        AppealNumber number = number(ctx);
        Visibility req = ApiJson.body(ctx, Visibility.class);
        String actor = Caller.of(ctx).name();
        if (deps.storage().read(s -> s.appeals().find(number)).isEmpty()) {
            throw ApiException.notFound("no appeal " + number);
        }
        boolean changed = deps.storage().write(s -> Open311Rows.of(s).setDescriptionPublic(number, req.visible(), actor,
                deps.clock().instant()));
        ctx.json(Map.of("number", number.toString(), "public", req.visible(), "changed", changed));
    }
}
