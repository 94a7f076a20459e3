package ua.zvernennia.core.conversation;

import ua.zvernennia.core.chat.Event;
import ua.zvernennia.core.chat.Reply;

/**
 * The code of one step, named in its row of {@link Steps}: its question with the keyboard under
 * it, and what it does with the citizen's input. Keeps nothing: all it knows of the turn comes
 * through the {@link StepContext}, and all it changes goes through it. Thread-safe.
 */
interface StepHandler {
    /** The step's question as it stands now (the page of a menu, answers saved before, the draft). */
    Reply question(StepContext c);

    /**
     * Handles input at the step: moves on, or says what did not fit and asks again. Commands,
     * «Назад», «Скасувати», «Допомога», stale buttons and the buttons naming an appeal are
     * handled before, at every step alike, and never come here.
     */
    void handle(StepContext c, Event event);
}
