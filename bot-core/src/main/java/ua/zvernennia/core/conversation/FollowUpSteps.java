package ua.zvernennia.core.conversation;

import static ua.zvernennia.core.conversation.Turn.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import ua.zvernennia.core.appeal.Appeal;
import ua.zvernennia.core.appeal.AppealEvent;
import ua.zvernennia.core.appeal.AppealNumber;
import ua.zvernennia.core.appeal.AppealStatus;
import ua.zvernennia.core.appeal.PhotoRef;
import ua.zvernennia.core.appeal.Rating;
import ua.zvernennia.core.appeal.TextProblem;
import ua.zvernennia.core.appeal.TextRules;
import ua.zvernennia.core.chat.Button;
import ua.zvernennia.core.chat.Event;
import ua.zvernennia.core.chat.Keyboard;
import ua.zvernennia.core.chat.Reply;

/**
 * The steps about appeals already registered, within one {@link Turn}: «Мої звернення» and an
 * appeal's history, withdrawal, answers to an operator's question, «Чи вирішено?», reopening and
 * the rating. Their buttons name the appeal, so they work wherever they were offered: in the
 * citizen's list or in a push that may be a while back.
 */
final class FollowUpSteps {
    private static final int MY_APPEALS_SHOWN = 10;
    /** History entries shown to the citizen: the latest ones. */
    private static final int HISTORY_SHOWN = 10;
    private static final int HISTORY_NOTE_SHOWN = 200;

    private final Turn turn;

    FollowUpSteps(Turn turn) {
        this.turn = turn;
    }

    void myAppeals(Event event) {
        if (event instanceof Event.ButtonPress b && b.id().startsWith(APPEAL_PREFIX)) {
            Optional<Appeal> appeal = AppealNumber.parse(b.id().substring(APPEAL_PREFIX.length()))
                    .flatMap(n -> turn.ports.appeals().find(n))
                    .filter(a -> turn.chat.equals(a.chat()));
            if (appeal.isEmpty()) {
                turn.reask(turn.t.get("error.stale.button"));
                return;
            }
            Reply list = turn.question(Step.MY_APPEALS);
            Appeal a = appeal.get();
            var actions = new ArrayList<Button>();
            if (a.status() == AppealStatus.NEEDS_INFO) {
                actions.add(turn.button(ANSWER_PREFIX + a.number(), "button.answer"));
            }
            if (a.status().citizenMayWithdraw()) {
                actions.add(turn.button(WITHDRAW_PREFIX + a.number(), "button.withdraw"));
            }
            Keyboard.Menu listMenu = (Keyboard.Menu) list.keyboard();
            var choices = new ArrayList<>(actions);
            choices.addAll(listMenu.choices());
            turn.replies.add(Reply.of(appealDetails(a) + historyText(a), menu(2, choices, listMenu.navigation())));
        } else {
            turn.reask(turn.wrongType(event, "error.my.appeals"));
        }
    }

    // ---- registered appeals: withdrawal, answers to operators, feedback ---------------------

    /**
     * Buttons that act on one appeal, named in their id, wherever they were offered: in the
     * turn.citizen's list or in a push from an operator, which may be a while back.
     */
    boolean appealAction(String id) {
        if (id.startsWith(WITHDRAW_PREFIX)) {
            onAppeal(id.substring(WITHDRAW_PREFIX.length()), a -> {
                if (a.status().citizenMayWithdraw()) {
                    turn.state = turn.state.about(Step.WITHDRAW, a.number().toString());
                    turn.ask();
                } else {
                    notAnyMore(a);
                }
            });
        } else if (id.startsWith(ANSWER_PREFIX)) {
            onAppeal(id.substring(ANSWER_PREFIX.length()), a -> {
                if (!a.status().isClosed()) {
                    turn.state = turn.state.about(Step.ANSWER, a.number().toString());
                    turn.ask();
                } else {
                    notAnyMore(a);
                }
            });
        } else if (id.startsWith(SOLVED_YES_PREFIX)) {
            onAppeal(id.substring(SOLVED_YES_PREFIX.length()), a -> {
                if (a.status() == AppealStatus.RESOLVED) {
                    turn.ports.appeals().addEvent(a.number(), AppealEvent.Kind.FEEDBACK, AppealEvent.CITIZEN, "solved", turn.now);
                    turn.say(turn.t.get("solved.thanks"));
                    turn.state = turn.state.about(Step.RATING, a.number().toString());
                    turn.ask();
                } else {
                    notAnyMore(a);
                }
            });
        } else if (id.startsWith(SOLVED_NO_PREFIX)) {
            onAppeal(id.substring(SOLVED_NO_PREFIX.length()), a -> {
                if (a.status().citizenMayReopen()) {
                    turn.state = turn.state.about(Step.REOPEN_COMMENT, a.number().toString());
                    turn.ask();
                } else {
                    notAnyMore(a);
                }
            });
        } else if (id.startsWith(RATE_PREFIX)) {
            String rest = id.substring(RATE_PREFIX.length());
            int colon = rest.lastIndexOf(':');
            Optional<Rating> rating = colon < 0 ? Optional.empty() : Rating.parse(rest.substring(colon + 1));
            if (rating.isEmpty()) {
                turn.reask(turn.t.get("error.stale.button"));
                return true;
            }
            onAppeal(rest.substring(0, colon), a -> {
                turn.ports.appeals().rate(a.number(), rating.get());
                turn.ports.appeals().addEvent(a.number(), AppealEvent.Kind.RATING, AppealEvent.CITIZEN, rating.get().toString(), turn.now);
                turn.say(turn.t.get("rating.thanks"));
                resume();
            });
        } else {
            return false;
        }
        return true;
    }

    /** Runs {@code action} on the turn.chat's own appeal of that number, or says the button is stale. */
    void onAppeal(String number, java.util.function.Consumer<Appeal> action) {
        Optional<Appeal> appeal = AppealNumber.parse(number).flatMap(n -> turn.ports.appeals().find(n))
                .filter(a -> turn.chat.equals(a.chat()));
        if (appeal.isEmpty()) {
            turn.reask(turn.t.get("error.stale.button"));
            return;
        }
        action.accept(appeal.get());
    }

    /** The appeal the current step is about, if it is still there and the turn.chat's own. */
    Optional<Appeal> subjectAppeal() {
        return AppealNumber.parse(turn.state.subject()).flatMap(n -> turn.ports.appeals().find(n)).filter(a -> turn.chat.equals(a.chat()));
    }

    /** The appeal moved on meanwhile: says so and goes back to where the turn.citizen was. */
    void notAnyMore(Appeal a) {
        turn.say(turn.t.get("appeal.moved.on", a.number(), turn.t.get("status." + a.status())));
        resume();
    }

    /** After a step about a registered appeal: back to the draft left for it, or the main menu. */
    void resume() {
        Draft draft = turn.state.draft();
        if (draft.categoryId() == null) {
            turn.go(Step.MAIN_MENU, Draft.EMPTY, 0);
            return;
        }
        turn.say(turn.t.get("draft.resume"));
        Step next = turn.missing(draft);
        turn.go(next, draft, next == Step.CATEGORY ? turn.pageOf(draft.categoryId()) : 0);
    }

    void withdraw(Event event) {
        if (!turn.pressed(event, WITHDRAW_YES)) {
            turn.reask(turn.wrongType(event, "error.withdraw"));
            return;
        }
        Appeal a = subjectAppeal().orElseThrow();
        if (!a.status().citizenMayWithdraw()) {
            notAnyMore(a);
            return;
        }
        turn.ports.appeals().changeStatus(a.number(), a.status(), AppealStatus.WITHDRAWN, AppealEvent.CITIZEN, null, null, turn.now);
        turn.say(turn.t.get("withdrawn", a.number()));
        turn.go(Step.MY_APPEALS, Draft.EMPTY, 0);
    }

    void answer(Event event) {
        Appeal a = subjectAppeal().orElseThrow();
        if (turn.pressed(event, ANSWER_DONE)) {
            turn.say(turn.t.get("answer.done"));
            resume();
            return;
        }
        if (a.status().isClosed()) {
            notAnyMore(a);
            return;
        }
        if (event instanceof Event.Text text) {
            Optional<TextProblem> problem = TextRules.description(text.text());
            if (problem.isPresent()) {
                turn.reask(turn.describe(problem.get(), text.text()));
                return;
            }
            turn.ports.appeals().addEvent(a.number(), AppealEvent.Kind.ANSWER, AppealEvent.CITIZEN, text.text().strip(), turn.now);
            turn.replies.add(Reply.of(turn.t.get("answer.saved", a.number()), turn.question(Step.ANSWER).keyboard()));
        } else if (event instanceof Event.PhotoSent photo) {
            if (a.photos().size() >= MAX_PHOTOS_WITH_ANSWERS) {
                turn.reask(turn.t.get("photos.limit", MAX_PHOTOS_WITH_ANSWERS));
                return;
            }
            int index = turn.ports.appeals().addPhoto(a.number(), turn.keep(photo));
            String caption = photo.caption().isBlank() ? "" : ": " + photo.caption().strip();
            turn.ports.appeals().addEvent(a.number(), AppealEvent.Kind.ANSWER, AppealEvent.CITIZEN,
                    limit("photo " + index + caption, AppealEvent.MAX_NOTE), turn.now);
            turn.replies.add(Reply.of(turn.t.get("answer.saved", a.number()), turn.question(Step.ANSWER).keyboard()));
        } else {
            turn.reask(turn.wrongType(event, "error.answer"));
        }
    }

    void reopenComment(Event event) {
        Appeal a = subjectAppeal().orElseThrow();
        if (!a.status().citizenMayReopen()) {
            notAnyMore(a);
            return;
        }
        if (!(event instanceof Event.Text text)) {
            turn.reask(turn.wrongType(event, "error.reopen"));
            return;
        }
        Optional<TextProblem> problem = TextRules.description(text.text());
        if (problem.isPresent()) {
            turn.reask(turn.describe(problem.get(), text.text()));
            return;
        }
        turn.ports.appeals().changeStatus(a.number(), a.status(), AppealStatus.IN_PROGRESS, AppealEvent.CITIZEN,
                text.text().strip(), null, turn.now);
        turn.say(turn.t.get("reopened", a.number()));
        turn.state = turn.state.about(Step.RATING, a.number().toString());
        turn.ask();
    }

    void rating(Event event) {
        if (turn.pressed(event, RATING_SKIP)) {
            resume();
        } else {
            turn.reask(turn.wrongType(event, "error.rating"));
        }
    }

    String historyText(Appeal a) {
        List<AppealEvent> all = turn.ports.appeals().history(a.number());
        List<AppealEvent> shown = all.subList(Math.max(0, all.size() - HISTORY_SHOWN), all.size());
        StringBuilder out = new StringBuilder("\n\n").append(turn.t.get("history.title"));
        for (AppealEvent e : shown) {
            String when = turn.when(e.at());
            String note = e.note() == null ? null : limit(e.note(), HISTORY_NOTE_SHOWN);
            String line = switch (e.kind()) {
                case CREATED -> turn.t.get("history.line", when, turn.t.get("status." + AppealStatus.REGISTERED));
                case STATUS -> note == null
                        ? turn.t.get("history.line", when, turn.t.get("status." + e.to()))
                        : turn.t.get("history.status.comment", when, turn.t.get("status." + e.to()), note);
                case ANSWER -> turn.t.get("history.answer", when, note);
                case RATING -> turn.t.get("history.rating", when, note);
                default -> null;
            };
            if (line != null) {
                out.append('\n').append(line);
            }
        }
        return out.toString();
    }




    Reply myAppealsQuestion() {
        List<Appeal> mine = turn.ports.appeals().byChat(turn.chat, MY_APPEALS_SHOWN);
        if (mine.isEmpty()) {
            return Reply.of(turn.t.get("my.appeals.none"), menu(1, List.of(turn.button(NEW_APPEAL, "button.new")), List.of(turn.button(BACK, "button.back"))));
        }
        StringBuilder text = new StringBuilder(turn.t.get("my.appeals.title"));
        List<Button> buttons = new ArrayList<>();
        for (Appeal a : mine) {
            text.append("\n\n").append(turn.t.get("my.appeals.line", a.number(), categoryName(a),
                    turn.t.get("status." + a.status()), turn.when(a.deadline())));
            buttons.add(Button.of(APPEAL_PREFIX + a.number(), "№ " + a.number()));
        }
        return Reply.of(text.toString(), menu(2, buttons, List.of(turn.button(BACK, "button.back"))));
    }

    String categoryName(Appeal a) {
        return turn.ports.categories().find(a.categoryId()).map(c -> c.name(turn.state.language())).orElse(a.categoryName());
    }

    String appealDetails(Appeal a) {
        String typeName = turn.ports.categories().find(a.categoryId()).flatMap(c -> c.issueType(a.issueTypeId()))
                .map(it -> it.name(turn.state.language())).orElse(a.issueTypeName());
        String type = typeName == null ? "" : " — " + typeName;
        return turn.t.get("appeal.details", a.number(), turn.t.get("status." + a.status()), categoryName(a) + type,
                turn.when(a.createdAt()), turn.when(a.deadline()), a.description());
    }

    static String limit(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    /** The question of the answer step about appeal {@code number}. */
    static Reply answerQuestion(Texts t, String number) {
        return Reply.of(t.get("answer.ask", number), menu(1, List.of(Button.of(ANSWER_DONE, t.get("button.answer.done"))), List.of()));
    }

    /** Is the problem of the resolved appeal {@code number} solved? */
    static Reply solvedQuestion(Texts t, String number) {
        return Reply.of(t.get("solved.ask"), menu(2, List.of(
                Button.of(SOLVED_YES_PREFIX + number, t.get("button.solved.yes")),
                Button.of(SOLVED_NO_PREFIX + number, t.get("button.solved.no"))), List.of()));
    }
}
