package ua.zvernennia.core.conversation;

import java.util.List;
import ua.zvernennia.core.appeal.Appeal;
import ua.zvernennia.core.appeal.PersonName;
import ua.zvernennia.core.appeal.Phone;
import ua.zvernennia.core.chat.Event;
import ua.zvernennia.core.chat.Keyboard;
import ua.zvernennia.core.chat.Reply;
import ua.zvernennia.core.citizen.Citizen;
import ua.zvernennia.core.conversation.ButtonId.Fixed;

/** MY_DATA: «🔐 Мої дані», what is kept about the citizen, with the way to erase it. */
final class MyDataStep implements StepHandler {
    @Override
    public Reply question(StepContext c) {
        Citizen citizen = c.citizen().orElseThrow();
        String none = c.text("mydata.none");
        List<Appeal> appeals = c.ports().appeals().byChat(c.chat(), 100);
        long open = appeals.stream().filter(a -> !a.status().isClosed()).count();
        String text = c.questionText(
                c.chat().channel().name(),
                c.when(citizen.consentAt()),
                citizen.savedName().map(PersonName::full).orElse(none),
                citizen.savedAddress().orElse(none),
                citizen.savedPhone().map(Phone::e164).orElse(none),
                appeals.size(),
                open);
        return Reply.of(
                text,
                new Keyboard.Menu(
                        List.of(c.button(Fixed.ERASE, "button.erase")),
                        1,
                        List.of(c.button(Fixed.BACK, "button.back"))));
    }

    @Override
    public void handle(StepContext c, Event event) {
        if (ButtonId.pressed(event) == Fixed.ERASE) {
            c.go(Step.ERASE, Draft.EMPTY, 0);
        } else {
            c.refuse(event);
        }
    }
}
