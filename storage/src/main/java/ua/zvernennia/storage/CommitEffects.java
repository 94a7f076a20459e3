package ua.zvernennia.storage;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import ua.zvernennia.core.chat.ChatKey;

/**
 * What the units of one transaction want done once it has committed (cache updates); a rolled
 * back transaction leaves nothing behind. Used by the writer
 * thread only; not thread-safe.
 */
final class CommitEffects {
    private final List<Runnable> unit = new ArrayList<>();
    private final List<Runnable> batch = new ArrayList<>();
    private final Set<ChatKey> written = new HashSet<>();

    void afterCommit(Runnable action) {
        unit.add(action);
    }

    /** The chat's rows changed in this transaction: reads must go to the database until it ends. */
    void written(ChatKey chat) {
        written.add(chat);
    }

    boolean wasWritten(ChatKey chat) {
        return written.contains(chat);
    }

    void unitCommitted() {
        batch.addAll(unit);
        unit.clear();
    }

    /** After the commit: runs what the committed units asked for. */
    void committed() {
        batch.forEach(Runnable::run);
        reset();
    }

    /** After a rollback of the whole transaction: nothing is done. */
    void reset() {
        unit.clear();
        batch.clear();
        written.clear();
    }
}
