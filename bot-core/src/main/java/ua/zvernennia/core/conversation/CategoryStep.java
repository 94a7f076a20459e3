package ua.zvernennia.core.conversation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import ua.zvernennia.core.category.Category;
import ua.zvernennia.core.chat.Button;
import ua.zvernennia.core.chat.Event;
import ua.zvernennia.core.chat.Keyboard;
import ua.zvernennia.core.chat.Reply;
import ua.zvernennia.core.conversation.ButtonId.Fixed;

/** CATEGORY: the direction of the city menu the problem is about, by button or typed name; the menu is paged. */
final class CategoryStep implements StepHandler {
    @Override
    public Reply question(StepContext c) {
        CategoryChoices menu = c.categories();
        if (menu.active().isEmpty()) {
            return Reply.of(
                    c.text("category.none"),
                    new Keyboard.Menu(List.of(), 1, List.of(c.button(Fixed.CANCEL, "button.cancel"))));
        }
        int lastPage = menu.lastPage();
        int page = Math.min(c.state().page(), lastPage);
        List<Button> choices = menu.page(page).stream()
                .map(cat ->
                        new Button(new ButtonId.ChooseCategory(cat.id()).encode(), cat.name(c.language()), cat.emoji()))
                .toList();
        var navigation = new ArrayList<Button>();
        if (page > 0) {
            navigation.add(c.button(Fixed.PREV_PAGE, "button.page.prev"));
        }
        if (page < lastPage) {
            navigation.add(c.button(Fixed.NEXT_PAGE, "button.page.next"));
        }
        navigation.addAll(c.nav());
        String text = lastPage > 0 ? c.text("category.ask.paged", page + 1, lastPage + 1) : c.questionText();
        return Reply.of(text, new Keyboard.Menu(choices, 2, navigation));
    }

    @Override
    public void handle(StepContext c, Event event) {
        ButtonId pressed = ButtonId.pressed(event);
        if (pressed == Fixed.NEXT_PAGE || pressed == Fixed.PREV_PAGE) {
            int page = c.state().page() + (pressed == Fixed.NEXT_PAGE ? 1 : -1);
            c.replacingMenu();
            c.go(
                    Step.CATEGORY,
                    c.draft(),
                    Math.max(0, Math.min(page, c.categories().lastPage())));
        } else if (pressed != null) {
            Optional<Category> chosen = pressed instanceof ButtonId.ChooseCategory choice
                    ? c.categories().offered(choice.categoryId())
                    : Optional.empty();
            if (chosen.isPresent()) {
                c.replacingMenu();
                choose(c, chosen.get(), c.draft());
            } else {
                c.reask(c.text("error.stale.button"));
            }
        } else if (event instanceof Event.Text text) {
            Optional<Category> match = c.categories().match(text.text(), c.language());
            if (match.isPresent()) {
                choose(c, match.get(), c.draft());
            } else {
                c.reask(c.text("error.category"));
            }
        } else {
            c.refuse(event);
        }
    }

    /** A category is chosen (here, or typed in the main menu): its issue types next, if it has any. */
    static void choose(StepContext c, Category category, Draft draft) {
        Draft d = draft.withCategory(category.id(), null);
        if (!category.activeIssueTypes().isEmpty()) {
            c.go(Step.ISSUE_TYPE, d, 0);
        } else {
            c.advance(Step.DESCRIPTION, d);
        }
    }
}
