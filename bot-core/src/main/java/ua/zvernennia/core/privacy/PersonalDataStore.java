package ua.zvernennia.core.privacy;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ua.zvernennia.core.appeal.AppealNumber;
import ua.zvernennia.core.appeal.Phone;

/**
 * Port: personal data that is not kept for ever. Erasure on a citizen's written request, found by
 * their phone number, by the same rules as «Видалити мої дані» in the bot
 * ({@link ua.zvernennia.core.citizen.Erasure}); and the retention job's batches. Each call is one
 * transaction that touches only rows not yet done, so instances running the same batch at once
 * do it at most twice, harmlessly. Thread-safe.
 */
public interface PersonalDataStore {
    /**
     * What an erasure by phone erased and kept.
     *
     * @param chats        messenger chats whose saved details, consent and conversation were erased
     * @param savedDetails how many of them had saved details and consent on record
     * @param anonymised   closed appeals anonymised
     * @param keptOpen     open appeals kept, by number, with their status: the law on citizens'
     *                     appeals needs their data until they are considered
     */
    record ErasedByPhone(
            int chats, int savedDetails, List<AppealNumber> anonymised, Map<AppealNumber, String> keptOpen) {
        public ErasedByPhone {
            anonymised = List.copyOf(anonymised);
            keptOpen = Collections.unmodifiableMap(new LinkedHashMap<>(keptOpen));
        }

        /** True when nothing at all was kept under the number. */
        public boolean nothing() {
            return chats == 0 && anonymised.isEmpty() && keptOpen.isEmpty();
        }
    }

    /**
     * Every chat that saved the number or filed an appeal with it loses its saved details, consent
     * and conversation; closed appeals with the number are anonymised (photos too); open ones are
     * kept.
     */
    ErasedByPhone eraseByPhone(Phone phone, Instant now);

    /** Closed appeals, closed before {@code cutoff}, not yet anonymised; the oldest first. */
    List<AppealNumber> closedBefore(Instant cutoff, int limit);

    /** Anonymises these appeals and erases their photos; returns how many. */
    int anonymise(List<AppealNumber> appeals, Instant now);

    /** Erases the text of up to {@code limit} messages sent (or given up) before {@code cutoff}; returns how many. */
    int eraseSentBefore(Instant cutoff, Instant now, int limit);
}
