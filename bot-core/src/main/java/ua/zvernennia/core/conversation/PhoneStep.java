package ua.zvernennia.core.conversation;

import java.util.ArrayList;
import java.util.Optional;
import ua.zvernennia.core.appeal.Phone;
import ua.zvernennia.core.chat.Event;
import ua.zvernennia.core.chat.Keyboard;
import ua.zvernennia.core.chat.Reply;
import ua.zvernennia.core.citizen.Citizen;
import ua.zvernennia.core.conversation.ButtonId.Fixed;

/** PHONE: a Ukrainian number, typed or shared as the citizen's own contact; the one saved before is offered. */
final class PhoneStep implements StepHandler {
    @Override
    public Reply question(StepContext c) {
        var others = new ArrayList<>(
                c.savedAnswer(c.citizen().flatMap(Citizen::savedPhone).map(Phone::e164)));
        others.addAll(c.nav());
        return Reply.of(c.questionText(), new Keyboard.RequestContact(c.text("button.share.phone"), others));
    }

    @Override
    public void handle(StepContext c, Event event) {
        if (ButtonId.pressed(event) == Fixed.USE_SAVED
                && c.citizen().flatMap(Citizen::savedPhone).isPresent()) {
            c.advance(Step.SUMMARY, c.draft().withPhone(c.citizen().get().phone()));
        } else if (event instanceof Event.ContactShared contact) {
            if (!contact.own()) {
                c.reask(c.text("error.phone.not.own"));
                return;
            }
            Optional<Phone> phone =
                    Phone.parse(contact.phone().startsWith("+") ? contact.phone() : "+" + contact.phone());
            if (phone.isEmpty()) {
                c.reask(c.text("error.phone.foreign"));
                return;
            }
            c.advance(Step.SUMMARY, c.draft().withPhone(phone.get()));
        } else if (event instanceof Event.Text text) {
            Optional<Phone> phone = Phone.parse(text.text());
            if (phone.isEmpty()) {
                c.reask(
                        text.text().isBlank()
                                ? c.text("error.empty") + "\n" + c.text("error.phone")
                                : c.text("error.phone"));
                return;
            }
            c.advance(Step.SUMMARY, c.draft().withPhone(phone.get()));
        } else {
            c.refuse(event);
        }
    }
}
