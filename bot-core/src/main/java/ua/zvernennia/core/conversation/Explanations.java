package ua.zvernennia.core.conversation;

import ua.zvernennia.core.appeal.TextProblem;
import ua.zvernennia.core.appeal.TextRules;
import ua.zvernennia.core.chat.Event;

/** The bot's short explanations of input that does not fit, before the question is asked again. */
final class Explanations {
    private Explanations() {}

    /** A text rule's problem in the bot's words, with the length typed where it matters. */
    static String of(Texts t, TextProblem problem, String typed) {
        int length = typed.strip().codePointCount(0, typed.strip().length());
        return switch (problem) {
            case EMPTY -> t.get("error.empty");
            case DESCRIPTION_TOO_SHORT -> t.get("error.description.short", problem.limit());
            case DESCRIPTION_TOO_LONG -> t.get("error.description.long", length, problem.limit());
            case ADDRESS_TOO_SHORT -> t.get("error.address.short", problem.limit());
            case ADDRESS_TOO_LONG -> t.get("error.address.long", length, problem.limit());
            case NO_LETTERS -> t.get("error.no.letters");
        };
    }

    /**
     * Input the step does not take: why that kind of input is not for here, then the step's hint
     * ({@code hintKey}); a button not for here is a stale one.
     *
     * @param photosInDraft the photos the draft has already
     */
    static String wrongInput(Texts t, Event event, String hintKey, int photosInDraft) {
        String hint = t.get(hintKey);
        if (event instanceof Event.Unsupported u) {
            return t.get("unsupported." + u.kind()) + "\n" + hint;
        }
        if (event instanceof Event.PhotoSent) {
            // The usual case: the sixth photo of an album arriving after the fifth moved on.
            String why = photosInDraft >= TextRules.MAX_PHOTOS
                    ? t.get("photos.limit", TextRules.MAX_PHOTOS)
                    : t.get("error.photo.here");
            return why + "\n" + hint;
        }
        if (event instanceof Event.LocationShared) {
            return t.get("error.location.here") + "\n" + hint;
        }
        if (event instanceof Event.ContactShared) {
            return t.get("error.contact.here") + "\n" + hint;
        }
        if (event instanceof Event.ButtonPress) {
            return t.get("error.stale.button");
        }
        if (event instanceof Event.Text text && text.text().isBlank()) {
            return t.get("error.empty");
        }
        return hint;
    }
}
