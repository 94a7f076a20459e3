package ua.zvernennia.core.conversation;

import java.util.Objects;

/**
 * The whole memory of one chat's conversation, stored after every step.
 *
 * @param page     the page of a paged menu the citizen is on
 * @param language "uk" or "en"
 * @param version  incremented on every save; a stale save is refused
 * @param subject  the number of the appeal the current step is about (a question of an operator,
 *                 the feedback on a resolved appeal, a withdrawal); null in other steps
 */
public record ConversationState(Step step, Draft draft, int page, String language, long version, String subject) {
    public ConversationState {
        Objects.requireNonNull(step, "step");
        draft = draft == null ? Draft.EMPTY : draft;
        language = Texts.supported(language);
        if (page < 0) {
            page = 0;
        }
        if (subject != null && subject.length() > 16) {
            throw new IllegalArgumentException("subject is not an appeal number");
        }
    }

    public ConversationState(Step step, Draft draft, int page, String language, long version) {
        this(step, draft, page, language, version, null);
    }

    public static ConversationState fresh() {
        return new ConversationState(Step.CONSENT, Draft.EMPTY, 0, Texts.DEFAULT_LANGUAGE, 0, null);
    }

    /** The same conversation at another step; the subject is dropped. */
    public ConversationState at(Step s, Draft d, int p) {
        return new ConversationState(s, d, p, language, version, null);
    }

    /** The same conversation at a step about one appeal; the draft is kept for later. */
    public ConversationState about(Step s, String appealNumber) {
        return new ConversationState(
                s, draft, 0, language, version, Objects.requireNonNull(appealNumber, "appealNumber"));
    }

    public ConversationState withLanguage(String l) {
        return new ConversationState(step, draft, page, l, version, subject);
    }

    /** The state as stored under a new version. */
    public ConversationState withVersion(long v) {
        return new ConversationState(step, draft, page, language, v, subject);
    }
}
