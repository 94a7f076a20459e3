package ua.zvernennia.storage;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import ua.zvernennia.core.chat.Channel;
import ua.zvernennia.core.chat.ChatKey;

/**
 * Per-chat locks in PostgreSQL, held until the transaction ends, so that several instances never
 * run two units of work of one chat at once: advisory transaction locks keyed by a 64-bit hash of
 * the chat (two chats that share a hash only wait for each other's commit now and then). The
 * writer takes the locks of a whole batch first, in the order of their keys, so that two
 * instances' batches never wait for each other in a circle; a unit that finds its chat only
 * inside (an operator's push) takes it there, and a rare deadlock that this allows is retried by
 * the writer.
 *
 * <p>Right after taking a batch's locks the writer surveys its chats in one statement
 * ({@link #survey}): whether each has a queue in the inbox, whether an earlier message to it is
 * pending with someone else, and the version of its conversation; and the menu's version. While
 * the locks are held no other instance can change those for these chats, so the batch's turns ask
 * the survey instead of the database, and take a cached conversation whose version it confirms.
 * What a unit of the batch itself changes is noted here, or makes the survey's answer unknown
 * (then the stores ask the database). Bound to one handle; not thread-safe.
 */
final class ChatLocks {
    /** The lock key of a chat, as SQL over its channel and chat id columns or values. */
    static final String KEY_SQL = "hashtextextended(%s || '/' || %s, 0)";

    private static final String BATCH =
            "unnest(CAST(:channels AS TEXT[]), CAST(:chats AS TEXT[])) AS b(channel, chat_id)";
    private static final String SURVEY =
            "SELECT 'menu' AS kind, '' AS channel, '' AS chat_id, (" + JdbiCategoryCatalog.VERSION + ") AS n"
                    + " UNION ALL SELECT 'inbox', i.channel, i.chat_id, COUNT(*) FROM inbox i JOIN " + BATCH
                    + " ON i.channel = b.channel AND i.chat_id = b.chat_id GROUP BY i.channel, i.chat_id"
                    + " UNION ALL SELECT 'held', o.channel, o.chat_id, COUNT(*) FROM outbox o JOIN " + BATCH
                    + " ON o.channel = b.channel AND o.chat_id = b.chat_id WHERE o.status = 'PENDING'"
                    + " AND (o.sender IS NULL OR o.sender <> :me OR o.in_line = FALSE) GROUP BY o.channel, o.chat_id"
                    + " UNION ALL SELECT 'version', c.channel, c.chat_id, c.version FROM conversation c JOIN " + BATCH
                    + " ON c.channel = b.channel AND c.chat_id = b.chat_id";

    private final Handle handle;
    private final String instance;
    private final Set<ChatKey> held = new HashSet<>();
    /** The chats surveyed in this transaction. */
    private final Set<ChatKey> surveyed = new HashSet<>();

    private final Set<ChatKey> waitingInInbox = new HashSet<>();
    private final Set<ChatKey> heldElsewhere = new HashSet<>();
    private final Map<ChatKey, Long> versions = new HashMap<>();
    private boolean inboxKnown;
    private boolean outboxKnown;

    ChatLocks(Handle handle, String instance) {
        this.handle = handle;
        this.instance = instance;
    }

    /** Takes the locks of all these chats, waiting for other transactions that hold any of them. */
    void lockAll(Collection<ChatKey> chats) {
        List<String> keys = chats.stream()
                .filter(c -> !held.contains(c))
                .distinct()
                .map(ChatLocks::text)
                .toList();
        if (keys.isEmpty()) {
            return;
        }
        if (keys.size() == 1) {
            lock(chats.stream().filter(c -> !held.contains(c)).findFirst().orElseThrow());
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

    /**
     * Takes a PostgreSQL advisory lock by name ("zvernennia ...", never a chat's "CHANNEL/id"),
     * held until the transaction ends: for work that instances must do one at a time (a seed, a
     * rebuild, a menu edit, making a record by name).
     */
    static void named(Handle handle, String name) {
        handle.createQuery("SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtextextended(:name, 0))) AS l")
                .bind("name", name)
                .mapTo(Integer.class)
                .one();
    }

    /**
     * {@link #named} where instances may share the database (PostgreSQL): before a look and a
     * write that another instance could interleave with its own (a check for a free name, a row
     * deleted and written again).
     */
    static void namedWhereShared(Handle handle, String name) {
        if (Dialect.of(handle) == Dialect.POSTGRESQL) {
            named(handle, name);
        }
    }

    /** Takes the chat's lock, unless this transaction holds it already. */
    void lock(ChatKey chat) {
        if (held.add(chat)) {
            handle.createQuery("SELECT 1 FROM (SELECT pg_advisory_xact_lock(" + KEY_SQL.formatted(":channel", ":chat")
                            + ")) AS l")
                    .bind("channel", chat.channel().name())
                    .bind("chat", chat.id())
                    .mapTo(Integer.class)
                    .one();
        }
    }

    /**
     * Surveys these chats, whose locks this transaction holds (a statement of its own, so that it
     * sees what the locks' previous holders committed); returns the menu's version.
     */
    long survey(Collection<ChatKey> chats) {
        List<ChatKey> distinct = chats.stream().distinct().toList();
        List<String> channels = new ArrayList<>(distinct.size());
        List<String> ids = new ArrayList<>(distinct.size());
        for (ChatKey c : distinct) {
            channels.add(c.channel().name());
            ids.add(c.id());
        }
        long[] menu = {0};
        handle.createQuery(SURVEY)
                .bindArray("channels", String.class, channels)
                .bindArray("chats", String.class, ids)
                .bind("me", instance)
                .map((rs, ctx) -> {
                    String kind = rs.getString("kind");
                    long n = rs.getLong("n");
                    if (kind.equals("menu")) {
                        menu[0] = n;
                        return null;
                    }
                    ChatKey chat = new ChatKey(Channel.valueOf(rs.getString("channel")), rs.getString("chat_id"));
                    switch (kind) {
                        case "inbox" -> waitingInInbox.add(chat);
                        case "held" -> heldElsewhere.add(chat);
                        default -> versions.put(chat, n);
                    }
                    return null;
                })
                .list();
        surveyed.addAll(distinct);
        inboxKnown = true;
        outboxKnown = true;
        return menu[0];
    }

    /** Whether the chat has inbounds waiting, as surveyed and changed since; null when unknown here. */
    Boolean waitingInInbox(ChatKey chat) {
        return inboxKnown && surveyed.contains(chat) ? waitingInInbox.contains(chat) : null;
    }

    /** An inbound of the chat was put in the inbox in this transaction. */
    void putInInbox(ChatKey chat) {
        waitingInInbox.add(chat);
    }

    /** Something was taken out of the inbox, of a chat not known here: ask the database from now on. */
    void inboxChanged() {
        inboxKnown = false;
    }

    /**
     * Whether an earlier message to the chat is pending with someone else (or waits for a retry),
     * as surveyed and changed since; null when unknown here.
     */
    Boolean heldElsewhere(ChatKey chat) {
        return outboxKnown && surveyed.contains(chat) ? heldElsewhere.contains(chat) : null;
    }

    /** A message to the chat was queued in this transaction for whichever dispatcher comes. */
    void queuedForDispatcher(ChatKey chat) {
        heldElsewhere.add(chat);
    }

    /** A message of a chat not known here was handed back to the dispatchers: ask the database from now on. */
    void outboxChanged() {
        outboxKnown = false;
    }

    /** Whether the chat's conversation, as surveyed, has this version (and so a copy of it is current). */
    boolean conversationIs(ChatKey chat, long version) {
        Long v = surveyed.contains(chat) ? versions.get(chat) : null;
        return v != null && v == version;
    }

    /** The transaction ended (committed or rolled back): PostgreSQL released every lock. */
    void released() {
        held.clear();
        surveyed.clear();
        waitingInInbox.clear();
        heldElsewhere.clear();
        versions.clear();
        inboxKnown = false;
        outboxKnown = false;
    }

    private static String text(ChatKey chat) {
        return chat.channel().name() + "/" + chat.id();
    }
}
