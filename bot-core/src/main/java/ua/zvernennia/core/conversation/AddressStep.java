package ua.zvernennia.core.conversation;

import java.util.Optional;
import ua.zvernennia.core.appeal.TextProblem;
import ua.zvernennia.core.appeal.TextRules;
import ua.zvernennia.core.chat.Event;
import ua.zvernennia.core.chat.Keyboard;
import ua.zvernennia.core.chat.Reply;
import ua.zvernennia.core.citizen.Citizen;
import ua.zvernennia.core.conversation.ButtonId.Fixed;

/** ADDRESS: where the answer is sent, as the law requires; the one saved before is offered. */
final class AddressStep implements StepHandler {
    @Override
    public Reply question(StepContext c) {
        return Reply.of(
                c.questionText(),
                new Keyboard.Menu(c.savedAnswer(c.citizen().flatMap(Citizen::savedAddress)), 1, c.nav()));
    }

    @Override
    public void handle(StepContext c, Event event) {
        if (ButtonId.pressed(event) == Fixed.USE_SAVED
                && c.citizen().flatMap(Citizen::savedAddress).isPresent()) {
            c.advance(Step.PHONE, c.draft().withAddress(c.citizen().get().address()));
        } else if (event instanceof Event.Text text) {
            Optional<TextProblem> problem = TextRules.address(text.text());
            if (problem.isPresent()) {
                c.reask(c.describe(problem.get(), text.text()) + "\n" + c.text("error.address.example"));
                return;
            }
            c.advance(Step.PHONE, c.draft().withAddress(text.text().strip()));
        } else {
            c.refuse(event);
        }
    }
}
