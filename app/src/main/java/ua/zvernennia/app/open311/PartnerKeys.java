package ua.zvernennia.app.open311;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ua.zvernennia.app.api.ApiJson;
import ua.zvernennia.app.api.Caller;
import ua.zvernennia.app.api.Role;
import ua.zvernennia.app.web.RouteGroup;
import ua.zvernennia.core.appeal.AppealNumber;
import ua.zvernennia.core.open311.Open311Store;
import ua.zvernennia.core.refusal.Refusal;

/**
 * The admins' side of Open311 under {@code /api}: the partner apps' API keys (issued, listed,
 * revoked; kept hashed like the API tokens), and the operators' flag that makes an appeal's
 * description public in GET requests. The console issues and revokes keys through it too.
 * Thread-safe.
 */
public final class PartnerKeys implements RouteGroup {
    /** The source of appeals filed with a key that names none. */
    public static final String DEFAULT_SOURCE = "WEB";

    private static final SecureRandom RANDOM = new SecureRandom();

    record NewKey(String name, String source, Integer perMinute) {
        NewKey {
            if (name == null || name.isBlank() || name.strip().length() > Open311Store.MAX_NAME) {
                throw new IllegalArgumentException(
                        "name: the partner app, 1.." + Open311Store.MAX_NAME + " characters, required");
            }
            name = name.strip();
            source = source == null || source.isBlank() ? DEFAULT_SOURCE : source.strip();
            if (source.length() > Open311Store.MAX_SOURCE) {
                throw new IllegalArgumentException("source: at most " + Open311Store.MAX_SOURCE + " characters");
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

    private final Open311Store store;
    private final Clock clock;
    private final int defaultPerMinute;

    /** @param defaultPerMinute the requests a minute of a key issued without a limit of its own */
    public PartnerKeys(Open311Store store, Clock clock, int defaultPerMinute) {
        this.store = store;
        this.clock = clock;
        this.defaultPerMinute = defaultPerMinute;
    }

    @Override
    public void routes(RoutesConfig app) {
        app.get("/api/open311/keys", this::list, Role.ADMIN);
        app.post("/api/open311/keys", this::create, Role.ADMIN);
        app.delete("/api/open311/keys/{id}", this::revoke, Role.ADMIN);
        app.get("/api/appeals/{number}/description-public", this::visibility, Role.OPERATOR);
        app.put("/api/appeals/{number}/description-public", this::setVisibility, Role.OPERATOR);
    }

    /** Every key ever issued, revoked ones too. */
    public List<Open311Store.Key> keys() {
        return store.keys();
    }

    /** Issues a key for a partner app; {@code source} names the appeals' source (WEB by default). */
    public Issued issue(String name, String source, int perMinute, String by) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String key = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        long id = store.createKey(name, source, perMinute, key, by, clock.instant());
        return new Issued(id, key);
    }

    /** Revokes the key; false when there is no active key with this id. */
    public boolean revoke(long id) {
        return store.revokeKey(id, clock.instant());
    }

    private void list(Context ctx) {
        ctx.json(store.keys());
    }

    private void create(Context ctx) {
        NewKey req = ApiJson.body(ctx, NewKey.class);
        int perMinute = req.perMinute() == null ? defaultPerMinute : req.perMinute();
        Issued issued =
                issue(req.name(), req.source(), perMinute, Caller.of(ctx).name());
        var out = new LinkedHashMap<String, Object>();
        out.put("id", issued.id());
        out.put("name", req.name());
        out.put("source", req.source());
        out.put("perMinute", perMinute);
        out.put("key", issued.key());
        ctx.status(201).json(out);
    }

    private void revoke(Context ctx) {
        long id = id(ctx);
        if (!revoke(id)) {
            throw Refusal.notFound("no active Open311 key " + id);
        }
        ctx.status(204);
    }

    private static long id(Context ctx) {
        try {
            return Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw Refusal.invalid("id", "key id must be a number");
        }
    }

    private static AppealNumber number(Context ctx) {
        String raw = ctx.pathParam("number");
        return AppealNumber.parse(raw)
                .orElseThrow(
                        () -> Refusal.invalid("number", "'" + raw + "' is not an appeal number such as 2026-000123"));
    }

    private void visibility(Context ctx) {
        AppealNumber number = number(ctx);
        var r = store.find(number).orElseThrow(() -> Refusal.notFound("no appeal " + number));
        ctx.json(Map.of("number", number.toString(), "public", r.descriptionPublic()));
    }

    private void setVisibility(Context ctx) {
        AppealNumber number = number(ctx);
        Visibility req = ApiJson.body(ctx, Visibility.class);
        String actor = Caller.of(ctx).name();
        boolean changed = store.setDescriptionPublic(number, req.visible(), actor, clock.instant());
        ctx.json(Map.of("number", number.toString(), "public", req.visible(), "changed", changed));
    }
}
