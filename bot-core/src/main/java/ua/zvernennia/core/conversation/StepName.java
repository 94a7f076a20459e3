package ua.zvernennia.core.conversation;

/**
 * The steps of the citizen's conversation. Each names the step «Назад» leads to; the handlers
 * in {@link Turn} say where valid input leads.
 */
public enum StepName {
    CONSENT(null),
    MAIN_MENU(null),
    MY_APPEALS(MAIN_MENU),
    CATEGORY(MAIN_MENU),
    ISSUE_TYPE(CATEGORY),
    DESCRIPTION(CATEGORY),
    PHOTOS(DESCRIPTION),
    PLACE(PHOTOS),
    NAME(PLACE),
    ADDRESS(NAME),
    PHONE(ADDRESS),
    SUMMARY(PHONE);

    private final StepName back;

    StepName(StepName back) {
        this.back = back;
    }

    /** The step «Назад» returns to, or null where there is nothing before. */
    public StepName back() {
        return back;
    }

    /** Steps that fill the draft of an appeal. */
    public boolean isDraftStep() {
        return ordinal() >= CATEGORY.ordinal();
    }
}
