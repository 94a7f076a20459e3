package ua.zvernennia.app.privacy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import ua.zvernennia.core.appeal.Appeal;
import ua.zvernennia.core.appeal.AppealNumber;
import ua.zvernennia.core.appeal.Phone;
import ua.zvernennia.core.appeal.PhotoRef;
import ua.zvernennia.core.chat.ChatKey;
import ua.zvernennia.core.citizen.Erasure;
import ua.zvernennia.core.conversation.ConversationState;
import ua.zvernennia.storage.Storage;

/**
 * Erasure on a citizen's written request, found by their phone number: for the API and the
 * console, by the same rules as «Видалити мої дані» in the bot ({@link Erasure}). Every chat that
 * saved the number or filed an appeal with it loses its saved details, consent and conversation;
 * closed appeals with the number are anonymised; open ones are kept, and the answer says why.
 * Thread-safe.
 */
public final class CitizenErasure {
    /** Why an open appeal is kept. */
    public static final String KEPT_OPEN = "open: the law on citizens' appeals needs its data until it is considered; "
            + "erase again once it is closed (or the citizen withdraws it)";

    /**
     * What was erased and what was kept.
     *
     * @param chats          messenger chats whose saved details, consent and conversation were erased
     * @param savedDetails   how many of them had saved details and consent on record
     * @param anonymised     closed appeals anonymised
     * @param keptOpen       open appeals kept, by number, with their status
     */
    public record Outcome(int chats, int savedDetails, List<AppealNumber> anonymised, Map<AppealNumber, String> keptOpen) {
        public Outcome {
            anonymised = List.copyOf(anonymised);
            keptOpen = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(keptOpen));
        }
    }

    private CitizenErasure() {
    }

    public static Outcome byPhone(Storage storage, Phone phone, Instant now) {
        return storage.write(s -> {
            Set<ChatKey> chats = s.retention().chatsWithPhone(phone.e164());
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
                s.conversations().load(chat).ifPresent(c -> s.conversations().save(chat,
                        ConversationState.fresh().withLanguage(c.language()).withVersion(c.version())));
            }
            // Appeals taken by phone, e-mail or in person, or filed from another chat with this number.
            for (AppealNumber n : s.retention().appealsWithPhone(phone.e164())) {
                Appeal a = s.appeals().find(n).orElseThrow();
                if (a.status().isClosed()) {
                    s.media().erase(a.channel(), a.photos().stream().map(PhotoRef::fileId).toList());
                    s.appeals().anonymise(n, now);
                    anonymised.add(n);
                } else {
                    open.put(n, a.status().name());
                }
            }
            return new Outcome(chats.size(), details, anonymised, open);
        });
    }
}
