package ua.zvernennia.core.conversation;

import java.util.ArrayList;
import java.util.Optional;
import ua.zvernennia.core.appeal.GeoPoint;
import ua.zvernennia.core.appeal.TextProblem;
import ua.zvernennia.core.appeal.TextRules;
import ua.zvernennia.core.chat.Button;
import ua.zvernennia.core.chat.Event;
import ua.zvernennia.core.chat.Keyboard;
import ua.zvernennia.core.chat.Reply;
import ua.zvernennia.core.conversation.ButtonId.Fixed;

/** PLACE: where the problem is: a shared location, a typed address, or the citizen's own address. */
final class PlaceStep implements StepHandler {
    @Override
    public Reply question(StepContext c) {
        var others = new ArrayList<Button>();
        others.add(c.button(Fixed.PLACE_HOME, "button.place.home"));
        others.addAll(c.nav());
        return Reply.of(c.questionText(), new Keyboard.RequestLocation(c.text("button.share.location"), others));
    }

    @Override
    public void handle(StepContext c, Event event) {
        Draft draft = c.draft();
        if (event instanceof Event.LocationShared loc) {
            GeoPoint point;
            try {
                point = new GeoPoint(loc.latitude(), loc.longitude());
            } catch (IllegalArgumentException e) {
                c.reask(c.text("error.place"));
                return;
            }
            c.advance(Step.NAME, draft.withPlace(point, null, false));
        } else if (ButtonId.pressed(event) == Fixed.PLACE_HOME) {
            c.advance(Step.NAME, draft.withPlace(null, null, true));
        } else if (event instanceof Event.Text text) {
            Optional<TextProblem> problem = TextRules.address(text.text());
            if (problem.isPresent()) {
                c.reask(c.describe(problem.get(), text.text()) + "\n" + c.text("error.place"));
                return;
            }
            c.advance(Step.NAME, draft.withPlace(null, text.text().strip(), false));
        } else {
            c.refuse(event);
        }
    }
}
