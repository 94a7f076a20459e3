package ua.zvernennia.core.conversation;

import java.util.List;
import java.util.Optional;
import ua.zvernennia.core.category.Category;
import ua.zvernennia.core.category.IssueType;
import ua.zvernennia.core.chat.Button;
import ua.zvernennia.core.chat.Event;
import ua.zvernennia.core.chat.Keyboard;
import ua.zvernennia.core.chat.Reply;

/** ISSUE_TYPE: what exactly happened, among the issue types of the draft's category (only where it has some). */
final class IssueTypeStep implements StepHandler {
    @Override
    public Reply question(StepContext c) {
        Optional<Category> category = c.categories().find(c.draft().categoryId());
        if (category.isEmpty()) {
            // Deleted while this question was open; the next message asks for another.
            return Reply.of(c.text("category.gone"), new Keyboard.Menu(List.of(), 1, c.nav()));
        }
        List<Button> types = category.get().activeIssueTypes().stream()
                .map(it -> Button.of(new ButtonId.ChooseIssueType(it.id()).encode(), it.name(c.language())))
                .toList();
        return Reply.of(c.questionText(category.get().name(c.language())), new Keyboard.Menu(types, 1, c.nav()));
    }

    @Override
    public void handle(StepContext c, Event event) {
        Category category = c.categories().find(c.draft().categoryId()).orElseThrow();
        Optional<IssueType> chosen = Optional.empty();
        if (ButtonId.pressed(event) instanceof ButtonId.ChooseIssueType choice) {
            chosen = category.issueType(choice.issueTypeId()).filter(IssueType::active);
            if (chosen.isEmpty()) {
                c.reask(c.text("error.stale.button"));
                return;
            }
            c.replacingMenu();
        } else if (event instanceof Event.Text text) {
            chosen = Matching.unique(
                    category.activeIssueTypes(), it -> it.name(c.language()), Matching.normalise(text.text()));
        }
        if (chosen.isPresent()) {
            c.advance(
                    Step.DESCRIPTION,
                    c.draft().withCategory(category.id(), chosen.get().id()));
        } else {
            c.refuse(event);
        }
    }
}
