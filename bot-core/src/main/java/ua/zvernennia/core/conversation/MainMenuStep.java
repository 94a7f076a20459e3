package ua.zvernennia.core.conversation;

import java.util.List;
import java.util.Optional;
import ua.zvernennia.core.category.Category;
import ua.zvernennia.core.chat.Event;
import ua.zvernennia.core.chat.Keyboard;
import ua.zvernennia.core.chat.Reply;
import ua.zvernennia.core.conversation.ButtonId.Fixed;

/** MAIN_MENU: a new appeal, the citizen's appeals, their data, the language; a typed category starts an appeal. */
final class MainMenuStep implements StepHandler {
    @Override
    public Reply question(StepContext c) {
        return Reply.of(
                c.questionText(),
                new Keyboard.Menu(
                        List.of(
                                c.button(Fixed.NEW_APPEAL, "button.new"),
                                c.button(Fixed.MY_APPEALS, "button.mine"),
                                c.button(Fixed.HELP, "button.help"),
                                c.button(Fixed.LANGUAGE, "button.language"),
                                c.button(Fixed.MY_DATA, "button.my.data")),
                        1,
                        List.of()));
    }

    @Override
    public void handle(StepContext c, Event event) {
        ButtonId pressed = ButtonId.pressed(event);
        Optional<Category> typed =
                event instanceof Event.Text text ? c.categories().match(text.text(), c.language()) : Optional.empty();
        if (pressed == Fixed.NEW_APPEAL) {
            c.go(Step.CATEGORY, Draft.EMPTY, 0);
        } else if (pressed == Fixed.MY_APPEALS) {
            c.go(Step.MY_APPEALS, Draft.EMPTY, 0);
        } else if (pressed == Fixed.MY_DATA) {
            c.go(Step.MY_DATA, Draft.EMPTY, 0);
        } else if (pressed == Fixed.LANGUAGE) {
            c.switchLanguage();
            c.ports().citizens().setLanguage(c.chat(), c.language());
            c.go(Step.MAIN_MENU, Draft.EMPTY, 0);
        } else if (typed.isPresent()) {
            CategoryStep.choose(c, typed.get(), Draft.EMPTY);
        } else {
            c.refuse(event);
        }
    }
}
