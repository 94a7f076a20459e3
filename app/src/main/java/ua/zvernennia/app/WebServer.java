package ua.zvernennia.app;

import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import ua.zvernennia.app.api.ApiJson;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.BooleanSupplier;

/** The app's HTTP server: health, webhooks and the API register their routes on it. */
final class WebServer implements AutoCloseable {
    private final Javalin javalin;

    private WebServer(Javalin javalin) {
        this.javalin = javalin;
    }

    /**
     * Starts on {@code port} (0 picks a free one). {@code /health} answers 200 once {@code ready}
     * says so and 503 before.
     */
    static WebServer start(int port, BooleanSupplier ready, Consumer<Javalin> routes) {
        Javalin app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.http.maxRequestSize = 1_000_000L;
            // The public web form's photos: up to 5 of 10 MB each.
            config.jetty.multipartConfig.maxFileSize(10, io.javalin.config.SizeUnit.MB);
            config.jetty.multipartConfig.maxTotalRequestSize(52, io.javalin.config.SizeUnit.MB);
            config.useVirtualThreads = false;
            config.jsonMapper(new JavalinJackson(ApiJson.MAPPER, false));
        });
        app.get("/health", ctx -> {
            boolean ok = ready.getAsBoolean();
            ctx.status(ok ? 200 : 503).json(Map.of("status", ok ? "ok" : "starting"));
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
