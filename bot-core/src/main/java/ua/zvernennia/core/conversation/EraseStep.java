package ua.zvernennia.core.conversation;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import ua.zvernennia.core.appeal.Appeal;
import ua.zvernennia.core.chat.Button;
import ua.zvernennia.core.chat.Event;
import ua.zvernennia.core.chat.Keyboard;
import ua.zvernennia.core.chat.Reply;
import ua.zvernennia.core.citizen.Erasure;
import ua.zvernennia.core.conversation.ButtonId.AppealAction;
import ua.zvernennia.core.conversation.ButtonId.Fixed;

/**
 * ERASE: is the citizen sure they want their data erased and their consent withdrawn? Open appeals
 * are kept until closed; the ones that may still be withdrawn are offered for it.
 */
final class EraseStep implements StepHandler {
    @Override
    public Reply question(StepContext c) {
        List<Appeal> open = c.ports().appeals().byChat(c.chat(), 100).stream()
                .filter(a -> !a.status().isClosed())
                .toList();
        var choices = new ArrayList<Button>();
        for (Appeal a : open) {
            if (a.status().citizenMayWithdraw()) {
                choices.add(Button.of(
                        new ButtonId.OnAppeal(AppealAction.WITHDRAW, a.number()).encode(),
                        c.text("button.withdraw.number", a.number().toString())));
            }
        }
        choices.add(c.button(Fixed.ERASE_YES, open.isEmpty() ? "button.erase.yes" : "button.erase.rest"));
        String text = open.isEmpty()
                ? c.questionText()
                : c.text(
                        "erase.ask.open",
                        open.stream().map(a -> "№ " + a.number()).collect(Collectors.joining(", ")));
        return Reply.of(text, new Keyboard.Menu(choices, 1, List.of(c.button(Fixed.BACK, "button.back"))));
    }

    @Override
    public void handle(StepContext c, Event event) {
        if (ButtonId.pressed(event) != Fixed.ERASE_YES) {
            c.refuse(event);
            return;
        }
        Erasure.Result result = Erasure.eraseChat(c.ports(), c.chat(), c.now());
        String open = result.keptOpen().stream().map(n -> "№ " + n).collect(Collectors.joining(", "));
        c.say(c.text("erase.done", result.anonymised().size())
                + (result.keptOpen().isEmpty() ? "" : "\n\n" + c.text("erase.kept.open", open)));
        // Consent withdrawn: the conversation starts again from the consent, in the citizen's language.
        c.startOver();
    }
}
