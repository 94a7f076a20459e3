package ua.zvernennia.core.engine;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ua.zvernennia.core.chat.Inbound;
import ua.zvernennia.core.delivery.Deliverer;
import ua.zvernennia.core.delivery.Outbox;
import ua.zvernennia.core.metrics.Telemetry;

/**
 * Where adapters hand in what citizens do. One chat's inbounds are handled strictly in order,
 * different chats in parallel; each is committed before its replies are sent. Thread-safe.
 */
public final class Bot {
    private static final Logger log = LoggerFactory.getLogger(Bot.class);

    private final UnitOfWork unitOfWork;
    private final ConversationEngine engine;
    private final Deliverer deliverer;
    private final Executor executor;
    private final ChatLanes lanes;
    private final Telemetry telemetry;

    public Bot(UnitOfWork unitOfWork, ConversationEngine engine, Deliverer deliverer, Executor executor) {
        this(unitOfWork, engine, deliverer, executor, Telemetry.NONE);
    }

    public Bot(UnitOfWork unitOfWork, ConversationEngine engine, Deliverer deliverer, Executor executor, Telemetry telemetry) {
        this.telemetry = telemetry;
        this.unitOfWork = unitOfWork;
        this.engine = engine;
        this.deliverer = deliverer;
        this.executor = executor;
        this.lanes = new ChatLanes(executor);
    }

    /**
     * Handles the inbound. The returned future completes once its effect is durable: that is
     * when an adapter may acknowledge the update to the messenger. The replies are sent after
     * that, before the chat's next inbound is handled.
     */
    public CompletableFuture<Handled> accept(Inbound inbound) {
        return handle(inbound, false);
    }

    /**
     * Like {@link #accept} but the caller delivers the replies itself (in an HTTP response, as
     * Viber's conversation_started wants); they are recorded as sent.
     */
    public CompletableFuture<Handled> acceptAndTakeReplies(Inbound inbound) {
        return handle(inbound, true);
    }

    private CompletableFuture<Handled> handle(Inbound inbound, boolean callerDelivers) {
        CompletableFuture<Handled> committed = new CompletableFuture<>();
        long received = System.nanoTime();
        telemetry.updateReceived(inbound.chat().channel());
        committed.whenComplete((handled, error) -> telemetry.updateHandled(inbound.chat().channel(),
                Duration.ofNanos(System.nanoTime() - received), error != null));
        lanes.submit(inbound.chat(), () -> unitOfWork.submit(s -> engine.handle(s, inbound))
                .exceptionallyCompose(error -> {
                    log.error("turn of {} failed on {}; answering with an apology", inbound.chat(),
                            inbound.event().getClass().getSimpleName(), error);
                    return unitOfWork.submit(s -> engine.apologise(s, inbound));
                })
                .whenComplete((handled, error) -> {
                    if (error != null) {
                        log.error("could not commit an update from {}", inbound.chat(), error);
                        committed.completeExceptionally(error);
                    }
                })
                .thenApplyAsync(handled -> {
                    if (callerDelivers) {
                        if (!handled.replies().isEmpty()) {
                            unitOfWork.submit(s -> {
                                s.outbox().markSent(handled.replies().stream()
                                        .map(m -> new Outbox.SentMark(m.id(), null, m.createdAt())).toList());
                                return null;
                            });
                        }
                        committed.complete(handled);
                    } else {
                        committed.complete(handled);
                        deliverer.deliverInOrder(handled.replies());
                    }
                    return handled;
                }, executor));
        return committed;
    }

    /** Chats with work queued or running. */
    public int busyChats() {
        return lanes.activeLanes();
    }
}
