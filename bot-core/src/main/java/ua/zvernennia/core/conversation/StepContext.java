package ua.zvernennia.core.conversation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import ua.zvernennia.core.appeal.Appeal;
import ua.zvernennia.core.appeal.PhotoRef;
import ua.zvernennia.core.appeal.TextProblem;
import ua.zvernennia.core.chat.Button;
import ua.zvernennia.core.chat.ChatKey;
import ua.zvernennia.core.chat.Event;
import ua.zvernennia.core.chat.Reply;
import ua.zvernennia.core.citizen.Citizen;

/**
 * What a step's class sees of the turn in progress, and the only way it changes it. The turn keeps
 * its state and replies to itself; a move the table does not declare fails the tests.
 */
interface StepContext {
    // ---- what the turn is about ------------------------------------------------------------------

    ConversationState state();

    default Draft draft() {
        return state().draft();
    }

    default String language() {
        return state().language();
    }

    /** The citizen, once they have consented. */
    Optional<Citizen> citizen();

    ChatKey chat();

    Instant now();

    ConversationPorts ports();

    ConversationSettings settings();

    CategoryChoices categories();

    /** The appeal the current step is about, if it is still there and the chat's own. */
    Optional<Appeal> subjectAppeal();

    /** The photo as the draft or the appeal refers to it, queued for its bytes to be kept. */
    PhotoRef keep(Event.PhotoSent photo);

    // ---- words -----------------------------------------------------------------------------------

    Texts texts();

    default String text(String key, Object... args) {
        return texts().get(key, args);
    }

    /** The current step's question from the table, with these placeholders. */
    default String questionText(Object... args) {
        return text(Steps.TABLE.row(state().step()).question(), args);
    }

    /** A date and time in the city's zone, as citizens read it. */
    String when(Instant instant);

    /** A button with its label from the bundle. */
    default Button button(ButtonId id, String labelKey) {
        return Button.of(id.encode(), text(labelKey));
    }

    /** «Назад» and «Скасувати». */
    default List<Button> nav() {
        return List.of(button(ButtonId.Fixed.BACK, "button.back"), button(ButtonId.Fixed.CANCEL, "button.cancel"));
    }

    /** The answer given before, offered as a button; none when there is none. */
    default List<Button> savedAnswer(Optional<String> value) {
        return value.map(v -> List.of(new Button(ButtonId.Fixed.USE_SAVED.encode(), v, "✅")))
                .orElse(List.of());
    }

    /** The bot's words for a text rule's problem, with the length typed where it matters. */
    String describe(TextProblem problem, String typed);

    // ---- replies ---------------------------------------------------------------------------------

    void say(String text);

    void reply(Reply reply);

    /** The current step's question. */
    Reply question();

    /** Asks the current question again. */
    void ask();

    /** Says what did not fit and asks the current question again, in one message. */
    void reask(String why);

    /** Input the step does not take: the step's hint (or why that kind of input is not for here), and the question again. */
    void refuse(Event event);

    // ---- moves -----------------------------------------------------------------------------------

    /** Moves to {@code next}, one of the current step's edges in the table, and asks its question. */
    void go(Step next, Draft draft, int page);

    /** Moves on after valid input to {@code next}; when editing from the summary, back to it instead. */
    void advance(Step next, Draft draft);

    /** Stays at the current step with a changed draft (a photo added); asks nothing. */
    void stay(Draft draft);

    /** Moves to a step about one registered appeal and asks its question; the draft is kept for later. */
    void about(Step step, Appeal appeal);

    /** To the first answer the draft is missing (the summary when none is), with the draft as it is. */
    void fillIn(Draft draft);

    /** After a step about a registered appeal: back to the draft left for it, or the main menu. */
    void resume();

    /** The appeal moved on meanwhile (an operator changed it): says so, and resumes. */
    void appealMovedOn(Appeal appeal);

    /** The next question replaces the menu message the citizen pressed (a new page of the menu). */
    void replacingMenu();

    /** Ukrainian to English and back, from this reply on. */
    void switchLanguage();

    /** Records the citizen's consent; from now on the citizen is known. */
    void consented();

    /** The citizen's data is erased and their consent withdrawn: the conversation starts again from the consent. */
    void startOver();
}
