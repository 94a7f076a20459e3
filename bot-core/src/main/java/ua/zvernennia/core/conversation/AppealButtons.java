package ua.zvernennia.core.conversation;

import java.util.Optional;
import java.util.function.Consumer;
import ua.zvernennia.core.appeal.Appeal;
import ua.zvernennia.core.appeal.AppealEvent;
import ua.zvernennia.core.appeal.AppealNumber;
import ua.zvernennia.core.appeal.AppealStatus;
import ua.zvernennia.core.conversation.ButtonId.AppealAction;

/**
 * The buttons that act on one registered appeal, named in their id, at whatever step they are
 * pressed: in the citizen's list, or in an operator's push that may be a while back. Showing an
 * appeal is «Мої звернення»'s own button; these are withdrawing, answering, «Чи вирішено?» and
 * the rating.
 */
final class AppealButtons {
    private AppealButtons() {}

    /** Handles a button that acts on an appeal; false for any other button. */
    static boolean press(StepContext c, ButtonId id) {
        if (id instanceof ButtonId.Rate rate) {
            onAppeal(c, rate.number(), a -> {
                c.ports().appeals().rate(a.number(), rate.rating());
                c.ports()
                        .appeals()
                        .addEvent(
                                a.number(),
                                AppealEvent.Kind.RATING,
                                AppealEvent.CITIZEN,
                                rate.rating().toString(),
                                c.now());
                c.say(c.text("rating.thanks"));
                c.resume();
            });
            return true;
        }
        if (!(id instanceof ButtonId.OnAppeal on) || on.action() == AppealAction.SHOW) {
            return false;
        }
        onAppeal(c, on.number(), a -> {
            switch (on.action()) {
                case WITHDRAW -> {
                    if (a.status().citizenMayWithdraw()) {
                        c.about(Step.WITHDRAW, a);
                    } else {
                        c.appealMovedOn(a);
                    }
                }
                case ANSWER -> {
                    if (!a.status().isClosed()) {
                        c.about(Step.ANSWER, a);
                    } else {
                        c.appealMovedOn(a);
                    }
                }
                case SOLVED -> {
                    if (a.status() == AppealStatus.RESOLVED) {
                        c.ports()
                                .appeals()
                                .addEvent(
                                        a.number(), AppealEvent.Kind.FEEDBACK, AppealEvent.CITIZEN, "solved", c.now());
                        c.say(c.text("solved.thanks"));
                        c.about(Step.RATING, a);
                    } else {
                        c.appealMovedOn(a);
                    }
                }
                case NOT_SOLVED -> {
                    if (a.status().citizenMayReopen()) {
                        c.about(Step.REOPEN_COMMENT, a);
                    } else {
                        c.appealMovedOn(a);
                    }
                }
                default -> throw new IllegalStateException("not an action on an appeal here: " + on.action());
            }
        });
        return true;
    }

    /** Runs {@code action} on the chat's own appeal of that number, or says the button is stale. */
    private static void onAppeal(StepContext c, AppealNumber number, Consumer<Appeal> action) {
        Optional<Appeal> appeal =
                c.ports().appeals().find(number).filter(a -> c.chat().equals(a.chat()));
        if (appeal.isEmpty()) {
            c.reask(c.text("error.stale.button"));
            return;
        }
        action.accept(appeal.get());
    }
}
