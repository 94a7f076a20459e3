package ua.zvernennia.core.conversation;

import java.util.Optional;
import ua.zvernennia.core.category.Category;
import ua.zvernennia.core.conversation.ButtonId.Fixed;
import ua.zvernennia.core.conversation.StepRow.Kind;

/**
 * What works the same at every step: the commands, «Назад», «Скасувати» and «Допомога», and what
 * happens when the draft's category is taken off the menu. Their moves follow from the table
 * (where «Назад» goes, the order of the draft) rather than from one step's handling.
 */
final class Navigation {
    private Navigation() {}

    static void command(Turn turn, String name) {
        switch (name) {
            case "start" -> {
                if (turn.citizen().isEmpty()) {
                    turn.jump(Step.CONSENT, Draft.EMPTY, 0);
                } else {
                    turn.say(turn.text("welcome.back"));
                    turn.jump(Step.MAIN_MENU, Draft.EMPTY, 0);
                }
            }
            case "help" -> help(turn);
            case "cancel" -> cancel(turn);
            default -> turn.reask(turn.text("error.command"));
        }
    }

    /** Handles «Назад», «Скасувати» and «Допомога»; false for any other button. */
    static boolean press(Turn turn, ButtonId id) {
        if (id == Fixed.CANCEL) {
            cancel(turn);
        } else if (id == Fixed.BACK) {
            back(turn);
        } else if (id == Fixed.HELP) {
            help(turn);
        } else {
            return false;
        }
        return true;
    }

    private static void help(Turn turn) {
        turn.say(turn.text("help"));
        turn.ask();
    }

    private static void cancel(Turn turn) {
        if (turn.citizen().isEmpty()) {
            turn.jump(Step.CONSENT, Draft.EMPTY, 0);
            return;
        }
        Kind kind = Steps.TABLE.row(turn.state().step()).kind();
        if (kind == Kind.APPEAL) {
            // Leaving a question about a registered appeal must not throw away the draft kept for later.
            turn.resume();
            return;
        }
        if (kind == Kind.DRAFT) {
            turn.say(turn.text("cancelled"));
        }
        turn.jump(Step.MAIN_MENU, Draft.EMPTY, 0);
    }

    private static void back(Turn turn) {
        Step step = turn.state().step();
        Draft draft = turn.draft();
        if (draft.editing() && step == Step.ISSUE_TYPE && draft.issueTypeId() == null) {
            // A new category is half chosen: its issue type is still missing, so the summary
            // would show a category without one.
            turn.replacingMenu();
            turn.jump(Step.CATEGORY, draft, turn.categories().pageOf(draft.categoryId()));
            return;
        }
        if (draft.editing() && step != Step.SUMMARY) {
            turn.jump(Step.SUMMARY, draft.editing(false), 0);
            return;
        }
        Step target = Steps.TABLE.row(step).back();
        if (target == null) {
            turn.reask(turn.text("error.no.back"));
            return;
        }
        if (Steps.TABLE.row(target).kind() == Kind.APPEAL) {
            turn.backAbout(target);
            return;
        }
        if (target == Step.ISSUE_TYPE && !turn.categories().hasIssueTypes(draft.categoryId())) {
            // The citizen never saw that step: its category has no issue types.
            target = Steps.TABLE.row(target).back();
        }
        if (target == Step.MAIN_MENU) {
            draft = Draft.EMPTY;
        }
        if (step == Step.ISSUE_TYPE) {
            turn.replacingMenu();
        }
        turn.jump(target, draft, target == Step.CATEGORY ? turn.categories().pageOf(draft.categoryId()) : 0);
    }

    /** The draft's category or issue type was taken off the menu: choose again, keep the rest. */
    static void chooseAgain(Turn turn) {
        Draft draft = turn.draft();
        // Past the description the rest is (partly) filled in: after choosing again the
        // citizen goes on with what is missing instead of retyping what is there.
        boolean keepGoing = draft.description() != null || draft.editing();
        Optional<Category> still = Optional.ofNullable(draft.categoryId()).flatMap(turn.categories()::offered);
        if (still.isPresent() && !still.get().activeIssueTypes().isEmpty()) {
            turn.say(turn.text("issue.type.gone"));
            turn.jump(
                    Step.ISSUE_TYPE, draft.withCategory(still.get().id(), null).editing(keepGoing), 0);
        } else {
            turn.say(turn.text("category.gone"));
            turn.jump(Step.CATEGORY, draft.withCategory(null, null).editing(keepGoing), 0);
        }
    }
}
