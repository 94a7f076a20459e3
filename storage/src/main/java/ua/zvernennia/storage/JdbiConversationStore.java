package ua.zvernennia.storage;

import java.time.Clock;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import ua.zvernennia.core.chat.ChatKey;
import ua.zvernennia.core.conversation.ConversationState;
import ua.zvernennia.core.conversation.ConversationStore;
import ua.zvernennia.core.conversation.Draft;
import ua.zvernennia.core.conversation.Step;

/** Conversation state, one row per chat, the draft as JSON. Bound to one handle; not thread-safe. */
final class JdbiConversationStore implements ConversationStore {
    private final Handle handle;
    private final Clock clock;
    /** The writer's chat locks where several instances share the database; null otherwise. */
    private final ChatLocks locks;

    JdbiConversationStore(Handle handle, Clock clock, ChatLocks locks) {
        this.handle = handle;
        this.clock = clock;
        this.locks = locks;
    }

    /**
     * The chat's state. Where several instances share the database, the writer first takes the
     * chat's lock (unless its unit holds it already), so that what it reads stays true until its
     * commit: an operator's push and a turn of the same chat on another instance wait for each other.
     */
    @Override
    public Optional<ConversationState> load(ChatKey chat) {
        if (locks != null) {
            locks.lock(chat);
        }
        return handle.createQuery(
                        "SELECT step, lang, page, draft, version, subject FROM conversation WHERE channel = :channel AND chat_id = :chat")
                .bind("channel", chat.channel().name())
                .bind("chat", chat.id())
                .map((rs, ctx) -> new ConversationState(
                        Step.valueOf(rs.getString("step")),
                        Json.read(rs.getString("draft"), Draft.class),
                        rs.getInt("page"),
                        rs.getString("lang"),
                        rs.getLong("version"),
                        rs.getString("subject")))
                .findOne();
    }

    private static final String INSERT =
            "INSERT INTO conversation (channel, chat_id, step, lang, page, draft, version, updated_at, subject) "
                    + "VALUES (:channel, :chat, :step, :lang, :page, :draft, :version, :now, :subject)";
    private static final String UPDATE =
            "UPDATE conversation SET step = :step, lang = :lang, page = :page, draft = :draft, "
                    + "version = :version, updated_at = :now, subject = :subject WHERE channel = :channel AND chat_id = :chat AND version = :expected";

    @Override
    public ConversationState save(ChatKey chat, ConversationState state) {
        long next = state.version() + 1;
        // A new chat's row is inserted; an existing one is updated only from the version it was read at.
        int changed = handle.createUpdate(state.version() == 0 ? INSERT : UPDATE)
                .bind("channel", chat.channel().name())
                .bind("chat", chat.id())
                .bind("step", state.step().name())
                .bind("lang", state.language())
                .bind("page", state.page())
                .bind("draft", Json.write(state.draft()))
                .bind("version", next)
                .bind("now", clock.millis())
                .bind("subject", state.subject())
                .bind("expected", state.version())
                .execute();
        if (changed != 1) {
            throw new IllegalStateException("conversation " + chat + " was saved by another writer");
        }
        return state.withVersion(next);
    }
}
