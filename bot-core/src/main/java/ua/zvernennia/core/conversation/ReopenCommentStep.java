package ua.zvernennia.core.conversation;

import java.util.List;
import java.util.Optional;
import ua.zvernennia.core.appeal.Appeal;
import ua.zvernennia.core.appeal.AppealEvent;
import ua.zvernennia.core.appeal.AppealStatus;
import ua.zvernennia.core.appeal.TextProblem;
import ua.zvernennia.core.appeal.TextRules;
import ua.zvernennia.core.chat.Event;
import ua.zvernennia.core.chat.Keyboard;
import ua.zvernennia.core.chat.Reply;
import ua.zvernennia.core.conversation.ButtonId.Fixed;

/** REOPEN_COMMENT: the problem is not solved: what is still wrong; the appeal goes back to work. */
final class ReopenCommentStep implements StepHandler {
    @Override
    public Reply question(StepContext c) {
        return Reply.of(
                c.questionText(), new Keyboard.Menu(List.of(), 1, List.of(c.button(Fixed.BACK, "button.back"))));
    }

    @Override
    public void handle(StepContext c, Event event) {
        Appeal a = c.subjectAppeal().orElseThrow();
        if (!a.status().citizenMayReopen()) {
            c.appealMovedOn(a);
            return;
        }
        if (!(event instanceof Event.Text text)) {
            c.refuse(event);
            return;
        }
        Optional<TextProblem> problem = TextRules.description(text.text());
        if (problem.isPresent()) {
            c.reask(c.describe(problem.get(), text.text()));
            return;
        }
        c.ports()
                .appeals()
                .changeStatus(
                        a.number(),
                        a.status(),
                        AppealStatus.IN_PROGRESS,
                        AppealEvent.CITIZEN,
                        text.text().strip(),
                        null,
                        c.now());
        c.say(c.text("reopened", a.number()));
        c.about(Step.RATING, a);
    }
}
