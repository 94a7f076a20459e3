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

    /**
     * Moves the appeal from {@code from} to {@code to}: sets closed_at when {@code to} is closed
     * and clears it otherwise, and writes the change to the history. Returns the entry's id.
     *
     * @param outboxId the message telling the citizen, or null when none is sent
     * @throws StatusMovedException when the appeal is not (or no longer) in {@code from}
     */
    long changeStatus(
            AppealNumber number,
            AppealStatus from,
            AppealStatus to,
            String actor,
            String note,
            Long outboxId,
            Instant at);

    /** Writes an entry other than a status change (an answer, a rating...) to the history; returns its id. */
    long addEvent(AppealNumber number, AppealEvent.Kind kind, String actor, String note, Instant at);

    /** The appeal's history, oldest first. */
    List<AppealEvent> history(AppealNumber number);

    /**
     * Adds a photo the citizen sent later (with an answer) after the appeal's photos; returns its
     * index among them.
     */
    int addPhoto(AppealNumber number, PhotoRef photo);

    /**
     * Erases the personal data of a (closed) appeal: the name, address and phone are replaced by
     * {@link #ANONYMOUS_NAME} and {@link #ANONYMOUS_PHONE}, the description by a placeholder, the
     * chat is forgotten and the citizen's answers in the history are cleared. What statistics
     * count (channel, category, executor, status, dates) stays. Doing it twice changes nothing.
     */
    void anonymise(AppealNumber number, Instant at);

    /** The name an anonymised appeal shows. */
    PersonName ANONYMOUS_NAME = new PersonName("Знеособлено", "Знеособлено");
    /** The phone an anonymised appeal shows: no real number. */
    Phone ANONYMOUS_PHONE = new Phone("+380000000000");
    /** The address and description an anonymised appeal shows. */
    String ANONYMOUS_TEXT = "знеособлено";

    /** Records the citizen's rating of how their appeal was handled; a later one replaces it. */
    void rate(AppealNumber number, Rating rating);
}
