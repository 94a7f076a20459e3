package ua.zvernennia.core.appeal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import ua.zvernennia.core.chat.ChatKey;

/** Port: appeals. Used inside a unit of work only; not thread-safe by itself. */
public interface AppealStore {
    /**
     * Registers the appeal under the next number of the year of {@code createdAt}, with its
     * deadlines and a first history entry. Numbers are unique under concurrent submissions.
     */
    Appeal submit(NewAppeal appeal, Instant createdAt, Instant deadline, Instant legalDeadline);

    Optional<Appeal> find(AppealNumber number);

    /** The chat's appeals, newest first. */
    List<Appeal> byChat(ChatKey chat, int limit);
}
