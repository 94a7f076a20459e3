package ua.zvernennia.core.conversation;

import java.util.ArrayList;
import java.util.List;
import ua.zvernennia.core.appeal.AppealNumber;
import ua.zvernennia.core.appeal.Rating;
import ua.zvernennia.core.chat.Button;
import ua.zvernennia.core.chat.Event;
import ua.zvernennia.core.chat.Keyboard;
import ua.zvernennia.core.chat.Reply;
import ua.zvernennia.core.conversation.ButtonId.Fixed;

/**
 * RATING: how the appeal was handled, 1 to 5 stars. The stars name the appeal and work at any step
 * ({@link AppealButtons}); here the citizen may also skip.
 */
final class RatingStep implements StepHandler {
    @Override
    public Reply question(StepContext c) {
        AppealNumber number = AppealNumber.parse(c.state().subject()).orElseThrow();
        var stars = new ArrayList<Button>();
        for (int i = Rating.MIN; i <= Rating.MAX; i++) {
            stars.add(new Button(new ButtonId.Rate(number, new Rating(i)).encode(), String.valueOf(i), "⭐"));
        }
        return Reply.of(
                c.questionText(c.state().subject()),
                new Keyboard.Menu(stars, 3, List.of(c.button(Fixed.RATING_SKIP, "button.rating.skip"))));
    }

    @Override
    public void handle(StepContext c, Event event) {
        if (ButtonId.pressed(event) == Fixed.RATING_SKIP) {
            c.resume();
        } else {
            c.refuse(event);
        }
    }
}
