package ua.zvernennia.core.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import ua.zvernennia.core.chat.ChatKey;
import ua.zvernennia.core.chat.Event;
import ua.zvernennia.core.chat.Inbound;
import ua.zvernennia.core.chat.Reply;
import ua.zvernennia.core.chat.UnsupportedKind;
import ua.zvernennia.core.conversation.ConversationMachine;
import ua.zvernennia.core.conversation.ConversationState;
import ua.zvernennia.core.conversation.Texts;
import ua.zvernennia.core.conversation.TurnOutcome;
import ua.zvernennia.core.delivery.OutboxMessage;
import ua.zvernennia.core.executor.StaffChat;

/**
 * Handles one inbound inside a unit of work: skips a re-delivered update, loads the chat's
 * state, runs the state machine, saves the new state and puts the replies in the outbox.
 * Stateless and thread-safe.
 */
public final class ConversationEngine {
    /**
     * Replies are sent in-line right after the commit; the outbox dispatcher takes over only if
     * that has not happened by then (a crash, a failed send).
     */
    static final Duration IN_LINE_LEASE = Duration.ofSeconds(60);

    private final ConversationMachine machine;
    private final Clock clock;
    private final StaffChat staff;

    /** Without executors' staff chats: what arrives from one is not answered. */
    public ConversationEngine(ConversationMachine machine, Clock clock) {
        this(machine, clock, null);
    }

    public ConversationEngine(ConversationMachine machine, Clock clock, StaffChat staff) {
        this.machine = machine;
        this.clock = clock;
        this.staff = staff;
    }

    /**
     * Handles an inbound whose chat had nothing waiting here: records it and takes its turn at
     * once, or, when another instance's lane is working through the chat's queue in the inbox,
     * puts it behind the others there ({@link Handled#BEHIND}).
     */
    public Handled handle(Stores stores, Inbound inbound) {
        Instant now = clock.instant();
        if (inbound.sourceId() != null && !stores.processed().firstTime(inbound.chat(), inbound.sourceId(), now)) {
            return Handled.DUPLICATE;
        }
        if (stores.inbox().hasWaiting(inbound.chat())) {
            stores.inbox().put(inbound, now);
            return Handled.BEHIND;
        }
        return turn(stores, inbound, now);
    }

    /**
     * Records an inbound whose chat is busy with earlier ones: it waits in the inbox for its turn.
     * Returns its place in the inbox, or -1 for a re-delivery of one recorded before.
     */
    public long keep(Stores stores, Inbound inbound) {
        Instant now = clock.instant();
        if (inbound.sourceId() != null && !stores.processed().firstTime(inbound.chat(), inbound.sourceId(), now)) {
            return -1;
        }
        return stores.inbox().put(inbound, now);
    }

    /**
     * Takes the turn of an inbound that waited in the inbox, and takes it out of there; when it is
     * not the chat's next (another instance took it, or put an older one), nothing is done
     * ({@link Handled#BEHIND}).
     */
    public Handled handle(Stores stores, Inbox.Queued queued) {
        if (!stores.inbox().take(queued.inbound().chat(), queued.id())) {
            return Handled.BEHIND;
        }
        return turn(stores, queued.inbound(), clock.instant());
    }

    /** Like {@link #apologise(Stores, Inbound)} for an inbound that waited in the inbox. */
    public Handled apologise(Stores stores, Inbox.Queued queued) {
        if (!stores.inbox().take(queued.inbound().chat(), queued.id())) {
            return Handled.BEHIND;
        }
        return sorry(stores, queued.inbound().chat(), clock.instant());
    }

    /**
     * Asks a citizen who sends faster than the flood limit to slow down; what they sent over it
     * is not handled.
     */
    public Handled slowDown(Stores stores, ChatKey chat) {
        Instant now = clock.instant();
        String language = stores.conversations()
                .load(chat)
                .map(ConversationState::language)
                .orElse(Texts.DEFAULT_LANGUAGE);
        Reply notice = Reply.text(Texts.of(language).get("flood.slow_down"));
        return queue(stores, chat, List.of(notice), now);
    }

    private Handled turn(Stores stores, Inbound inbound, Instant now) {
        if (StaffChat.concerns(inbound.event())) {
            StaffChat.Outcome outcome =
                    staff == null ? null : staff.handle(stores, inbound.chat(), inbound.event(), now);
            if (outcome != null) {
                return staffTurn(stores, inbound, outcome, now);
            }
            // Not an executor's chat: a group chat like any other.
            inbound = new Inbound(
                    inbound.chat(),
                    new Event.Unsupported(UnsupportedKind.GROUP_CHAT),
                    inbound.receivedAt(),
                    inbound.sourceId(),
                    inbound.menuRef());
        }
        ConversationState before = stores.conversations().load(inbound.chat()).orElse(ConversationState.fresh());
        TurnOutcome outcome = machine.handle(stores, before, inbound, now);
        if (!outcome.state().equals(before)) {
            stores.conversations().save(inbound.chat(), outcome.state());
        }
        return queue(stores, inbound.chat(), outcome.replies(), now);
    }

    /**
     * Puts the replies in the outbox, held for the caller's in-line send; or, when earlier messages
     * of the chat are still pending elsewhere (another instance, the dispatcher), due at once
     * behind them, for the dispatcher to send in order.
     */
    private static Handled queue(Stores stores, ChatKey chat, List<Reply> replies, Instant now) {
        if (replies.isEmpty()) {
            return new Handled(List.of(), false);
        }
        boolean inLine = stores.outbox().inLine(chat);
        Instant notBefore = inLine ? now.plus(IN_LINE_LEASE) : now;
        var queued = new ArrayList<OutboxMessage>(replies.size());
        for (Reply reply : replies) {
            queued.add(stores.outbox().enqueue(chat, reply, notBefore, now));
        }
        return inLine ? new Handled(queued, false) : new Handled(List.of(), false, null, false, true);
    }

    /** A turn of an executor's staff chat: its own small conversation, the citizens' state untouched. */
    private Handled staffTurn(Stores stores, Inbound inbound, StaffChat.Outcome outcome, Instant now) {
        return queue(stores, inbound.chat(), outcome.replies(), now).withAlert(outcome.alert());
    }

    /**
     * For an inbound whose turn failed (a bug, never the citizen's fault): records it as handled
     * and says sorry, keeping the conversation where it was, so that the citizen is not left in
     * silence and the messenger stops re-delivering it.
     */
    public Handled apologise(Stores stores, Inbound inbound) {
        Instant now = clock.instant();
        if (inbound.sourceId() != null && !stores.processed().firstTime(inbound.chat(), inbound.sourceId(), now)) {
            return Handled.DUPLICATE;
        }
        return sorry(stores, inbound.chat(), now);
    }

    private Handled sorry(Stores stores, ChatKey chat, Instant now) {
        String language = stores.conversations()
                .load(chat)
                .map(ConversationState::language)
                .orElse(Texts.DEFAULT_LANGUAGE);
        Reply sorry = Reply.text(Texts.of(language).get("error.internal"));
        return queue(stores, chat, List.of(sorry), now);
    }
}
