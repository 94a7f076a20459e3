package ua.zvernennia.core.citizen;

import java.time.Instant;
import java.util.Optional;
import ua.zvernennia.core.appeal.PersonName;
import ua.zvernennia.core.appeal.Phone;
import ua.zvernennia.core.chat.ChatKey;

/** Port: citizens by chat. Used inside a unit of work only; not thread-safe by itself. */
public interface CitizenStore {
    Optional<Citizen> find(ChatKey chat);

    /** Creates the citizen with their consent; the first personal record about them. */
    void recordConsent(ChatKey chat, Instant at, String language);

    void saveDetails(ChatKey chat, PersonName name, String address, Phone phone, Instant at);

    void setLanguage(ChatKey chat, String language);

    /**
     * Forgets the citizen: their consent, language and saved details, and the text of messages
     * already sent to the chat (summaries carry their name, address and phone). Messages not yet
     * sent stay. Returns whether there was a citizen to forget.
     */
    boolean erase(ChatKey chat);

    /** Marks the chat reachable or not; a chat without a citizen row is ignored. */
    void setReachable(ChatKey chat, boolean reachable, String reason, Instant at);
}
