package ua.zvernennia.storage;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import ua.zvernennia.core.chat.ChatKey;
import ua.zvernennia.core.citizen.Citizen;
import ua.zvernennia.core.conversation.ConversationState;

/**
 * The committed conversation state and citizen row of recently active chats, so that a turn does
 * not read them again: almost every turn reads both, and only that chat's own turns (which run
 * one after another) change them. Filled and emptied only after a commit, from the writer; the
 * database stays the source of truth, and the cache is bounded. Thread-safe.
 */
final class RecentRows {
    private final Map<ChatKey, ConversationState> conversations;
    private final Map<ChatKey, Optional<Citizen>> citizens;

    RecentRows(int capacity) {
        this.conversations = lru(capacity);
        this.citizens = lru(capacity);
    }

    private static <V> Map<ChatKey, V> lru(int capacity) {
        return new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<ChatKey, V> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized ConversationState conversation(ChatKey chat) {
        return conversations.get(chat);
    }

    synchronized void conversation(ChatKey chat, ConversationState state) {
        conversations.put(chat, state);
    }

    /** Null when not cached; an empty optional when the chat is known to have no citizen yet. */
    synchronized Optional<Citizen> citizen(ChatKey chat) {
        return citizens.get(chat);
    }

    synchronized void citizen(ChatKey chat, Optional<Citizen> citizen) {
        citizens.put(chat, citizen);
    }

    /** Forgets everything: after a failed commit the database may hold more than was reported. */
    synchronized void clear() {
        conversations.clear();
        citizens.clear();
    }

    synchronized void forgetCitizen(ChatKey chat) {
        citizens.remove(chat);
    }
}
