package ua.zvernennia.storage;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import ua.zvernennia.core.chat.Channel;
import ua.zvernennia.core.chat.ChatKey;
import ua.zvernennia.core.chat.Event;
import ua.zvernennia.core.chat.Inbound;
import ua.zvernennia.core.engine.Inbox;

/**
 * The inbox table; an event is stored as JSON. Bound to one handle; not thread-safe.
 *
 * <p>Where several instances share it ({@code shared}), a chat's queue may have been put by
 * another instance, whose lane works through it: a new inbound looks whether the chat has one
 * ({@link #hasWaiting}) and a turn takes its inbound only when it is the chat's oldest
 * ({@link #take}), both under the chat's lock.
 */
final class JdbiInbox implements Inbox {
    private final Handle handle;
    private final boolean shared;
    /** The writer's chat locks and their survey where instances share the database; null otherwise. */
    private final ChatLocks locks;

    JdbiInbox(Handle handle, boolean shared, ChatLocks locks) {
        this.handle = handle;
        this.shared = shared;
        this.locks = locks;
    }

    @Override
    public long put(Inbound inbound, Instant at) {
        if (locks != null) {
            locks.putInInbox(inbound.chat());
        }
        return handle.createUpdate("INSERT INTO inbox (channel, chat_id, source_id, menu_ref, event, received_at) "
                        + "VALUES (:channel, :chat, :source, :menuRef, :event, :received)")
                .bind("channel", inbound.chat().channel().name())
                .bind("chat", inbound.chat().id())
                .bind("source", inbound.sourceId())
                .bind("menuRef", JdbiCitizenStore.truncate(inbound.menuRef(), 64))
                .bind("event", Json.write(new Json.EventBox(inbound.event())))
                .bind("received", inbound.receivedAt().toEpochMilli())
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one();
    }

    @Override
    public List<Queued> oldest(ChatKey chat, int limit) {
        return handle.createQuery("SELECT id, source_id, menu_ref, event, received_at FROM inbox "
                        + "WHERE channel = :channel AND chat_id = :chat ORDER BY id LIMIT :limit")
                .bind("channel", chat.channel().name())
                .bind("chat", chat.id())
                .bind("limit", limit)
                .map((rs, ctx) -> {
                    Event event = Json.read(rs.getString("event"), Json.EventBox.class)
                            .event();
                    return new Queued(
                            rs.getLong("id"),
                            new Inbound(
                                    chat,
                                    event,
                                    Instant.ofEpochMilli(rs.getLong("received_at")),
                                    rs.getString("source_id"),
                                    rs.getString("menu_ref")));
                })
                .list();
    }

    @Override
    public void remove(long id) {
        handle.createUpdate("DELETE FROM inbox WHERE id = :id").bind("id", id).execute();
    }

    private void delete(long id) {
        handle.createUpdate("DELETE FROM inbox WHERE id = :id").bind("id", id).execute();
    }

    @Override
    public boolean take(ChatKey chat, long id) {
        if (!shared) {
            remove(id);
            return true;
        }
        Long oldest = handle.createQuery("SELECT MIN(id) FROM inbox WHERE channel = :channel AND chat_id = :chat")
                .bind("channel", chat.channel().name())
                .bind("chat", chat.id())
                .mapTo(Long.class)
                .one();
        if (oldest == null || oldest != id) {
            return false;
        }
        // The chat may have more waiting: what the survey said stays true enough (a new inbound of
        // a chat whose queue is being taken comes through its lane, not as a turn of its own).
        delete(id);
        return true;
    }

    @Override
    public boolean hasWaiting(ChatKey chat) {
        if (!shared) {
            return false;
        }
        Boolean surveyed = locks == null ? null : locks.waitingInInbox(chat);
        if (surveyed != null) {
            return surveyed;
        }
        return handle.createQuery(
                                "SELECT COUNT(*) FROM (SELECT 1 FROM inbox WHERE channel = :channel AND chat_id = :chat LIMIT 1) AS w")
                        .bind("channel", chat.channel().name())
                        .bind("chat", chat.id())
                        .mapTo(Integer.class)
                        .one()
                > 0;
    }

    @Override
    public Map<ChatKey, Integer> waitingSince(Instant before) {
        var counts = new LinkedHashMap<ChatKey, Integer>();
        handle.createQuery("SELECT channel, chat_id, COUNT(*) AS n FROM inbox GROUP BY channel, chat_id "
                        + "HAVING MIN(received_at) < :before ORDER BY MIN(id)")
                .bind("before", before.toEpochMilli())
                .map((rs, ctx) -> Map.entry(
                        new ChatKey(Channel.valueOf(rs.getString("channel")), rs.getString("chat_id")), rs.getInt("n")))
                .forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }

    @Override
    public Map<ChatKey, Integer> waiting() {
        var counts = new LinkedHashMap<ChatKey, Integer>();
        handle.createQuery(
                        "SELECT channel, chat_id, COUNT(*) AS n FROM inbox GROUP BY channel, chat_id ORDER BY MIN(id)")
                .map((rs, ctx) -> Map.entry(
                        new ChatKey(Channel.valueOf(rs.getString("channel")), rs.getString("chat_id")), rs.getInt("n")))
                .forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }
}
