package ua.zvernennia.core.engine;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ua.zvernennia.core.chat.ChatKey;
import ua.zvernennia.core.delivery.Deliverer;
import ua.zvernennia.core.delivery.Outbox;
import ua.zvernennia.core.delivery.OutboxMessage;

/**
 * What {@link Bot} does with a turn's committed replies: sends them in line on a per-chat queue of
 * their own (the chat's next inbound does not wait for them), or marks them sent when the caller
 * delivered them, or leaves them to the outbox dispatcher when a chat's backlog is long or they
 * wait behind another instance's. Thread-safe.
 */
final class TurnReplies {
    private static final Logger log = LoggerFactory.getLogger(TurnReplies.class);
    /** Replies to one chat queued for in-line sending; more are left to the outbox dispatcher. */
    static final int SEND_BACKLOG_PER_CHAT = 64;
    /** How long the sent marks of replies the caller delivered may wait for another commit. */
    private static final Duration MARK_DELAY = Duration.ofMillis(200);

    private final UnitOfWork unitOfWork;
    private final Deliverer deliverer;
    private final Executor executor;
    private final ChatLanes sends;
    private final ConcurrentHashMap<ChatKey, Integer> sendBacklog = new ConcurrentHashMap<>();

    TurnReplies(UnitOfWork unitOfWork, Deliverer deliverer, Executor executor) {
        this.unitOfWork = unitOfWork;
        this.deliverer = deliverer;
        this.executor = executor;
        this.sends = new ChatLanes(executor);
    }

    /** Chats whose replies are being sent. */
    int activeChats() {
        return sends.activeLanes();
    }

    void afterTurn(ChatKey chat, Handled handled, boolean callerDelivers) {
        if (handled.repliesBehind()) {
            // Behind another instance's replies to the chat, whose sent marks are on their way.
            deliverer.repliesWaitBehind();
        }
        List<OutboxMessage> replies = handled.replies();
        if (replies.isEmpty()) {
            return;
        }
        if (callerDelivers) {
            // Deferred, as the marks of sent replies are: it joins the next commit instead of
            // costing one. Lost in a crash, the welcome is sent once more by the dispatcher.
            unitOfWork.submitDeferred(
                    s -> {
                        s.outbox()
                                .markSent(replies.stream()
                                        .map(m -> new Outbox.SentMark(m.id(), null, m.createdAt()))
                                        .toList());
                        return null;
                    },
                    MARK_DELAY);
            return;
        }
        int n = replies.size();
        if (sendBacklog.merge(chat, n, Integer::sum) > SEND_BACKLOG_PER_CHAT) {
            release(chat, n);
            // They are in the outbox: the dispatcher sends them once their in-line lease is over.
            log.debug("{} has a long queue of replies; {} more are left to the outbox", chat, n);
            return;
        }
        sends.submit(
                chat,
                () -> CompletableFuture.runAsync(
                        () -> {
                            try {
                                deliverer.deliverInOrder(replies);
                            } finally {
                                release(chat, n);
                            }
                        },
                        executor));
    }

    private void release(ChatKey chat, int n) {
        sendBacklog.compute(chat, (k, v) -> v == null || v <= n ? null : v - n);
    }
}
