package ua.zvernennia.app;

import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.javalin.http.HandlerType;
import io.javalin.json.JavalinJackson;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ua.zvernennia.app.api.ApiJson;
import ua.zvernennia.app.web.RoutePattern;
import ua.zvernennia.storage.Storage;

/** The app's HTTP server: health, webhooks and the API register their routes on it. */
final class WebServer implements AutoCloseable {
    /** One line per request: method, route pattern, status, duration. Never the path's values or the query. */
    private static final Logger access = LoggerFactory.getLogger("access");

    private static final Set<HandlerType> ENDPOINTS =
            Set.of(HandlerType.GET, HandlerType.POST, HandlerType.PUT, HandlerType.PATCH, HandlerType.DELETE);

    /** Sees every request once it is answered. */
    @FunctionalInterface
    interface RequestObserver {
        void answered(String method, String route, int status, Duration took);
    }

    private final Javalin javalin;
    private final List<String> routes;

    private WebServer(Javalin javalin, List<String> routes) {
        this.javalin = javalin;
        this.routes = routes;
    }

    /** How long the readiness check waits for its probe commit. */
    static final Duration READINESS_WAIT = Duration.ofSeconds(3);

    /**
     * Starts on {@code port} (0 picks a free one) of {@code host}, or of every interface.
     * {@code /health} (liveness) answers 200 once {@code started} says so and 503 before;
     * {@code /health/ready} (readiness) answers 200 only while, besides, the database can commit,
     * and 503 with the reason otherwise.
     */
    static WebServer start(
            Optional<String> host,
            int port,
            BooleanSupplier started,
            Supplier<Storage.Readiness> storage,
            RequestObserver observer,
            Consumer<RoutesConfig> routes) {
        return start(host, port, started, storage, observer, routes, MIN_UPLOAD_BYTES);
    }

    /** The largest file of a multipart request at least: a photo of the web form. */
    static final long MIN_UPLOAD_BYTES = 10L * 1024 * 1024;

    /**
     * Like {@link #start(Optional, int, BooleanSupplier, Supplier, RequestObserver, Consumer)};
     * a file of a multipart request may have {@code maxUploadBytes} (the largest photo kept, at
     * least {@link #MIN_UPLOAD_BYTES}), a request five of them.
     */
    static WebServer start(
            Optional<String> host,
            int port,
            BooleanSupplier started,
            Supplier<Storage.Readiness> storage,
            RequestObserver observer,
            Consumer<RoutesConfig> routes,
            long maxUploadBytes) {
        long perFile = Math.max(MIN_UPLOAD_BYTES, maxUploadBytes);
        List<String> endpoints = new CopyOnWriteArrayList<>();
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.http.maxRequestSize = 1_000_000L;
            // The public web form's photos and an executor's photos of the work done: up to 5 each.
            config.jetty.multipartConfig.maxFileSize(perFile, io.javalin.config.SizeUnit.BYTES);
            config.jetty.multipartConfig.maxTotalRequestSize(
                    perFile * 5 + 2 * 1024 * 1024, io.javalin.config.SizeUnit.BYTES);
            config.concurrency.useVirtualThreads = false;
            host.ifPresent(h -> config.jetty.host = h);
            config.jetty.port = port;
            config.jsonMapper(new JavalinJackson(ApiJson.MAPPER, false));
            config.events.handlerAdded(h -> {
                if (ENDPOINTS.contains(h.getHttpMethod())) {
                    endpoints.add(h.getHttpMethod() + " " + h.getPath());
                }
            });
            config.requestLogger.http((ctx, ms) -> {
                String route = RoutePattern.of(ctx);
                int status = ctx.statusCode();
                access.info("{} {} {} {} ms", ctx.method(), route, status, Math.round(ms));
                observer.answered(ctx.method().name(), route, status, Duration.ofNanos((long) (ms * 1_000_000)));
            });
            config.routes.get("/health", ctx -> {
                boolean ok = started.getAsBoolean();
                ctx.status(ok ? 200 : 503).json(Map.of("status", ok ? "ok" : "starting"));
            });
            config.routes.get("/health/ready", ctx -> {
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
            routes.accept(config.routes);
        });
        app.start();
        return new WebServer(app, List.copyOf(endpoints));
    }

    int port() {
        return javalin.port();
    }

    /** Every endpoint registered, as {@code "GET /api/appeals/{number}"}. */
    List<String> routes() {
        return routes;
    }

    @Override
    public void close() {
        javalin.stop();
    }
}
