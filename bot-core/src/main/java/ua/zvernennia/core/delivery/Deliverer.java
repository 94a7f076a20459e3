package ua.zvernennia.core.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ua.zvernennia.core.chat.Channel;
import ua.zvernennia.core.chat.Delivery;
import ua.zvernennia.core.chat.Messenger;
import ua.zvernennia.core.engine.UnitOfWork;
import ua.zvernennia.core.metrics.Telemetry;

/**
 * Sends outbox messages through their channel's {@link Messenger} and records the outcome:
 * sent, retry with backoff, or given up (the citizen marked unreachable where the messenger says
 * so). Thread-safe.
 */
public final class Deliverer {
    private static final Logger log = LoggerFactory.getLogger(Deliverer.class);
    static final int MAX_ATTEMPTS = 12;
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(30);
    /** How long the marks of sent replies may wait for another commit to join. */
    private static final Duration MARK_DELAY = Duration.ofMillis(200);

    private final Map<Channel, Messenger> messengers;
    private final UnitOfWork unitOfWork;
    private final Clock clock;
    private final Telemetry telemetry;
    private final java.util.concurrent.ConcurrentLinkedQueue<Outbox.SentMark> sentMarks =
            new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final AtomicBoolean flushScheduled = new AtomicBoolean();
    private volatile Runnable repliesBehind = () -> {};

    public Deliverer(List<Messenger> messengers, UnitOfWork unitOfWork, Clock clock) {
        this(messengers, unitOfWork, clock, Telemetry.NONE);
    }

    public Deliverer(List<Messenger> messengers, UnitOfWork unitOfWork, Clock clock, Telemetry telemetry) {
        var byChannel = new java.util.EnumMap<Channel, Messenger>(Channel.class);
        for (Messenger m : messengers) {
            byChannel.put(m.channel(), m);
        }
        this.messengers = Map.copyOf(byChannel);
        this.unitOfWork = unitOfWork;
        this.clock = clock;
        this.telemetry = telemetry;
    }

    public boolean canSend(Channel channel) {
        return messengers.containsKey(channel);
    }

    /** Told when a turn's replies wait in the outbox behind another instance's (the dispatcher listens). */
    public void whenRepliesWaitBehind(Runnable listener) {
        this.repliesBehind = listener;
    }

    /**
     * A turn's replies wait in the outbox behind earlier messages to the chat that another
     * instance holds (several instances on one database): the dispatcher takes them once those
     * are marked sent, sooner than at its next regular pass.
     */
    public void repliesWaitBehind() {
        repliesBehind.run();
    }

    /**
     * Sends the messages of one chat in order; stops at the first that has to wait (a retry
     * later, an unreachable citizen) so that the rest keep their order for the dispatcher. A
     * message refused for good is recorded and skipped: nothing will ever come before the next
     * one. Returns true when none has to wait.
     */
    public boolean deliverInOrder(List<OutboxMessage> messages) {
        for (OutboxMessage m : messages) {
            if (!mayGoOn(attempt(m))) {
                return false;
            }
        }
        return true;
    }

    /** One attempt; the outcome is recorded without waiting for its commit. True when sent. */
    public boolean deliver(OutboxMessage m) {
        return attempt(m) instanceof Delivery.Sent;
    }

    /**
     * Whether the chat's next message may follow this outcome at once: after one sent, and
     * after one refused for good (waiting would not bring it through).
     */
    public static boolean mayGoOn(Delivery outcome) {
        return outcome instanceof Delivery.Sent || outcome instanceof Delivery.Failed;
    }

    /** One attempt, its outcome recorded without waiting for the commit; null when no messenger. */
    public Delivery attempt(OutboxMessage m) {
        Messenger messenger = messengers.get(m.chat().channel());
        if (messenger == null) {
            return null;
        }
        Delivery outcome;
        try {
            outcome = messenger.send(m.chat(), m.reply());
        } catch (RuntimeException e) {
            // A messenger must not throw, but one that does must not lose the message.
            log.warn("messenger for {} threw on message {}", m.chat().channel(), m.id(), e);
            outcome = Delivery.retry(Duration.ofSeconds(5), e.getClass().getSimpleName());
        }
        Instant now = clock.instant();
        telemetry.delivered(m.chat().channel(), outcomeOf(outcome, m.attempts() + 1));
        if (outcome instanceof Delivery.Sent sent) {
            recordSent(new Outbox.SentMark(m.id(), sent.messageRef(), now));
            return outcome;
        }
        if (outcome instanceof Delivery.RetryLater retry) {
            int attempts = m.attempts() + 1;
            if (attempts >= MAX_ATTEMPTS) {
                log.warn(
                        "giving up on message {} to {} after {} attempts: {}",
                        m.id(),
                        m.chat(),
                        attempts,
                        retry.reason());
                record(m, "gave up after " + attempts + " attempts: " + retry.reason(), now, false);
            } else {
                Duration backoff = backoff(attempts).compareTo(retry.after()) > 0 ? backoff(attempts) : retry.after();
                unitOfWork.submit(s -> {
                    s.outbox().retryAt(m.id(), now.plus(backoff), retry.reason());
                    return null;
                });
            }
        } else if (outcome instanceof Delivery.Unreachable u) {
            log.info("{} is unreachable: {}", m.chat(), u.reason());
            record(m, "unreachable: " + u.reason(), now, true);
        } else if (outcome instanceof Delivery.Failed f) {
            log.warn("message {} to {} refused: {}", m.id(), m.chat(), f.reason());
            record(m, "refused: " + f.reason(), now, false);
        }
        return outcome;
    }

    private static Telemetry.DeliveryOutcome outcomeOf(Delivery d, int attempts) {
        if (d instanceof Delivery.Sent) {
            return Telemetry.DeliveryOutcome.SENT;
        }
        if (d instanceof Delivery.RetryLater) {
            return attempts >= MAX_ATTEMPTS ? Telemetry.DeliveryOutcome.FAILED : Telemetry.DeliveryOutcome.RETRY;
        }
        return d instanceof Delivery.Unreachable
                ? Telemetry.DeliveryOutcome.UNREACHABLE
                : Telemetry.DeliveryOutcome.FAILED;
    }

    /**
     * Marks go into one unit of work per burst rather than one each, deferred: they ride along
     * with the next turn's commit instead of costing a commit of their own. Losing marks in a
     * crash only means those replies are sent again, which the outbox allows anyway.
     */
    private void recordSent(Outbox.SentMark mark) {
        sentMarks.add(mark);
        if (flushScheduled.compareAndSet(false, true)) {
            // The work may run more than once (a unit of work may replay it): it takes the marks
            // the first time and writes the same ones on every run.
            List<Outbox.SentMark> batch = new java.util.ArrayList<>();
            AtomicBoolean taken = new AtomicBoolean();
            unitOfWork.submitDeferred(
                    s -> {
                        if (taken.compareAndSet(false, true)) {
                            flushScheduled.set(false);
                            for (Outbox.SentMark next; (next = sentMarks.poll()) != null; ) {
                                batch.add(next);
                            }
                        }
                        if (!batch.isEmpty()) {
                            s.outbox().markSent(batch);
                        }
                        return null;
                    },
                    MARK_DELAY);
        }
    }

    private void record(OutboxMessage m, String reason, Instant now, boolean unreachable) {
        unitOfWork.submit(s -> {
            s.outbox().giveUp(m.id(), reason, now);
            if (unreachable) {
                s.outbox().giveUpAll(m.chat(), reason, now);
                s.citizens().setReachable(m.chat(), false, reason, now);
            }
            return null;
        });
    }

    static Duration backoff(int attempts) {
        long seconds = 1L << Math.min(attempts, 20);
        Duration d = Duration.ofSeconds(seconds);
        return d.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : d;
    }
}
