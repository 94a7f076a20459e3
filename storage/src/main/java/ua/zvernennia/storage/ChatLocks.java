package ua.zvernennia.storage;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import ua.zvernennia.core.chat.ChatKey;

/**
 * Per-chat locks in PostgreSQL, held until the transaction ends, so that several instances never
 * run two units of work of one chat at once: advisory transaction locks keyed by a 64-bit hash of
 * the chat (two chats that share a hash only wait for each other's commit now and then). The
 * writer takes the locks of a whole batch first, in the order of their keys, so that two
 * instances' batches never wait for each other in a circle; a unit that finds its chat only
 * inside (an operator's push) takes it there, and a rare deadlock that this allows is retried by
 * the writer. Bound to one handle; not thread-safe.
 */
final class ChatLocks {
    /** The lock key of a chat, as SQL over its channel and chat id columns or values. */
    static final String KEY_SQL = "hashtextextended(%s || '/' || %s, 0)";

    private final Handle handle;
    private final Set<ChatKey> held = new HashSet<>();

    ChatLocks(Handle handle) {
        this.handle = handle;
    }

    /** Takes the locks of all these chats, waiting for other transactions that hold any of them. */
    void lockAll(Collection<ChatKey> chats) {
        List<String> keys = chats.stream().filter(c -> !held.contains(c)).distinct().map(ChatLocks::text).toList();
        if (keys.isEmpty()) {
            return;
        }
        if (keys.size() == 1) {
            lock(chats.iterator().next());
            return;
        }
        // In one round trip, in the order of the keys: the subquery's rows reach the aggregate sorted.
        // The keys are the texts that KEY_SQL hashes: channel, '/', chat id.
        handle.createQuery("SELECT COUNT(pg_advisory_xact_lock(k)) FROM "
                        + "(SELECT DISTINCT hashtextextended(c, 0) AS k FROM unnest(:keys) AS c ORDER BY k) AS sorted")
                .bindArray("keys", String.class, keys)
                .mapTo(Long.class)
                .one();
        held.addAll(chats);
    }

    /** Takes the chat's lock, unless this transaction holds it already. */
    void lock(ChatKey chat) {
        if (held.add(chat)) {
            handle.createQuery("SELECT 1 FROM (SELECT pg_advisory_xact_lock(" + KEY_SQL.formatted(":channel", ":chat") + ")) AS l")
                    .bind("channel", chat.channel().name())
                    .bind("chat", chat.id())
                    .mapTo(Integer.class)
                    .one();
        }
    }

    /** The transaction ended (committed or rolled back): PostgreSQL released every lock. */
    void released() {
        held.clear();
    }

    private static String text(ChatKey chat) {
        return chat.channel().name() + "/" + chat.id();
    }
}
