package ua.zvernennia.core.conversation;

import java.util.List;
import ua.zvernennia.core.appeal.Appeal;
import ua.zvernennia.core.appeal.AppealEvent;
import ua.zvernennia.core.appeal.AppealStatus;
import ua.zvernennia.core.chat.Event;
import ua.zvernennia.core.chat.Keyboard;
import ua.zvernennia.core.chat.Reply;
import ua.zvernennia.core.conversation.ButtonId.Fixed;

/** WITHDRAW: is the citizen sure they want to withdraw the appeal (the state's subject)? */
final class WithdrawStep implements StepHandler {
    @Override
    public Reply question(StepContext c) {
        return Reply.of(
                c.questionText(c.state().subject()),
                new Keyboard.Menu(
                        List.of(c.button(Fixed.WITHDRAW_YES, "button.withdraw.yes")),
                        1,
                        List.of(c.button(Fixed.BACK, "button.back"))));
    }

    @Override
    public void handle(StepContext c, Event event) {
        if (ButtonId.pressed(event) != Fixed.WITHDRAW_YES) {
            c.refuse(event);
            return;
        }
        Appeal a = c.subjectAppeal().orElseThrow();
        if (!a.status().citizenMayWithdraw()) {
            c.appealMovedOn(a);
            return;
        }
        c.ports()
                .appeals()
                .changeStatus(a.number(), a.status(), AppealStatus.WITHDRAWN, AppealEvent.CITIZEN, null, null, c.now());
        c.say(c.text("withdrawn", a.number()));
        c.go(Step.MY_APPEALS, Draft.EMPTY, 0);
    }
}
