package ua.zvernennia.core.conversation;

/**
 * Where a citizen's conversation is: the state, stored by name with the chat. Each names the step
 * «Назад» leads to; the handlers in {@link Turn} say where valid input leads. The steps before
 * {@link #CATEGORY} are about appeals already registered; those from it on fill the draft of a new
 * one. What one turn at a step produces is a {@link TurnOutcome}.
 */
public enum Step {
    CONSENT(null),
    MAIN_MENU(null),
    MY_APPEALS(MAIN_MENU),
    /** Is the citizen sure they want to withdraw the appeal (the state's subject)? */
    WITHDRAW(MY_APPEALS),
    /** «🔐 Мої дані»: what is kept about the citizen, with the way to erase it. */
    MY_DATA(MAIN_MENU),
    /** Is the citizen sure they want their data erased (and their consent withdrawn)? */
    ERASE(MY_DATA),
    /** The citizen answers an operator's question about the appeal (NEEDS_INFO). */
    ANSWER(null),
    /** After RESOLVED: is the problem solved? */
    SOLVED(null),
    /** The problem is not solved: what is still wrong. */
    REOPEN_COMMENT(SOLVED),
    /** A rating from 1 to 5 of how the appeal was handled. */
    RATING(null),
    CATEGORY(MAIN_MENU),
    ISSUE_TYPE(CATEGORY),
    DESCRIPTION(CATEGORY),
    PHOTOS(DESCRIPTION),
    PLACE(PHOTOS),
    NAME(PLACE),
    ADDRESS(NAME),
    PHONE(ADDRESS),
    SUMMARY(PHONE);

    private final Step back;

    Step(Step back) {
        this.back = back;
    }

    /** The step «Назад» returns to, or null where there is nothing before. */
    public Step back() {
        return back;
    }

    /** Steps that fill the draft of an appeal. */
    public boolean isDraftStep() {
        return ordinal() >= CATEGORY.ordinal();
    }

    /** Steps about one registered appeal, named by the state's subject. */
    public boolean hasSubject() {
        return this == WITHDRAW || this == ANSWER || this == SOLVED || this == REOPEN_COMMENT || this == RATING;
    }
}
