package ua.zvernennia.core.chat;

/** Kinds of input the conversation cannot use; each gets its own friendly re-ask. */
public enum UnsupportedKind {
    STICKER,
    VOICE,
    VIDEO,
    DOCUMENT,
    POLL,
    EDITED_MESSAGE,
    GROUP_CHAT,
    OTHER
}
