package ua.zvernennia.core.conversation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import ua.zvernennia.core.appeal.Appeal;
import ua.zvernennia.core.appeal.AppealEvent;
import ua.zvernennia.core.appeal.AppealStatus;
import ua.zvernennia.core.chat.Button;
import ua.zvernennia.core.chat.Event;
import ua.zvernennia.core.chat.Keyboard;
import ua.zvernennia.core.chat.Reply;
import ua.zvernennia.core.conversation.ButtonId.AppealAction;
import ua.zvernennia.core.conversation.ButtonId.Fixed;

/** MY_APPEALS: «Мої звернення», the latest first; a number shows the appeal with its history and what can be done to it. */
final class MyAppealsStep implements StepHandler {
    private static final int MY_APPEALS_SHOWN = 10;
    /** History entries shown to the citizen: the latest ones. */
    private static final int HISTORY_SHOWN = 10;

    private static final int HISTORY_NOTE_SHOWN = 200;

    @Override
    public Reply question(StepContext c) {
        List<Appeal> mine = c.ports().appeals().byChat(c.chat(), MY_APPEALS_SHOWN);
        if (mine.isEmpty()) {
            return Reply.of(
                    c.text("my.appeals.none"),
                    new Keyboard.Menu(
                            List.of(c.button(Fixed.NEW_APPEAL, "button.new")),
                            1,
                            List.of(c.button(Fixed.BACK, "button.back"))));
        }
        StringBuilder text = new StringBuilder(c.questionText());
        List<Button> buttons = new ArrayList<>();
        for (Appeal a : mine) {
            text.append("\n\n")
                    .append(c.text(
                            "my.appeals.line",
                            a.number(),
                            categoryName(c, a),
                            c.text("status." + a.status()),
                            c.when(a.deadline())));
            buttons.add(Button.of(new ButtonId.OnAppeal(AppealAction.SHOW, a.number()).encode(), "№ " + a.number()));
        }
        return Reply.of(text.toString(), new Keyboard.Menu(buttons, 2, List.of(c.button(Fixed.BACK, "button.back"))));
    }

    @Override
    public void handle(StepContext c, Event event) {
        if (ButtonId.pressed(event) == Fixed.NEW_APPEAL) {
            // Offered when the list is empty.
            c.go(Step.CATEGORY, Draft.EMPTY, 0);
            return;
        }
        if (!(ButtonId.pressed(event) instanceof ButtonId.OnAppeal on) || on.action() != AppealAction.SHOW) {
            c.refuse(event);
            return;
        }
        Optional<Appeal> appeal =
                c.ports().appeals().find(on.number()).filter(a -> c.chat().equals(a.chat()));
        if (appeal.isEmpty()) {
            c.reask(c.text("error.stale.button"));
            return;
        }
        Appeal a = appeal.get();
        var choices = new ArrayList<Button>();
        if (a.status() == AppealStatus.NEEDS_INFO) {
            choices.add(c.button(new ButtonId.OnAppeal(AppealAction.ANSWER, a.number()), "button.answer"));
        }
        if (a.status().citizenMayWithdraw()) {
            choices.add(c.button(new ButtonId.OnAppeal(AppealAction.WITHDRAW, a.number()), "button.withdraw"));
        }
        Keyboard.Menu list = (Keyboard.Menu) c.question().keyboard();
        choices.addAll(list.choices());
        c.reply(Reply.of(details(c, a) + history(c, a), new Keyboard.Menu(choices, 2, list.navigation())));
    }

    private static String details(StepContext c, Appeal a) {
        String typeName = c.categories()
                .find(a.categoryId())
                .flatMap(cat -> cat.issueType(a.issueTypeId()))
                .map(it -> it.name(c.language()))
                .orElse(a.issueTypeName());
        String type = typeName == null ? "" : " — " + typeName;
        return c.text(
                "appeal.details",
                a.number(),
                c.text("status." + a.status()),
                categoryName(c, a) + type,
                c.when(a.createdAt()),
                c.when(a.deadline()),
                a.description());
    }

    private static String history(StepContext c, Appeal a) {
        List<AppealEvent> all = c.ports().appeals().history(a.number());
        List<AppealEvent> shown = all.subList(Math.max(0, all.size() - HISTORY_SHOWN), all.size());
        StringBuilder out = new StringBuilder("\n\n").append(c.text("history.title"));
        for (AppealEvent e : shown) {
            String when = c.when(e.at());
            String note = e.note() == null ? null : Texts.shortened(e.note(), HISTORY_NOTE_SHOWN);
            String line = switch (e.kind()) {
                case CREATED -> c.text("history.line", when, c.text("status." + AppealStatus.REGISTERED));
                case STATUS ->
                    note == null
                            ? c.text("history.line", when, c.text("status." + e.to()))
                            : c.text("history.status.comment", when, c.text("status." + e.to()), note);
                case ANSWER -> c.text("history.answer", when, note);
                case RATING -> c.text("history.rating", when, note);
                default -> null;
            };
            if (line != null) {
                out.append('\n').append(line);
            }
        }
        return out.toString();
    }

    /** The appeal's category in the citizen's language; the name stored with it if the category is gone. */
    private static String categoryName(StepContext c, Appeal a) {
        return c.categories()
                .find(a.categoryId())
                .map(cat -> cat.name(c.language()))
                .orElse(a.categoryName());
    }
}
