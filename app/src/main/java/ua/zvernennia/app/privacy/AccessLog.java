package ua.zvernennia.app.privacy;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import ua.zvernennia.core.appeal.AppealNumber;
import ua.zvernennia.core.privacy.AccessLogStore;

/**
 * Records every read of a citizen's personal data by staff, through the API or the console: who,
 * when, what kind of look, which appeal. The entry is committed before the data is sent, so a
 * look that is not recorded does not happen. Thread-safe.
 */
public final class AccessLog {
    /** Where the look came from. */
    public enum Via {
        API,
        CONSOLE
    }

    /** What kind of look. */
    public enum Action {
        /** An appeal's details with the citizen's name, address and phone. */
        DETAIL,
        /** A list searched by text (a name, a phone, an address): one entry per appeal shown. */
        SEARCH,
        /** A photo the citizen sent. */
        PHOTO,
        /** The citizen's data erased on request. */
        ERASE
    }

    private final AccessLogStore store;
    private final Clock clock;

    public AccessLog(AccessLogStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public void read(String actor, Via via, Action action, List<AppealNumber> appeals) {
        Instant now = clock.instant();
        List<String> numbers = appeals.stream().map(AppealNumber::toString).toList();
        store.record(now, actor, via.name(), action.name(), numbers);
    }

    public void read(String actor, Via via, Action action, AppealNumber appeal) {
        read(actor, via, action, List.of(appeal));
    }

    /** An erasure on request, with the appeals it anonymised. */
    public void erased(String actor, Via via, List<AppealNumber> appeals) {
        read(actor, via, Action.ERASE, appeals);
    }
}
