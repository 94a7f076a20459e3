package ua.zvernennia.core.conversation;

/**
 * Where a citizen's conversation is: the state, stored by name with the chat (so a constant is
 * renamed only with a migration of the stored ones). What each step asks, takes and leads to is
 * declared in {@link Steps}; what one turn at a step produces is a {@link TurnOutcome}.
 */
public enum Step {
    /** May the city keep the citizen's data? Nothing is stored before a yes. */
    CONSENT,
    MAIN_MENU,
    /** «📋 Мої звернення». */
    MY_APPEALS,
    /** Is the citizen sure they want to withdraw the appeal (the state's subject)? */
    WITHDRAW,
    /** «🔐 Мої дані»: what is kept about the citizen, with the way to erase it. */
    MY_DATA,
    /** Is the citizen sure they want their data erased (and their consent withdrawn)? */
    ERASE,
    /** The citizen answers an operator's question about the appeal (NEEDS_INFO). */
    ANSWER,
    /** After RESOLVED: is the problem solved? */
    SOLVED,
    /** The problem is not solved: what is still wrong. */
    REOPEN_COMMENT,
    /** A rating from 1 to 5 of how the appeal was handled. */
    RATING,
    CATEGORY,
    ISSUE_TYPE,
    DESCRIPTION,
    PHOTOS,
    PLACE,
    NAME,
    ADDRESS,
    PHONE,
    SUMMARY
}
