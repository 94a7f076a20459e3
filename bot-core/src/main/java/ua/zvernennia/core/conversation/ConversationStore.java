package ua.zvernennia.core.conversation;

import java.util.Optional;
import ua.zvernennia.core.chat.ChatKey;

/** Port: one conversation state per chat. Used inside a unit of work only; not thread-safe. */
public interface ConversationStore {
    Optional<ConversationState> load(ChatKey chat);

    /**
     * Saves the state; the stored version must equal {@code state.version()} (0 for a new chat).
     * Returns the state with its new version.
     *
     * @throws IllegalStateException when another writer saved the chat in between
     */
    ConversationState save(ChatKey chat, ConversationState state);
}
