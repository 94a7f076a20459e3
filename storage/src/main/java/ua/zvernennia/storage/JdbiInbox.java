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

/** The inbox table; an event is stored as JSON. Bound to one handle; not thread-safe. */
final class JdbiInbox implements Inbox {
    private final Handle handle;

    JdbiInbox(Handle handle) {
        this.handle = handle;
    }

    @Override
    public long put(Inbound inbound, Instant at) {
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
