package ua.zvernennia.core.conversation;

import java.util.ArrayList;
import java.util.Locale;
import ua.zvernennia.core.appeal.Appeal;
import ua.zvernennia.core.appeal.NewAppeal;
import ua.zvernennia.core.category.Category;
import ua.zvernennia.core.chat.Button;
import ua.zvernennia.core.chat.Event;
import ua.zvernennia.core.chat.Keyboard;
import ua.zvernennia.core.chat.Reply;
import ua.zvernennia.core.conversation.ButtonId.Fixed;
import ua.zvernennia.core.deadline.AppealDeadlines;

/** SUMMARY: the whole draft to check; confirming files the appeal, «✏️» changes one answer. */
final class SummaryStep implements StepHandler {
    @Override
    public Reply question(StepContext c) {
        var choices = new ArrayList<Button>();
        choices.add(c.button(Fixed.CONFIRM, "button.confirm"));
        for (Step s : Steps.TABLE.editable()) {
            choices.add(c.button(new ButtonId.Edit(s), "button.edit." + s.name().toLowerCase(Locale.ROOT)));
        }
        return Reply.of(summaryText(c, c.draft()), new Keyboard.Menu(choices, 2, c.nav()));
    }

    @Override
    public void handle(StepContext c, Event event) {
        ButtonId pressed = ButtonId.pressed(event);
        if (pressed == Fixed.CONFIRM) {
            submit(c, c.draft());
        } else if (pressed instanceof ButtonId.Edit edit) {
            // Photos are not dropped here: «Назад» must find the summary as it was, and the photo
            // step offers to remove them.
            Step field = edit.step();
            c.go(
                    field,
                    c.draft().editing(true),
                    field == Step.CATEGORY ? c.categories().pageOf(c.draft().categoryId()) : 0);
        } else {
            c.refuse(event);
        }
    }

    private static void submit(StepContext c, Draft draft) {
        if (Steps.TABLE.firstMissing(draft, c.categories()) != Step.SUMMARY) {
            c.say(c.text("error.summary.missing"));
            c.fillIn(draft.editing(true));
            return;
        }
        Category category = c.categories().find(draft.categoryId()).orElseThrow();
        String placeAddress = draft.placeSameAsHome() ? draft.address() : draft.placeAddress();
        NewAppeal appeal = new NewAppeal(
                c.chat().channel(),
                c.chat(),
                category,
                draft.issueTypeId(),
                draft.description(),
                draft.photos(),
                draft.point(),
                placeAddress,
                draft.name(),
                draft.address(),
                draft.phone());
        AppealDeadlines deadlines = c.settings().deadlines(category, draft.issueTypeId(), c.now());
        Appeal saved = c.ports().appeals().submit(appeal, c.now(), deadlines.deadline(), deadlines.legalDeadline());
        c.ports().citizens().saveDetails(c.chat(), draft.name(), draft.address(), draft.phone(), c.now());
        c.say(c.text(
                "submitted",
                saved.number(),
                categoryLabel(c, category, draft.issueTypeId()),
                category.executor(),
                c.when(saved.deadline()),
                c.when(saved.legalDeadline())));
        c.go(Step.MAIN_MENU, Draft.EMPTY, 0);
    }

    private static String summaryText(StepContext c, Draft d) {
        String category = c.categories()
                .find(d.categoryId())
                .map(cat -> categoryLabel(c, cat, d.issueTypeId()))
                .orElse("—");
        String place;
        if (d.placeSameAsHome()) {
            place = c.text("summary.place.home");
        } else if (d.point() != null) {
            place = c.text(
                    "summary.place.point",
                    String.format(
                            Locale.ROOT,
                            "%.5f, %.5f",
                            d.point().latitude(),
                            d.point().longitude()));
        } else {
            place = d.placeAddress() == null ? "—" : d.placeAddress();
        }
        return c.questionText(
                category,
                d.description(),
                d.photos().size(),
                place,
                d.name() == null ? "—" : d.name().full(),
                d.address() == null ? "—" : d.address(),
                d.phone() == null ? "—" : d.phone().e164());
    }

    private static String categoryLabel(StepContext c, Category category, String issueTypeId) {
        String name = (category.emoji() == null ? "" : category.emoji() + " ") + category.name(c.language());
        return category.issueType(issueTypeId)
                .map(it -> name + " — " + it.name(c.language()))
                .orElse(name);
    }
}
