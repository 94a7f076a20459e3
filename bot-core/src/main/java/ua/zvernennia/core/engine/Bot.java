package ua.zvernennia.core.engine;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ua.zvernennia.core.chat.ChatKey;
import ua.zvernennia.core.chat.Inbound;
import ua.zvernennia.core.delivery.Deliverer;
import ua.zvernennia.core.engine.Lane.Direct;
import ua.zvernennia.core.engine.Lane.Entry;
import ua.zvernennia.core.engine.Lane.Kept;
import ua.zvernennia.core.engine.Lane.SlowDown;
import ua.zvernennia.core.engine.Lane.Stored;
import ua.zvernennia.core.metrics.Telemetry;

/**
 * Where adapters hand in what citizens do. One chat's inbounds are handled strictly in order,
 * different chats in parallel, and what one chat sends never waits for another chat.
 *
 * <p>An inbound from a chat with nothing waiting takes its turn at once; its turn's commit is its
 * durable record. An inbound from a chat that is still busy is recorded in the inbox (one
 * insert, committed with whatever else is committing) and acknowledged from there; the chat's
 * lane takes it when its turn comes. A lane keeps at most {@link #IN_MEMORY_PER_CHAT} inbounds in
 * memory; the rest of a long queue stays in the inbox only and is read back in order, so memory
 * stays bounded however much one chat sends. Replies are sent by a separate per-chat queue after
 * the turn's commit: the chat's next inbound does not wait for them.
 *
 * <p>Before any of that, a {@link FloodGate} drops what a chat sends over its limit (telling the
 * citizen once) and quick repeats of the same button press. Thread-safe.
 */
public final class Bot {
    private static final Logger log = LoggerFactory.getLogger(Bot.class);
    /** Waiting inbounds a chat's lane keeps in memory; more wait in the inbox only. */
    static final int IN_MEMORY_PER_CHAT = 64;
    /** How long a lane waits before trying again a turn that storage could not commit. */
    private static final Duration STORAGE_RETRY = Duration.ofSeconds(1);

    private final UnitOfWork unitOfWork;
    private final ConversationEngine engine;
    private final Executor executor;
    private final FloodGate flood;
    private final Telemetry telemetry;
    private final ConcurrentHashMap<ChatKey, Lane> lanes = new ConcurrentHashMap<>();
    private final TurnReplies replies;

    /** Without a flood limit. */
    public Bot(UnitOfWork unitOfWork, ConversationEngine engine, Deliverer deliverer, Executor executor) {
        this(unitOfWork, engine, deliverer, executor, FloodSettings.off());
    }

    public Bot(
            UnitOfWork unitOfWork,
            ConversationEngine engine,
            Deliverer deliverer,
            Executor executor,
            FloodSettings flood) {
        this(unitOfWork, engine, deliverer, executor, flood, Telemetry.NONE);
    }

    public Bot(
            UnitOfWork unitOfWork,
            ConversationEngine engine,
            Deliverer deliverer,
            Executor executor,
            FloodSettings flood,
            Telemetry telemetry) {
        this.telemetry = telemetry;
        this.unitOfWork = unitOfWork;
        this.engine = engine;
        this.executor = executor;
        this.flood = new FloodGate(flood, System::nanoTime);
        this.replies = new TurnReplies(unitOfWork, deliverer, executor);
    }

    /**
     * Handles the inbound. The returned future completes once the inbound is durably recorded:
     * that is when an adapter may acknowledge the update to the messenger. It completes at once,
     * with nothing recorded, for what the flood limit drops.
     */
    public CompletableFuture<Handled> accept(Inbound inbound) {
        return handle(inbound, false);
    }

    /**
     * Like {@link #accept} but the caller delivers the replies itself (in an HTTP response, as
     * Viber's conversation_started wants); they are recorded as sent. The future completes after
     * the turn. When the chat has a long queue the replies are sent the usual way instead and
     * the future holds none.
     */
    public CompletableFuture<Handled> acceptAndTakeReplies(Inbound inbound) {
        return handle(inbound, true);
    }

    /**
     * Takes up what the inbox holds from before a restart, ahead of anything new. Call once,
     * before the adapters start.
     */
    public void resume() {
        Map<ChatKey, Integer> waiting = unitOfWork.run(s -> s.inbox().waiting());
        waiting.keySet().forEach(this::readInbox);
        if (!waiting.isEmpty()) {
            log.info("{} chats have inbounds waiting from before the start", waiting.size());
        }
    }

    /**
     * Takes up queues that have waited in the inbox since before {@code before}: where several
     * instances share the database, those an instance left behind when it stopped mid-queue.
     * A chat whose queue another instance is still working through is read here too, which is
     * harmless: an inbound is taken by one of them only, in the chat's order. Returns how many
     * chats were taken up.
     */
    public int takeUpLeftBehind(java.time.Instant before) {
        Map<ChatKey, Integer> waiting = unitOfWork.run(s -> s.inbox().waitingSince(before));
        waiting.keySet().forEach(this::readInbox);
        if (!waiting.isEmpty()) {
            log.info("took up the inbox queues of {} chats left waiting", waiting.size());
        }
        return waiting.size();
    }

    private void readInbox(ChatKey chat) {
        while (true) {
            Lane lane = lanes.computeIfAbsent(chat, Lane::new);
            synchronized (lane) {
                if (lane.closed) {
                    continue;
                }
                lane.spilled = true;
                start(lane);
                return;
            }
        }
    }

    /** Chats with work queued or running, or replies being sent. */
    public int busyChats() {
        return lanes.size() + replies.activeChats();
    }

    private CompletableFuture<Handled> handle(Inbound inbound, boolean callerDelivers) {
        long received = System.nanoTime();
        telemetry.updateReceived(inbound.chat().channel());
        CompletableFuture<Handled> done = admit(inbound, callerDelivers);
        done.whenComplete((handled, error) -> telemetry.updateHandled(
                inbound.chat().channel(), Duration.ofNanos(System.nanoTime() - received), error != null));
        return done;
    }

    /** Runs the inbound at once, or records it in the inbox behind the chat's earlier ones. */
    private CompletableFuture<Handled> admit(Inbound inbound, boolean callerDelivers) {
        ChatKey chat = inbound.chat();
        FloodGate.Verdict verdict = flood.check(chat, inbound.event());
        if (verdict != FloodGate.Verdict.HANDLE) {
            if (verdict == FloodGate.Verdict.SLOW_DOWN) {
                log.info("{} sends faster than the flood limit; told to slow down, the excess is dropped", chat);
                enqueue(chat, new SlowDown());
            }
            return CompletableFuture.completedFuture(Handled.DROPPED);
        }
        while (true) {
            Lane lane = lanes.computeIfAbsent(chat, Lane::new);
            synchronized (lane) {
                if (lane.closed) {
                    continue;
                }
                boolean idle = !lane.running && lane.waiting.isEmpty() && !lane.spilled;
                if (idle || (callerDelivers && !lane.spilled)) {
                    // An idle chat's turn is queued for the writer now, ahead of the records of
                    // whatever the chat sends next (see Lane.Direct).
                    CompletableFuture<Handled> turn =
                            idle ? unitOfWork.submit(chat, s -> engine.handle(s, inbound)) : null;
                    var direct = new Direct(inbound, callerDelivers, new CompletableFuture<>(), turn);
                    lane.waiting.add(direct);
                    start(lane);
                    return direct.done();
                }
                CompletableFuture<Long> recorded = unitOfWork.submit(chat, s -> engine.keep(s, inbound));
                if (!lane.spilled && lane.waiting.size() < IN_MEMORY_PER_CHAT) {
                    lane.waiting.add(new Kept(inbound, recorded));
                } else {
                    // Kept in the inbox only, and read back from there in its turn.
                    lane.spilled = true;
                    lane.lastSpilled = recorded;
                }
                return recorded.thenApply(id -> id < 0 ? Handled.DUPLICATE : Handled.QUEUED);
            }
        }
    }

    /** Appends an entry to the chat's lane whatever its length (the notice comes once a flood). */
    private void enqueue(ChatKey chat, Entry entry) {
        while (true) {
            Lane lane = lanes.computeIfAbsent(chat, Lane::new);
            synchronized (lane) {
                if (lane.closed) {
                    continue;
                }
                lane.waiting.add(entry);
                start(lane);
                return;
            }
        }
    }

    /** Under the lane's monitor. */
    private void start(Lane lane) {
        if (!lane.running) {
            lane.running = true;
            executor.execute(() -> pump(lane));
        }
    }

    /** Takes the lane's next entry, or reads more back from the inbox, or retires the lane. */
    private void pump(Lane lane) {
        Entry head;
        synchronized (lane) {
            head = lane.waiting.peek();
            if (head == null && !lane.spilled) {
                lane.running = false;
                lane.closed = true;
                lanes.remove(lane.chat, lane);
                return;
            }
        }
        CompletableFuture<Boolean> step;
        try {
            step = head == null ? readBack(lane) : take(lane, head);
        } catch (RuntimeException e) {
            step = CompletableFuture.failedFuture(e);
        }
        step.whenComplete((done, error) -> {
            if (error != null) {
                log.warn("{}: a turn could not be committed; trying again in {}", lane.chat, STORAGE_RETRY, error);
                CompletableFuture.delayedExecutor(STORAGE_RETRY.toMillis(), TimeUnit.MILLISECONDS, executor)
                        .execute(() -> pump(lane));
                return;
            }
            if (head != null) {
                synchronized (lane) {
                    lane.waiting.poll();
                }
            }
            executor.execute(() -> pump(lane));
        });
    }

    /** Runs one entry; completes normally when the lane may move on, exceptionally to retry it. */
    private CompletableFuture<Boolean> take(Lane lane, Entry entry) {
        ChatKey chat = lane.chat;
        if (entry instanceof Direct d) {
            Inbound inbound = d.inbound();
            (d.turn() != null ? d.turn() : unitOfWork.submit(chat, s -> engine.handle(s, inbound)))
                    .exceptionallyCompose(error -> {
                        if (unwrap(error) instanceof StorageUnavailableException) {
                            // Not the turn's fault: the update stays unacknowledged and comes again.
                            return CompletableFuture.failedFuture(unwrap(error));
                        }
                        log.error(
                                "turn of {} failed on {}; answering with an apology",
                                chat,
                                inbound.event().getClass().getSimpleName(),
                                error);
                        return unitOfWork.submit(chat, s -> engine.apologise(s, inbound));
                    })
                    .whenCompleteAsync(
                            (handled, error) -> {
                                if (error != null) {
                                    // Not acknowledged: the messenger brings it again.
                                    if (unwrap(error) instanceof StorageUnavailableException) {
                                        // The writer logs the outage; one line per update would flood the log.
                                        log.debug("an update from {} waits for the database", chat);
                                    } else {
                                        log.error("could not commit an update from {}", chat, error);
                                    }
                                    d.done().completeExceptionally(error);
                                } else if (handled.readInbox()) {
                                    // Recorded behind the chat's queue, which another instance works through:
                                    // acknowledged, and this lane reads the inbox back before it retires.
                                    synchronized (lane) {
                                        lane.spilled = true;
                                    }
                                    d.done().complete(Handled.QUEUED);
                                } else {
                                    replies.afterTurn(chat, handled, d.callerDelivers());
                                    d.done().complete(handled);
                                }
                            },
                            executor);
            return d.done().handle((h, e) -> true);
        }
        if (entry instanceof Kept k) {
            return k.recorded()
                    .handle((id, error) -> id == null || id < 0 ? null : new Inbox.Queued(id, k.inbound()))
                    .thenCompose(queued -> queued == null
                            // Not recorded (not acknowledged either), or a re-delivery: nothing to do.
                            ? CompletableFuture.completedFuture(true)
                            : turn(lane, queued));
        }
        if (entry instanceof Stored s) {
            return turn(lane, s.queued());
        }
        return unitOfWork
                .submit(chat, s -> engine.slowDown(s, chat))
                .handleAsync(
                        (handled, error) -> {
                            if (error != null) {
                                log.warn("could not tell {} to slow down", chat, error);
                            } else {
                                replies.afterTurn(chat, handled, false);
                            }
                            return true;
                        },
                        executor);
    }

    private CompletableFuture<Boolean> turn(Lane lane, Inbox.Queued queued) {
        ChatKey chat = lane.chat;
        return unitOfWork
                .submit(chat, s -> engine.handle(s, queued))
                .exceptionallyCompose(error -> {
                    if (unwrap(error) instanceof StorageUnavailableException) {
                        // The inbound stays in the inbox; the lane tries the turn again later.
                        return CompletableFuture.failedFuture(unwrap(error));
                    }
                    // A bug in the turn is answered with an apology; when storage itself fails,
                    // so does the apology, and the lane tries the turn again later.
                    log.error(
                            "turn of {} failed on {}; answering with an apology",
                            chat,
                            queued.inbound().event().getClass().getSimpleName(),
                            error);
                    return unitOfWork.submit(chat, s -> engine.apologise(s, queued));
                })
                .thenApplyAsync(
                        handled -> {
                            if (handled.readInbox()) {
                                // Not this one's turn here: another instance took it, or put an older one
                                // first. The inbox, read back in order, says what comes next.
                                synchronized (lane) {
                                    lane.spilled = true;
                                }
                            }
                            replies.afterTurn(chat, handled, false);
                            return true;
                        },
                        executor);
    }

    /**
     * Reads the next inbounds of a long queue back from the inbox. When there are none, the queue
     * has ended if every record left in the inbox had settled before the read; otherwise it reads
     * again once they have.
     */
    private CompletableFuture<Boolean> readBack(Lane lane) {
        CompletableFuture<?> latest;
        boolean settled;
        synchronized (lane) {
            latest = lane.lastSpilled;
            settled = latest.isDone();
        }
        return unitOfWork
                .submit(lane.chat, s -> s.inbox().oldest(lane.chat, IN_MEMORY_PER_CHAT))
                .thenCompose(rows -> {
                    synchronized (lane) {
                        if (!rows.isEmpty()) {
                            rows.forEach(r -> lane.waiting.add(new Stored(r)));
                            return CompletableFuture.completedFuture(true);
                        }
                        if (settled && lane.lastSpilled == latest) {
                            lane.spilled = false;
                            return CompletableFuture.completedFuture(true);
                        }
                    }
                    return latest.handle((x, e) -> true);
                });
    }

    private static Throwable unwrap(Throwable error) {
        return error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                ? error.getCause()
                : error;
    }
}
