package ua.zvernennia.core.citizen;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import ua.zvernennia.core.appeal.Appeal;
import ua.zvernennia.core.appeal.AppealNumber;
import ua.zvernennia.core.appeal.PhotoRef;
import ua.zvernennia.core.chat.ChatKey;
import ua.zvernennia.core.conversation.ConversationPorts;

/**
 * A citizen's data erased, when they withdraw their consent in the bot or ask in writing: the
 * citizen's saved details and consent go, closed appeals are anonymised (name, address, phone,
 * chat, description, the citizen's answers, photos), and open appeals are kept as they are,
 * because the law on citizens' appeals needs them while the appeal is considered. Counts for the
 * statistics (channel, category, status, dates) stay. Stateless.
 */
public final class Erasure {
    /**
     * What was done.
     *
     * @param anonymised    closed appeals whose personal data was erased
     * @param keptOpen      open appeals kept whole until they are closed (or withdrawn)
     * @param detailsErased whether the citizen's saved details and consent were on record
     */
    public record Result(List<AppealNumber> anonymised, List<AppealNumber> keptOpen, boolean detailsErased) {
        public Result {
            anonymised = List.copyOf(anonymised);
            keptOpen = List.copyOf(keptOpen);
        }
    }

    /** Every appeal a chat may have; more is not plausible for one citizen. */
    private static final int ALL = 100_000;

    private Erasure() {}

    /** Erases what is kept about the citizen of {@code chat}, in the caller's transaction. */
    public static Result eraseChat(ConversationPorts ports, ChatKey chat, Instant now) {
        var anonymised = new ArrayList<AppealNumber>();
        var open = new ArrayList<AppealNumber>();
        Set<String> keepPhotos = new HashSet<>();
        for (Appeal a : ports.appeals().byChat(chat, ALL)) {
            if (a.status().isClosed()) {
                ports.appeals().anonymise(a.number(), now);
                anonymised.add(a.number());
            } else {
                open.add(a.number());
                a.photos().stream().map(PhotoRef::fileId).forEach(keepPhotos::add);
            }
        }
        ports.media().eraseChat(chat, keepPhotos);
        boolean erased = ports.citizens().erase(chat);
        java.util.Collections.reverse(anonymised);
        java.util.Collections.reverse(open);
        return new Result(anonymised, open, erased);
    }
}
