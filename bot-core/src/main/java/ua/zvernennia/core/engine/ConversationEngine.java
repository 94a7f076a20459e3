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

    /** Handles an inbound whose chat had nothing waiting: records it and takes its turn at once. */
    public Handled handle(Stores stores, Inbound inbound) {
        Instant now = clock.instant();
        if (inbound.sourceId() != null && !stores.processed().firstTime(inbound.chat(), inbound.sourceId(), now)) {
            return Handled.DUPLICATE;
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

    /** Takes the turn of an inbound that waited in the inbox, and takes it out of there. */
    public Handled handle(Stores stores, Inbox.Queued queued) {
        stores.inbox().remove(queued.id());
        return turn(stores, queued.inbound(), clock.instant());
    }

    /** Like {@link #apologise(Stores, Inbound)} for an inbound that waited in the inbox. */
    public Handled apologise(Stores stores, Inbox.Queued queued) {
        stores.inbox().remove(queued.id());
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
        return new Handled(List.of(stores.outbox().enqueue(chat, notice, now.plus(IN_LINE_LEASE), now)), false);
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
        var queued = new ArrayList<OutboxMessage>(outcome.replies().size());
        for (Reply reply : outcome.replies()) {
            queued.add(stores.outbox().enqueue(inbound.chat(), reply, now.plus(IN_LINE_LEASE), now));
        }
        return new Handled(queued, false);
    }

    /** A turn of an executor's staff chat: its own small conversation, the citizens' state untouched. */
    private Handled staffTurn(Stores stores, Inbound inbound, StaffChat.Outcome outcome, Instant now) {
        var queued = new ArrayList<OutboxMessage>(outcome.replies().size());
        for (Reply reply : outcome.replies()) {
            queued.add(stores.outbox().enqueue(inbound.chat(), reply, now.plus(IN_LINE_LEASE), now));
        }
        return new Handled(queued, false, outcome.alert());
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
        return new Handled(List.of(stores.outbox().enqueue(chat, sorry, now.plus(IN_LINE_LEASE), now)), false);
    }
}
