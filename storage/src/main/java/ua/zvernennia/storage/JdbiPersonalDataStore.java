package ua.zvernennia.storage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import ua.zvernennia.core.appeal.Appeal;
import ua.zvernennia.core.appeal.AppealNumber;
import ua.zvernennia.core.appeal.Phone;
import ua.zvernennia.core.appeal.PhotoRef;
import ua.zvernennia.core.chat.ChatKey;
import ua.zvernennia.core.citizen.Erasure;
import ua.zvernennia.core.conversation.ConversationState;
import ua.zvernennia.core.privacy.PersonalDataStore;

/**
 * {@link PersonalDataStore} over the database: the look-ups of {@link Retention}, and the core's
 * {@link Erasure} for each chat found. Every call is one transaction of the writer. Thread-safe.
 */
final class JdbiPersonalDataStore implements PersonalDataStore {
    private final Storage storage;

    JdbiPersonalDataStore(Storage storage) {
        this.storage = storage;
    }

    @Override
    public ErasedByPhone eraseByPhone(Phone phone, Instant now) {
        return storage.write(s -> {
            Set<ChatKey> chats = s.retention().chatsWithPhone(phone.e164());
            if (s.locks() != null) {
                // Where instances share the database: no turn of these chats (a withdrawal, a new
                // appeal) runs meanwhile on another instance, so what is kept open is what is open.
                s.locks().lockAll(chats);
            }
            var anonymised = new ArrayList<AppealNumber>();
            var open = new LinkedHashMap<AppealNumber, String>();
            int details = 0;
            for (ChatKey chat : chats) {
                Erasure.Result r = Erasure.eraseChat(s, chat, now);
                anonymised.addAll(r.anonymised());
                for (AppealNumber n : r.keptOpen()) {
                    open.put(n, s.appeals().find(n).map(a -> a.status().name()).orElse(""));
                }
                details += r.detailsErased() ? 1 : 0;
                s.conversations()
                        .load(chat)
                        .ifPresent(c -> s.conversations()
                                .save(
                                        chat,
                                        ConversationState.fresh()
                                                .withLanguage(c.language())
                                                .withVersion(c.version())));
            }
            // Appeals taken by phone, e-mail or in person, or filed from another chat with this number.
            for (AppealNumber n : s.retention().appealsWithPhone(phone.e164())) {
                Appeal a = s.appeals().find(n).orElseThrow();
                if (a.status().isClosed()) {
                    anonymise(s, a, now);
                    anonymised.add(n);
                } else {
                    open.put(n, a.status().name());
                }
            }
            return new ErasedByPhone(chats.size(), details, anonymised, open);
        });
    }

    @Override
    public List<AppealNumber> closedBefore(Instant cutoff, int limit) {
        return storage.read(s -> s.retention().closedBefore(cutoff, limit));
    }

    @Override
    public int anonymise(List<AppealNumber> appeals, Instant now) {
        return storage.write(s -> {
            for (AppealNumber n : appeals) {
                anonymise(s, s.appeals().find(n).orElseThrow(), now);
            }
            return appeals.size();
        });
    }

    @Override
    public int eraseSentBefore(Instant cutoff, Instant now, int limit) {
        return storage.write(s -> s.retention().eraseSentBefore(cutoff, now, limit));
    }

    /** The appeal's photos are erased with it; their files go once the erasure is committed. */
    private static void anonymise(JdbiStores s, Appeal a, Instant now) {
        s.media().erase(a.channel(), a.photos().stream().map(PhotoRef::fileId).toList());
        s.appeals().anonymise(a.number(), now);
    }
}
