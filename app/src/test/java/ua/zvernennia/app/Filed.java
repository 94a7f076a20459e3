package ua.zvernennia.app;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import ua.zvernennia.core.appeal.Appeal;
import ua.zvernennia.core.appeal.NewAppeal;
import ua.zvernennia.core.appeal.PersonName;
import ua.zvernennia.core.appeal.Phone;
import ua.zvernennia.core.appeal.PhotoRef;
import ua.zvernennia.core.chat.ChatKey;
import ua.zvernennia.core.engine.Stores;

/**
 * Appeals filed straight into a running app's storage, as the bot files them at a citizen's
 * confirmation, for the tests of what comes after (operators, executors, erasure). The citizen
 * is Олена Коваленко at вул. Шевченка, 5, кв. 12 unless a test says otherwise.
 */
record Filed(
        String category,
        String issueType,
        String description,
        List<PhotoRef> photos,
        PersonName name,
        Phone phone,
        Duration deadlineIn,
        boolean consent,
        Instant at) {

    /** An appeal of {@code category} with this description, no photos, a deadline in 6 hours. */
    static Filed appeal(String category, String description) {
        return new Filed(
                category,
                null,
                description,
                List.of(),
                new PersonName("Олена", "Коваленко"),
                new Phone("+380501234567"),
                Duration.ofHours(6),
                true,
                null);
    }

    Filed withPhotos(List<PhotoRef> photos) {
        return new Filed(category, issueType, description, photos, name, phone, deadlineIn, consent, at);
    }

    Filed by(PersonName name, Phone phone) {
        return new Filed(category, issueType, description, photos, name, phone, deadlineIn, consent, at);
    }

    Filed dueIn(Duration deadlineIn) {
        return new Filed(category, issueType, description, photos, name, phone, deadlineIn, consent, at);
    }

    /** Of this issue type of its category. */
    Filed ofType(String issueType) {
        return new Filed(category, issueType, description, photos, name, phone, deadlineIn, consent, at);
    }

    /** Filed at {@code at} (its deadline {@link #deadlineIn} after it) instead of now. */
    Filed at(Instant at) {
        return new Filed(category, issueType, description, photos, name, phone, deadlineIn, consent, at);
    }

    /** Without the citizen's consent recorded first. */
    Filed withoutConsent() {
        return new Filed(category, issueType, description, photos, name, phone, deadlineIn, false, at);
    }

    /** Files it from {@code chat} in one unit of work: the consent, the photos, the appeal. */
    Appeal in(App app, ChatKey chat) {
        return app.storage().unitOfWork().run(s -> in(s, chat));
    }

    /** Files it from {@code chat} in the caller's unit of work. */
    Appeal in(Stores s, ChatKey chat) {
        Instant now = at != null ? at : Instant.now();
        if (consent) {
            s.citizens().recordConsent(chat, now, "uk");
        }
        photos.forEach(p -> s.media().keep(chat, p, now));
        return s.appeals()
                .submit(
                        new NewAppeal(
                                chat.channel(),
                                chat,
                                s.categories().find(category).orElseThrow(),
                                issueType,
                                description,
                                photos,
                                null,
                                "вул. Січових Стрільців, 12",
                                name,
                                "вул. Шевченка, 5, кв. 12",
                                phone),
                        now,
                        now.plus(deadlineIn),
                        now.plus(Duration.ofDays(30)));
    }
}
