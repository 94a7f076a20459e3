package ua.zvernennia.app.open311;

import ua.zvernennia.core.appeal.Appeal;
import ua.zvernennia.core.appeal.AppealEvent;
import ua.zvernennia.core.appeal.NewAppeal;
import ua.zvernennia.core.desk.OperatorDesk;
import ua.zvernennia.core.open311.Open311Store;

/**
 * Registers appeals of the WEB channel, a partner app's or the public web form's, through the
 * operators' desk (number, deadlines, history) and records where each came from, in one
 * transaction. Thread-safe.
 */
public final class WebRegistration {
    private final Open311Store store;
    private final OperatorDesk desk;

    public WebRegistration(Open311Store store, OperatorDesk desk) {
        this.store = store;
        this.desk = desk;
    }

    /**
     * @param actor  who registered it, as the history shows (cut to the history's limit)
     * @param source where it came from: a partner's name, or the web form
     */
    public Appeal register(NewAppeal appeal, String actor, String source, String comment) {
        String who = actor.length() > AppealEvent.MAX_ACTOR ? actor.substring(0, AppealEvent.MAX_ACTOR) : actor;
        return store.register(source, s -> desk.register(s, appeal, who, comment));
    }
}
