package ua.zvernennia.core.lease;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This instance's leases, renewed on a thread of its own every quarter of their time to live:
 * the instance's own liveness lease ({@link #LIVENESS_PREFIX} and the instance's id), by which
 * the others tell that it still runs, and the named leases it wants (the Telegram poller, the
 * scheduled jobs). Another instance takes over a lease within its time to live after this one
 * stops renewing it, sooner when it is closed cleanly (the leases are given up).
 *
 * <p>{@link Lease#held()} answers from memory: true while the last renewal that succeeded was
 * started less than three quarters of the time to live ago. The database's lease lasts the whole
 * time to live from that renewal, so this instance stops counting on a lease a quarter of its
 * time before another instance can take it. Thread-safe.
 */
public final class LeaseKeeper implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LeaseKeeper.class);
    /** The name of an instance's liveness lease is this and its id. */
    public static final String LIVENESS_PREFIX = "instance/";

    private final Leases leases;
    private final String instance;
    private final Duration ttl;
    private final LongSupplier nanos;
    private final Map<String, Held> wanted = new ConcurrentHashMap<>();
    private final Held liveness;
    private final ScheduledExecutorService timer;

    /** One lease this instance wants, and when its last successful renewal started. */
    private final class Held implements Lease {
        private final String name;
        private volatile long renewedAtNanos;
        private volatile boolean everHeld;
        private volatile boolean logged;

        Held(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public boolean held() {
            return everHeld && nanos.getAsLong() - renewedAtNanos < ttl.toNanos() / 4 * 3;
        }

        @Override
        public Duration ttl() {
            return ttl;
        }

        void renew() {
            long start = nanos.getAsLong();
            boolean was = held();
            boolean now;
            try {
                now = leases.hold(name, instance, ttl);
            } catch (RuntimeException e) {
                log.debug("renewing lease {} failed", name, e);
                now = false;
            }
            if (now) {
                renewedAtNanos = start;
                everHeld = true;
            }
            boolean holds = held();
            if (holds && (!was || !logged)) {
                log.info("this instance ({}) holds the lease {}", instance, name);
                logged = true;
            } else if (was && !holds) {
                log.warn("this instance ({}) lost the lease {}", instance, name);
                logged = false;
            }
        }

        void release() {
            if (everHeld) {
                everHeld = false;
                try {
                    leases.release(name, instance);
                } catch (RuntimeException e) {
                    log.debug("giving up lease {} failed", name, e);
                }
            }
        }
    }

    public LeaseKeeper(Leases leases, String instance, Duration ttl) {
        this(leases, instance, ttl, System::nanoTime);
    }

    LeaseKeeper(Leases leases, String instance, Duration ttl, LongSupplier nanos) {
        if (ttl.toMillis() < 400) {
            throw new IllegalArgumentException("a lease must last at least 400 ms");
        }
        this.leases = leases;
        this.instance = instance;
        this.ttl = ttl;
        this.nanos = nanos;
        this.liveness = new Held(LIVENESS_PREFIX + instance);
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "leases");
            t.setDaemon(true);
            return t;
        });
    }

    /** Takes this instance's liveness lease at once, then renews every lease every quarter of its time. */
    public void start() {
        liveness.renew();
        long every = Math.max(1, ttl.toMillis() / 4);
        timer.scheduleWithFixedDelay(this::beat, every, every, TimeUnit.MILLISECONDS);
    }

    /** The lease of that name, wanted from now on: tried at once, and renewed with the others. */
    public Lease lease(String name) {
        Held h = wanted.computeIfAbsent(name, Held::new);
        h.renew();
        return h;
    }

    /** This instance's id, as its outbox holds and its liveness lease name it. */
    public String instance() {
        return instance;
    }

    /** Whether this instance's liveness lease is held now. */
    public boolean alive() {
        return liveness.held();
    }

    private void beat() {
        liveness.renew();
        wanted.values().forEach(Held::renew);
    }

    /** Stops renewing and gives every lease up, so that another instance takes over at once. */
    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        wanted.values().forEach(Held::release);
        liveness.release();
    }
}
