package ua.zvernennia.storage;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import ua.zvernennia.core.appeal.PersonName;
import ua.zvernennia.core.appeal.Phone;
import ua.zvernennia.core.chat.Channel;
import ua.zvernennia.core.chat.ChatKey;
import ua.zvernennia.core.citizen.Citizen;
import ua.zvernennia.core.citizen.CitizenStore;

/** Citizens by chat. Bound to one handle; not thread-safe. */
final class JdbiCitizenStore implements CitizenStore {
    private final Handle handle;

    JdbiCitizenStore(Handle handle) {
        this.handle = handle;
    }

    @Override
    public Optional<Citizen> find(ChatKey chat) {
        return handle.createQuery("SELECT * FROM citizen WHERE channel = :channel AND chat_id = :chat")
                .bind("channel", chat.channel().name())
                .bind("chat", chat.id())
                .map((rs, ctx) -> {
                    String first = rs.getString("first_name");
                    String last = rs.getString("last_name");
                    String phone = rs.getString("phone");
                    return new Citizen(
                            new ChatKey(Channel.valueOf(rs.getString("channel")), rs.getString("chat_id")),
                            Instant.ofEpochMilli(rs.getLong("consent_at")),
                            first == null || last == null ? null : new PersonName(first, last),
                            rs.getString("address"),
                            phone == null ? null : new Phone(phone),
                            rs.getBoolean("reachable"),
                            rs.getString("lang"));
                })
                .findOne();
    }

    @Override
    public void recordConsent(ChatKey chat, Instant at, String language) {
        if (find(chat).isPresent()) {
            return;
        }
        handle.createUpdate("INSERT INTO citizen (channel, chat_id, consent_at, lang, reachable, updated_at) "
                        + "VALUES (:channel, :chat, :at, :lang, TRUE, :at)")
                .bind("channel", chat.channel().name())
                .bind("chat", chat.id())
                .bind("at", at.toEpochMilli())
                .bind("lang", language)
                .execute();
    }

    @Override
    public void saveDetails(ChatKey chat, PersonName name, String address, Phone phone, Instant at) {
        handle.createUpdate(
                        "UPDATE citizen SET first_name = :first, last_name = :last, address = :address, phone = :phone, "
                                + "updated_at = :at WHERE channel = :channel AND chat_id = :chat")
                .bind("first", name.firstName())
                .bind("last", name.lastName())
                .bind("address", address)
                .bind("phone", phone.e164())
                .bind("at", at.toEpochMilli())
                .bind("channel", chat.channel().name())
                .bind("chat", chat.id())
                .execute();
    }

    @Override
    public void setLanguage(ChatKey chat, String language) {
        handle.createUpdate("UPDATE citizen SET lang = :lang WHERE channel = :channel AND chat_id = :chat")
                .bind("lang", language)
                .bind("channel", chat.channel().name())
                .bind("chat", chat.id())
                .execute();
    }

    @Override
    public boolean erase(ChatKey chat) {
        // Messages already sent (or given up) are never read again; their text may hold a summary.
        handle.createUpdate(
                        "UPDATE outbox SET payload = :blank, payload_erased_at = :at WHERE channel = :channel AND chat_id = :chat "
                                + "AND status <> 'PENDING' AND payload_erased_at IS NULL")
                .bind("blank", JdbiOutbox.BLANK)
                .bind("at", System.currentTimeMillis())
                .bind("channel", chat.channel().name())
                .bind("chat", chat.id())
                .execute();
        return handle.createUpdate("DELETE FROM citizen WHERE channel = :channel AND chat_id = :chat")
                        .bind("channel", chat.channel().name())
                        .bind("chat", chat.id())
                        .execute()
                > 0;
    }

    @Override
    public void setReachable(ChatKey chat, boolean reachable, String reason, Instant at) {
        handle.createUpdate("UPDATE citizen SET reachable = :reachable, unreachable_reason = :reason, updated_at = :at "
                        + "WHERE channel = :channel AND chat_id = :chat")
                .bind("reachable", reachable)
                .bind("reason", reachable ? null : truncate(reason, 500))
                .bind("at", at.toEpochMilli())
                .bind("channel", chat.channel().name())
                .bind("chat", chat.id())
                .execute();
    }

    static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
