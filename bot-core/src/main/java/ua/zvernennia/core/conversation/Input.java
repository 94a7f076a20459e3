package ua.zvernennia.core.conversation;

/**
 * The kinds of input a step takes, as {@link Steps} declares them. Whatever else a citizen sends
 * there is explained in a few words and the step's question is asked again.
 */
enum Input {
    /** A button of the step's question, pressed or its label typed. */
    BUTTON,
    TEXT,
    PHOTO,
    LOCATION,
    CONTACT
}
