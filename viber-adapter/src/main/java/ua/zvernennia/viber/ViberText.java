package ua.zvernennia.viber;

/** Text limits of the Viber API; texts are cut with {@link ua.zvernennia.core.chat.TextSplitter}. */
final class ViberText {
    /** Viber's limit for the text of one message. */
    static final int MAX_MESSAGE = 7000;

    private ViberText() {}
}
