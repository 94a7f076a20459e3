package ua.zvernennia.core.engine;

import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import ua.zvernennia.core.chat.ChatKey;
import ua.zvernennia.core.chat.Event;
import ua.zvernennia.core.conversation.ConversationMachine;

/**
 * Decides per chat whether an inbound is handled: a token bucket of {@code maxMessages} per
 * window, kept as the time its next token is due (one number per chat), and the last button
 * pressed so that a quick repeat of the same press counts once. Decided in memory, before
 * anything is written: what is over the limit costs no commit. Thread-safe.
 */
final class FloodGate {
    /** Idle chats are forgotten once this many are tracked, so the map cannot grow forever. */
    private static final int PRUNE_AT = 10_000;

    enum Verdict {
        /** Handle it. */
        HANDLE,
        /** Over the limit, the first time in this flood: tell the citizen to slow down, drop it. */
        SLOW_DOWN,
        /** Over the limit again, or a repeat of the same press: drop it silently. */
        DROP
    }

    private static final class Chat {
        long due;
        boolean told;
        String lastButton;
        long lastButtonAt;
    }

    private final boolean limited;
    private final long interval;
    private final long tolerance;
    private final long repeatNanos;
    private final LongSupplier nanoTime;
    private final Map<ChatKey, Chat> chats = new HashMap<>();

    FloodGate(FloodSettings settings, LongSupplier nanoTime) {
        this.limited = settings.maxMessages() > 0;
        this.interval = limited ? settings.window().toNanos() / settings.maxMessages() : 0;
        this.tolerance = limited ? settings.window().toNanos() - interval : 0;
        this.repeatNanos = settings.repeatWindow().toNanos();
        this.nanoTime = nanoTime;
    }

    synchronized Verdict check(ChatKey chat, Event event) {
        if (event instanceof Event.Reachability || (!limited && repeatNanos == 0)) {
            return Verdict.HANDLE;
        }
        long now = nanoTime.getAsLong();
        Chat c = chats.get(chat);
        if (c == null) {
            if (chats.size() >= PRUNE_AT) {
                chats.values().removeIf(x -> x.due - now <= 0 && now - x.lastButtonAt > repeatNanos);
            }
            c = new Chat();
            c.due = now;
            c.lastButtonAt = now - repeatNanos - 1;
            chats.put(chat, c);
        }
        // The same press again: a double tap, not a second wish (but the next page twice is two pages).
        String pressed = event instanceof Event.ButtonPress p && !ConversationMachine.stepping(p.id()) ? p.id() : null;
        if (pressed != null && pressed.equals(c.lastButton) && now - c.lastButtonAt <= repeatNanos) {
            return Verdict.DROP;
        }
        if (limited) {
            if (c.due - tolerance - now > 0) {
                if (c.told) {
                    return Verdict.DROP;
                }
                c.told = true;
                return Verdict.SLOW_DOWN;
            }
            if (c.due - now <= 0) {
                // The bucket had filled up again: the chat calmed down, a new flood is told anew.
                c.told = false;
                c.due = now;
            }
            c.due += interval;
        }
        c.lastButton = pressed;
        if (pressed != null) {
            c.lastButtonAt = now;
        }
        return Verdict.HANDLE;
    }
}
