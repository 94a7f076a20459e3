package ua.zvernennia.telegram;

/** Telegram's text limits; texts over them are cut with {@link ua.zvernennia.core.chat.TextSplitter}. */
final class TextParts {
    /** Telegram's limit for a message text. */
    static final int MESSAGE = 4096;
    /** Telegram's limit for a media caption. */
    static final int CAPTION = 1024;

    private TextParts() {}
}
