package ua.zvernennia.core.conversation;

import java.util.List;
import ua.zvernennia.core.chat.Reply;

/** The outcome of one inbound: the state to store and the replies to send, in order. */
public record TurnOutcome(ConversationState state, List<Reply> replies) {
    public TurnOutcome {
        replies = List.copyOf(replies);
    }
}
