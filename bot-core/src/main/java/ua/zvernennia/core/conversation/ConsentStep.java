package ua.zvernennia.core.conversation;

import java.util.List;
import ua.zvernennia.core.chat.Event;
import ua.zvernennia.core.chat.Keyboard;
import ua.zvernennia.core.chat.Reply;
import ua.zvernennia.core.conversation.ButtonId.Fixed;

/** CONSENT: may the city keep the citizen's data? Nothing is stored before a yes. */
final class ConsentStep implements StepHandler {
    @Override
    public Reply question(StepContext c) {
        return Reply.of(
                c.questionText(),
                new Keyboard.Menu(
                        List.of(
                                c.button(Fixed.CONSENT_YES, "button.consent.yes"),
                                c.button(Fixed.CONSENT_NO, "button.consent.no"),
                                c.button(Fixed.LANGUAGE, "button.language")),
                        1,
                        List.of()));
    }

    @Override
    public void handle(StepContext c, Event event) {
        ButtonId pressed = ButtonId.pressed(event);
        if (pressed == Fixed.CONSENT_YES) {
            c.consented();
            c.say(c.text("consent.thanks"));
            c.go(Step.MAIN_MENU, Draft.EMPTY, 0);
        } else if (pressed == Fixed.CONSENT_NO) {
            c.say(c.text("consent.declined"));
        } else if (pressed == Fixed.LANGUAGE) {
            c.switchLanguage();
            c.go(Step.CONSENT, Draft.EMPTY, 0);
        } else {
            c.refuse(event);
        }
    }
}
