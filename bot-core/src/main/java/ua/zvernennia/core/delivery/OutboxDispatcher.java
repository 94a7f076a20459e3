package ua.zvernennia.core.delivery;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ua.zvernennia.core.chat.ChatKey;
import ua.zvernennia.core.engine.UnitOfWork;

/**
 * Sends what the outbox holds past its due time: replies whose in-line send failed or was cut
 * short by a crash, and pushes written by operators' changes. One chat's messages go in order.
 */
public final class OutboxDispatcher implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);
    private static final int BATCH = 200;

    private final UnitOfWork unitOfWork;
    private final Deliverer deliverer;
    private final Clock clock;
    private final Duration interval;
    private final ScheduledExecutorService timer;
    private final java.util.concurrent.atomic.AtomicBoolean soon = new java.util.concurrent.atomic.AtomicBoolean();
    /**
     * An extra pass after replies were left behind another instance's: by then that instance's
     * sent marks (deferred up to 200 ms) have committed, and the chat's messages are free.
     */
    static final Duration SOON = Duration.ofMillis(250);

    public OutboxDispatcher(UnitOfWork unitOfWork, Deliverer deliverer, Clock clock, Duration interval) {
        this.unitOfWork = unitOfWork;
        this.deliverer = deliverer;
        this.clock = clock;
        this.interval = interval;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "outbox-dispatcher");
            t.setDaemon(true);
            return t;
        });
        deliverer.whenRepliesWaitBehind(this::soon);
    }

    /** One more pass {@link #SOON}, unless one is already coming then; passes never overlap (one thread). */
    public void soon() {
        if (interval.compareTo(SOON) > 0 && soon.compareAndSet(false, true)) {
            try {
                timer.schedule(
                        () -> {
                            soon.set(false);
                            safeRunOnce();
                        },
                        SOON.toMillis(),
                        TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                // Closing.
                soon.set(false);
            }
        }
    }

    /** Releases what a previous run left in flight, then polls every {@code interval}. */
    public void start() {
        int released = unitOfWork.run(s -> s.outbox().releaseAll(clock.instant()));
        if (released > 0) {
            log.info("{} unsent messages from before the start are due again", released);
        }
        timer.scheduleWithFixedDelay(this::safeRunOnce, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void safeRunOnce() {
        try {
            runOnce();
        } catch (ua.zvernennia.core.engine.StorageUnavailableException e) {
            log.debug("outbox pass skipped, the database is unavailable: {}", e.getMessage());
        } catch (RuntimeException e) {
            log.warn("outbox pass failed; next pass in {}", interval, e);
        }
    }

    /** One pass over the due messages; returns how many were sent. */
    public int runOnce() {
        List<OutboxMessage> due = unitOfWork.run(s -> s.outbox().due(clock.instant(), BATCH));
        var byChat = new LinkedHashMap<ChatKey, List<OutboxMessage>>();
        for (OutboxMessage m : due) {
            if (deliverer.canSend(m.chat().channel())) {
                byChat.computeIfAbsent(m.chat(), k -> new java.util.ArrayList<>())
                        .add(m);
            }
        }
        int sent = 0;
        for (List<OutboxMessage> messages : byChat.values()) {
            for (OutboxMessage m : messages) {
                var outcome = deliverer.attempt(m);
                if (outcome instanceof ua.zvernennia.core.chat.Delivery.Sent) {
                    sent++;
                }
                if (!Deliverer.mayGoOn(outcome)) {
                    break;
                }
            }
        }
        return sent;
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
