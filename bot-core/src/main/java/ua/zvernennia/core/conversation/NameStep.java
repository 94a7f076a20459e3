package ua.zvernennia.core.conversation;

import java.util.Optional;
import ua.zvernennia.core.appeal.PersonName;
import ua.zvernennia.core.chat.Event;
import ua.zvernennia.core.chat.Keyboard;
import ua.zvernennia.core.chat.Reply;
import ua.zvernennia.core.citizen.Citizen;
import ua.zvernennia.core.conversation.ButtonId.Fixed;

/** NAME: the citizen's name and surname, as the law on citizens' appeals requires; the one saved before is offered. */
final class NameStep implements StepHandler {
    @Override
    public Reply question(StepContext c) {
        return Reply.of(
                c.questionText(),
                new Keyboard.Menu(
                        c.savedAnswer(c.citizen().flatMap(Citizen::savedName).map(PersonName::full)), 1, c.nav()));
    }

    @Override
    public void handle(StepContext c, Event event) {
        if (ButtonId.pressed(event) == Fixed.USE_SAVED
                && c.citizen().flatMap(Citizen::savedName).isPresent()) {
            c.advance(Step.ADDRESS, c.draft().withName(c.citizen().get().name()));
        } else if (event instanceof Event.Text text) {
            Optional<PersonName> name = PersonName.parse(text.text());
            if (name.isEmpty()) {
                c.reask(problem(c, text.text()));
                return;
            }
            c.advance(Step.ADDRESS, c.draft().withName(name.get()));
        } else {
            c.refuse(event);
        }
    }

    private static String problem(StepContext c, String typed) {
        String s = typed.strip();
        if (s.isEmpty()) {
            return c.text("error.empty");
        }
        int space = s.indexOf(' ');
        if (s.length() > 2 * PersonName.MAX_PART + 1
                || space > PersonName.MAX_PART
                || s.length() - space - 1 > PersonName.MAX_PART) {
            return c.text("error.name.long");
        }
        if (!s.contains(" ") && s.codePoints().allMatch(ch -> Character.isLetter(ch) || "-'ʼ’".indexOf(ch) >= 0)) {
            return c.text("error.name.two.words");
        }
        return c.text("error.name.letters");
    }
}
