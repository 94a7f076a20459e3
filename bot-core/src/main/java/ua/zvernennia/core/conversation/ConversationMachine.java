package ua.zvernennia.core.conversation;

import java.time.Instant;
import ua.zvernennia.core.chat.Inbound;

/**
 * The citizen's conversation as a state machine: given the stored state and one inbound, it
 * returns the next state and the replies. It reads and writes only through the ports it is
 * given, inside the caller's transaction, and keeps nothing between calls. Thread-safe.
 *
 * <p>The steps are declared in one table, {@link Steps}: each with its question, the input it
 * takes, where «Назад» and valid input lead, and its class; {@link Turn} runs one inbound through it.
 */
public final class ConversationMachine {
    private final ConversationSettings settings;

    /**
     * Whether every press of this button goes one step further (the next page, back, the other
     * language), so that two quick presses mean two steps; any other button pressed twice in a
     * row does the same thing twice.
     */
    public static boolean stepping(String buttonId) {
        return ButtonId.parse(buttonId) instanceof ButtonId.Fixed f && f.stepping();
    }

    public ConversationMachine(ConversationSettings settings) {
        this.settings = settings;
    }

    public TurnOutcome handle(ConversationPorts ports, ConversationState state, Inbound inbound, Instant now) {
        return new Turn(ports, state, inbound, now, settings).run();
    }

    public ConversationSettings settings() {
        return settings;
    }
}
