package ua.zvernennia.app;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ua.zvernennia.app.api.Authenticator;
import ua.zvernennia.app.api.Caller;
import ua.zvernennia.app.api.Role;
import ua.zvernennia.core.appeal.AppealStatus;
import ua.zvernennia.core.chat.Channel;
import ua.zvernennia.core.metrics.Telemetry;
import ua.zvernennia.storage.OperationalFigures;

/**
 * The app's metrics in Prometheus' text format, through Micrometer: what the core reports as
 * {@link Telemetry}, HTTP requests, figures read from the database (outbox backlog, appeals by
 * status, overdue appeals) and the JVM. Thread-safe.
 */
final class Metrics implements Telemetry, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Metrics.class);
    /** The database figures are read at most this often, however often Prometheus scrapes. */
    private static final Duration FIGURES_MAX_AGE = Duration.ofSeconds(30);

    static final String PATH = "/metrics";
    private static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private final Map<Channel, Counter> received = new EnumMap<>(Channel.class);
    private final Map<Channel, Counter> failed = new EnumMap<>(Channel.class);
    private final Map<Channel, Timer> turns = new EnumMap<>(Channel.class);
    private final Map<Channel, Map<DeliveryOutcome, Counter>> deliveries = new EnumMap<>(Channel.class);
    private final Timer commits;
    private final DistributionSummary commitUnits;
    private final Supplier<OperationalFigures> source;
    private volatile OperationalFigures figures;
    private volatile long figuresReadAt;

    /** {@code figures} reads the database's figures; it is called on a scrape, at most every 30 s. */
    Metrics(Supplier<OperationalFigures> figures) {
        this.source = figures;
        for (Channel c : Channel.values()) {
            if (!c.isMessenger()) {
                continue;
            }
            String channel = c.name().toLowerCase(Locale.ROOT);
            received.put(
                    c,
                    Counter.builder("zvernennia.updates.received")
                            .description("Updates from citizens handed to the bot")
                            .tag("channel", channel)
                            .register(registry));
            failed.put(
                    c,
                    Counter.builder("zvernennia.updates.failed")
                            .description("Updates whose effect could not be committed")
                            .tag("channel", channel)
                            .register(registry));
            turns.put(
                    c,
                    Timer.builder("zvernennia.turn")
                            .description("Updates handled: from being handed in until committed")
                            .tag("channel", channel)
                            .publishPercentileHistogram()
                            .maximumExpectedValue(Duration.ofSeconds(10))
                            .register(registry));
            var byOutcome = new EnumMap<DeliveryOutcome, Counter>(DeliveryOutcome.class);
            for (DeliveryOutcome o : DeliveryOutcome.values()) {
                byOutcome.put(
                        o,
                        Counter.builder("zvernennia.deliveries")
                                .description("Attempts to deliver an outbox message, by outcome")
                                .tag("channel", channel)
                                .tag("outcome", o.name().toLowerCase(Locale.ROOT))
                                .register(registry));
            }
            deliveries.put(c, byOutcome);
        }
        commits = Timer.builder("zvernennia.commit")
                .description("Group commits of the database writer")
                .publishPercentileHistogram()
                .maximumExpectedValue(Duration.ofSeconds(5))
                .register(registry);
        commitUnits = DistributionSummary.builder("zvernennia.commit.units")
                .description("Units of work in one commit")
                .baseUnit("units")
                .serviceLevelObjectives(1, 2, 5, 10, 20, 50, 100, 200, 512)
                .register(registry);

        Gauge.builder("zvernennia.outbox.pending", this, m -> m.figures().outboxPending())
                .description("Outbox messages neither sent nor given up")
                .register(registry);
        Gauge.builder(
                        "zvernennia.outbox.oldest.pending.age",
                        this,
                        m -> m.figures().oldestPendingAge().toMillis() / 1000.0)
                .description("How long the oldest pending outbox message has waited")
                .baseUnit("seconds")
                .register(registry);
        for (AppealStatus s : AppealStatus.values()) {
            Gauge.builder(
                            "zvernennia.appeals",
                            this,
                            m -> m.figures().appealsByStatus().getOrDefault(s.name(), 0L))
                    .description("Appeals by status")
                    .tag("status", s.name().toLowerCase(Locale.ROOT))
                    .register(registry);
        }
        Gauge.builder("zvernennia.appeals.overdue", this, m -> m.figures().overdueAppeals())
                .description("Appeals not closed and past their deadline")
                .register(registry);

        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
    }

    @Override
    public void updateReceived(Channel channel) {
        Counter c = received.get(channel);
        if (c != null) {
            c.increment();
        }
    }

    @Override
    public void updateHandled(Channel channel, Duration turn, boolean failedToCommit) {
        if (!turns.containsKey(channel)) {
            return;
        }
        if (failedToCommit) {
            failed.get(channel).increment();
        } else {
            turns.get(channel).record(turn);
        }
    }

    @Override
    public void committed(int units, Duration took) {
        commits.record(took);
        commitUnits.record(units);
    }

    @Override
    public void delivered(Channel channel, DeliveryOutcome outcome) {
        Map<DeliveryOutcome, Counter> byOutcome = deliveries.get(channel);
        if (byOutcome != null) {
            byOutcome.get(outcome).increment();
        }
    }

    /** One HTTP request: {@code route} is the matched route's pattern, never the path itself. */
    void httpRequest(String method, String route, int status, Duration took) {
        Timer.builder("http.server.requests")
                .description("HTTP requests by route pattern")
                .tag("method", method)
                .tag("route", route)
                .tag("status", Integer.toString(status))
                .register(registry)
                .record(took);
    }

    /**
     * {@code GET /metrics} for a bearer token with the admin role, or {@code metricsToken} (a
     * token that may read metrics and nothing else); 401 without a token, 403 for an operator's.
     */
    void register(RoutesConfig app, Authenticator authenticator, Optional<String> metricsToken) {
        app.get(PATH, ctx -> {
            String header = ctx.header("Authorization");
            String token = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                    ? header.substring(7).strip()
                    : "";
            if (token.isEmpty()) {
                refuse(ctx, 401, "missing bearer token");
                return;
            }
            boolean allowed = metricsToken.isPresent()
                    && MessageDigest.isEqual(
                            metricsToken.get().getBytes(StandardCharsets.UTF_8),
                            token.getBytes(StandardCharsets.UTF_8));
            if (!allowed) {
                Optional<Caller> caller = authenticator.identify(token);
                if (caller.isEmpty()) {
                    refuse(ctx, 401, "unknown or revoked token");
                    return;
                }
                if (caller.get().role() != Role.ADMIN) {
                    refuse(ctx, 403, "metrics need an admin token or METRICS_TOKEN");
                    return;
                }
            }
            ctx.contentType(CONTENT_TYPE).header("Cache-Control", "no-store").result(scrape());
        });
    }

    private static void refuse(Context ctx, int status, String message) {
        if (status == 401) {
            ctx.header("WWW-Authenticate", "Bearer");
        }
        ctx.status(status).json(Map.of("status", status, "error", message));
    }

    /** Everything, in Prometheus' text format. */
    String scrape() {
        return registry.scrape();
    }

    private OperationalFigures figures() {
        long now = System.nanoTime();
        OperationalFigures f = figures;
        if (f == null || now - figuresReadAt > FIGURES_MAX_AGE.toNanos()) {
            synchronized (this) {
                if (figures == null || now - figuresReadAt > FIGURES_MAX_AGE.toNanos()) {
                    try {
                        figures = source.get();
                    } catch (RuntimeException e) {
                        log.warn("cannot read the figures for /metrics: {}", e.getMessage());
                        if (figures == null) {
                            figures = new OperationalFigures(0, Duration.ZERO, Map.of(), 0);
                        }
                    }
                    figuresReadAt = now;
                }
                f = figures;
            }
        }
        return f;
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
