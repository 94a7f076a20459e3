package ua.zvernennia.core.conversation;

import java.util.Objects;

/**
 * The whole memory of one chat's conversation, stored after every step.
 *
 * @param page     the page of a paged menu the citizen is on
 * @param language "uk" or "en"
 * @param version  incremented on every save; a stale save is refused
 */
public record ConversationState(StepName step, Draft draft, int page, String language, long version) {
    public ConversationState {
        Objects.requireNonNull(step, "step");
        draft = draft == null ? Draft.EMPTY : draft;
        language = Texts.supported(language);
        if (page < 0) {
            page = 0;
        }
    }

    public static ConversationState fresh() {
        return new ConversationState(StepName.CONSENT, Draft.EMPTY, 0, Texts.DEFAULT_LANGUAGE, 0);
    }

    public ConversationState at(StepName s, Draft d, int p) {
        return new ConversationState(s, d, p, language, version);
    }

    public ConversationState withLanguage(String l) {
        return new ConversationState(step, draft, page, l, version);
    }
}
