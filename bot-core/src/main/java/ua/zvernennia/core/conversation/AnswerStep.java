package ua.zvernennia.core.conversation;

import java.util.List;
import java.util.Optional;
import ua.zvernennia.core.appeal.Appeal;
import ua.zvernennia.core.appeal.AppealEvent;
import ua.zvernennia.core.appeal.TextProblem;
import ua.zvernennia.core.appeal.TextRules;
import ua.zvernennia.core.chat.Button;
import ua.zvernennia.core.chat.Event;
import ua.zvernennia.core.chat.Keyboard;
import ua.zvernennia.core.chat.Reply;
import ua.zvernennia.core.conversation.ButtonId.Fixed;

/** ANSWER: the citizen answers an operator's question about the appeal (NEEDS_INFO), in text and photos. */
final class AnswerStep implements StepHandler {
    /** Photos an appeal may have with those the citizen adds to answers. */
    static final int MAX_PHOTOS_WITH_ANSWERS = 2 * TextRules.MAX_PHOTOS;

    /** The question about appeal {@code number}; an operator's push asks it too. */
    static Reply question(Texts t, String number) {
        return Reply.of(
                t.get(Steps.TABLE.row(Step.ANSWER).question(), number),
                new Keyboard.Menu(
                        List.of(Button.of(Fixed.ANSWER_DONE.encode(), t.get("button.answer.done"))), 1, List.of()));
    }

    @Override
    public Reply question(StepContext c) {
        return question(c.texts(), c.state().subject());
    }

    @Override
    public void handle(StepContext c, Event event) {
        Appeal a = c.subjectAppeal().orElseThrow();
        if (ButtonId.pressed(event) == Fixed.ANSWER_DONE) {
            c.say(c.text("answer.done"));
            c.resume();
            return;
        }
        if (a.status().isClosed()) {
            c.appealMovedOn(a);
            return;
        }
        if (event instanceof Event.Text text) {
            Optional<TextProblem> problem = TextRules.description(text.text());
            if (problem.isPresent()) {
                c.reask(c.describe(problem.get(), text.text()));
                return;
            }
            c.ports()
                    .appeals()
                    .addEvent(
                            a.number(),
                            AppealEvent.Kind.ANSWER,
                            AppealEvent.CITIZEN,
                            text.text().strip(),
                            c.now());
            c.reply(Reply.of(c.text("answer.saved", a.number()), c.question().keyboard()));
        } else if (event instanceof Event.PhotoSent photo) {
            if (a.photos().size() >= MAX_PHOTOS_WITH_ANSWERS) {
                c.reask(c.text("photos.limit", MAX_PHOTOS_WITH_ANSWERS));
                return;
            }
            int index = c.ports().appeals().addPhoto(a.number(), c.keep(photo));
            String caption =
                    photo.caption().isBlank() ? "" : ": " + photo.caption().strip();
            c.ports()
                    .appeals()
                    .addEvent(
                            a.number(),
                            AppealEvent.Kind.ANSWER,
                            AppealEvent.CITIZEN,
                            Texts.shortened("photo " + index + caption, AppealEvent.MAX_NOTE),
                            c.now());
            c.reply(Reply.of(c.text("answer.saved", a.number()), c.question().keyboard()));
        } else {
            c.refuse(event);
        }
    }
}
