package ua.zvernennia.core.conversation;

import java.util.List;
import ua.zvernennia.core.appeal.TextRules;
import ua.zvernennia.core.chat.Event;
import ua.zvernennia.core.chat.Keyboard;
import ua.zvernennia.core.chat.Reply;
import ua.zvernennia.core.conversation.ButtonId.Fixed;

/** PHOTOS: up to five photos of the problem, or none; the fifth moves on by itself. */
final class PhotosStep implements StepHandler {
    @Override
    public Reply question(StepContext c) {
        Draft d = c.draft();
        String text = d.photos().isEmpty()
                ? c.questionText(TextRules.MAX_PHOTOS)
                : d.photos().size() >= TextRules.MAX_PHOTOS
                        ? c.text("photos.full", TextRules.MAX_PHOTOS) + " " + c.text("photos.done.ask")
                        : c.text("photos.more", d.photos().size(), TextRules.MAX_PHOTOS);
        return Reply.of(
                text,
                new Keyboard.Menu(
                        d.photos().isEmpty()
                                ? List.of(c.button(Fixed.PHOTOS_DONE, "button.photos.skip"))
                                : List.of(
                                        c.button(Fixed.PHOTOS_DONE, "button.photos.done"),
                                        c.button(Fixed.PHOTOS_CLEAR, "button.photos.clear")),
                        1,
                        c.nav()));
    }

    @Override
    public void handle(StepContext c, Event event) {
        Draft draft = c.draft();
        ButtonId pressed = ButtonId.pressed(event);
        if (pressed == Fixed.PHOTOS_DONE) {
            c.advance(Step.PLACE, draft);
        } else if (pressed == Fixed.PHOTOS_CLEAR && !draft.photos().isEmpty()) {
            c.stay(draft.withoutPhotos());
            c.ask();
        } else if (event instanceof Event.PhotoSent photo) {
            if (draft.photos().size() >= TextRules.MAX_PHOTOS) {
                c.reask(c.text("photos.limit", TextRules.MAX_PHOTOS));
                return;
            }
            draft = draft.withPhoto(c.keep(photo));
            if (draft.photos().size() == TextRules.MAX_PHOTOS) {
                c.say(c.text("photos.full", TextRules.MAX_PHOTOS));
                c.advance(Step.PLACE, draft);
            } else {
                c.stay(draft);
                c.ask();
            }
        } else {
            c.refuse(event);
        }
    }
}
