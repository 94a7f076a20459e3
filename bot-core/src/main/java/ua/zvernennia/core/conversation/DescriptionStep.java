package ua.zvernennia.core.conversation;

import java.util.List;
import java.util.Optional;
import ua.zvernennia.core.appeal.TextProblem;
import ua.zvernennia.core.appeal.TextRules;
import ua.zvernennia.core.chat.Event;
import ua.zvernennia.core.chat.Keyboard;
import ua.zvernennia.core.chat.Reply;

/** DESCRIPTION: the problem in the citizen's words; a photo with a caption is both a photo and the description. */
final class DescriptionStep implements StepHandler {
    @Override
    public Reply question(StepContext c) {
        return Reply.of(
                c.questionText(TextRules.MIN_DESCRIPTION, TextRules.MAX_DESCRIPTION),
                new Keyboard.Menu(List.of(), 2, c.nav()));
    }

    @Override
    public void handle(StepContext c, Event event) {
        Draft draft = c.draft();
        if (event instanceof Event.Text text) {
            Optional<TextProblem> problem = TextRules.description(text.text());
            if (problem.isPresent()) {
                c.reask(c.describe(problem.get(), text.text()));
                return;
            }
            toPhotos(c, draft.withDescription(text.text().strip()));
        } else if (event instanceof Event.PhotoSent photo) {
            if (draft.photos().size() >= TextRules.MAX_PHOTOS) {
                c.reask(c.text("photos.limit", TextRules.MAX_PHOTOS));
                return;
            }
            draft = draft.withPhoto(c.keep(photo));
            Optional<TextProblem> problem =
                    photo.caption().isBlank() ? Optional.empty() : TextRules.description(photo.caption());
            if (!photo.caption().isBlank() && problem.isEmpty()) {
                toPhotos(c, draft.withDescription(photo.caption().strip()));
            } else {
                c.stay(draft);
                // A caption that cannot be the description is not dropped without a word.
                c.reask(c.text("description.photo.kept")
                        + problem.map(p -> "\n" + c.describe(p, photo.caption()))
                                .orElse(""));
            }
        } else {
            c.refuse(event);
        }
    }

    /** After the description: photos, unless those sent with it already fill the limit. */
    private static void toPhotos(StepContext c, Draft draft) {
        if (draft.photos().size() >= TextRules.MAX_PHOTOS && !draft.editing()) {
            c.say(c.text("photos.full", TextRules.MAX_PHOTOS));
            c.advance(Step.PLACE, draft);
        } else {
            c.advance(Step.PHOTOS, draft);
        }
    }
}
