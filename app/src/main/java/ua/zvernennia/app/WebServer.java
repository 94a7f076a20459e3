package ua.zvernennia.app;

import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import ua.zvernennia.app.api.ApiJson;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import ua.zvernennia.storage.Storage;
import java.util.function.Consumer;
import java.util.function.BooleanSupplier;

/** The app's HTTP server: health, webhooks and the API register their routes on it. */
final class WebServer implements AutoCloseable {
    private final Javalin javalin;

    private WebServer(Javalin javalin) {
        this.javalin = javalin;
    }

    /** How long the readiness check waits for its probe commit. */
    static final Duration READINESS_WAIT = Duration.ofSeconds(3);

    /**
     * Starts on {@code port} (0 picks a free one). {@code /health} (liveness) answers 200 once
     * {@code started} says so and 503 before; {@code /health/ready} (readiness) answers 200 only
     * while, besides, the database can commit, and 503 with the reason otherwise.
     */
    static WebServer start(int port, BooleanSupplier started, Supplier<Storage.Readiness> storage, Consumer<Javalin> routes) {
        Javalin app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.http.maxRequestSize = 1_000_000L;
            config.useVirtualThreads = false;
            config.jsonMapper(new JavalinJackson(ApiJson.MAPPER, false));
        });
        app.get("/health", ctx -> {
            boolean ok = started.getAsBoolean();
            ctx.status(ok ? 200 : 503).json(Map.of("status", ok ? "ok" : "starting"));
        });
        app.get("/health/ready", ctx -> {
            ctx.header("Cache-Control", "no-store");
            if (!started.getAsBoolean()) {
                ctx.status(503).json(Map.of("status", "starting"));
                return;
            }
            Storage.Readiness r = storage.get();
            if (r.ready()) {
                ctx.status(200).json(Map.of("status", "ready"));
            } else {
                ctx.status(503).json(Map.of("status", "unavailable", "reason", r.reason()));
            }
        });
        routes.accept(app);
        app.start(port);
        return new WebServer(app);
    }

    int port() {
        return javalin.port();
    }

    @Override
    public void close() {
        javalin.stop();
    }
}
