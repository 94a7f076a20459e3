package ua.zvernennia.core.conversation;

import java.util.List;
import ua.zvernennia.core.appeal.AppealNumber;
import ua.zvernennia.core.chat.Button;
import ua.zvernennia.core.chat.Event;
import ua.zvernennia.core.chat.Keyboard;
import ua.zvernennia.core.chat.Reply;
import ua.zvernennia.core.conversation.ButtonId.AppealAction;

/**
 * SOLVED: after an operator resolved the appeal, is the problem solved? Its two buttons name the
 * appeal and work at any step ({@link AppealButtons}); nothing else is an answer here.
 */
final class SolvedStep implements StepHandler {
    /** The question about appeal {@code number}; an operator's push asks it. */
    static Reply question(Texts t, AppealNumber n) {
        return Reply.of(
                t.get(Steps.TABLE.row(Step.SOLVED).question()),
                new Keyboard.Menu(
                        List.of(
                                Button.of(
                                        new ButtonId.OnAppeal(AppealAction.SOLVED, n).encode(),
                                        t.get("button.solved.yes")),
                                Button.of(
                                        new ButtonId.OnAppeal(AppealAction.NOT_SOLVED, n).encode(),
                                        t.get("button.solved.no"))),
                        2,
                        List.of()));
    }

    @Override
    public Reply question(StepContext c) {
        return question(c.texts(), AppealNumber.parse(c.state().subject()).orElseThrow());
    }

    @Override
    public void handle(StepContext c, Event event) {
        c.refuse(event);
    }
}
