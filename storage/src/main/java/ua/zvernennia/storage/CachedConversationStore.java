package ua.zvernennia.storage;

import java.util.Optional;
import ua.zvernennia.core.chat.ChatKey;
import ua.zvernennia.core.conversation.ConversationState;
import ua.zvernennia.core.conversation.ConversationStore;

/**
 * The writer's conversation store: reads the committed state of recent chats from
 * {@link RecentRows} and updates it once a save has committed. Where several instances share the
 * database, a kept state is taken only when its batch's survey confirms that the database still
 * has that version. Not thread-safe (writer only).
 */
final class CachedConversationStore implements ConversationStore {
    private final ConversationStore database;
    private final RecentRows recent;
    private final CommitEffects effects;
    /** Where instances share the database: the batch's survey, which must confirm a kept state's version. */
    private final ChatLocks locks;

    CachedConversationStore(ConversationStore database, RecentRows recent, CommitEffects effects, ChatLocks locks) {
        this.database = database;
        this.recent = recent;
        this.effects = effects;
        this.locks = locks;
    }

    @Override
    public Optional<ConversationState> load(ChatKey chat) {
        if (!effects.wasWritten(chat)) {
            ConversationState known = recent.conversation(chat);
            if (known != null && (locks == null || locks.conversationIs(chat, known.version()))) {
                return Optional.of(known);
            }
        }
        Optional<ConversationState> loaded = database.load(chat);
        if (loaded.isPresent() && !effects.wasWritten(chat)) {
            effects.afterCommit(() -> recent.conversation(chat, loaded.get()));
        }
        return loaded;
    }

    @Override
    public ConversationState save(ChatKey chat, ConversationState state) {
        ConversationState saved = database.save(chat, state);
        effects.written(chat);
        effects.afterCommit(() -> recent.conversation(chat, saved));
        return saved;
    }
}
