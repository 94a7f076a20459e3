package ua.zvernennia.core.conversation;

import java.util.List;
import ua.zvernennia.core.appeal.AppealNumber;
import ua.zvernennia.core.appeal.AppealStatus;
import ua.zvernennia.core.chat.Reply;

/**
 * What a citizen is told when an operator changes the status of their appeal, in their language,
 * and where their conversation goes: a question (NEEDS_INFO) waits for the answer, a RESOLVED
 * appeal asks whether the problem is solved; other changes leave the conversation where it is.
 * Stateless and thread-safe.
 */
public final class StatusPush {
    private StatusPush() {}

    /**
     * @param state   the chat's conversation now
     * @param comment the operator's comment (the question for NEEDS_INFO); may be null
     * @return the one message to push and the state to store
     */
    public static TurnOutcome of(ConversationState state, AppealNumber number, AppealStatus to, String comment) {
        Texts t = Texts.of(state.language());
        String n = number.toString();
        StringBuilder text = new StringBuilder(t.get("push.status", n, t.get("status." + to)));
        boolean hasComment = comment != null && !comment.isBlank();
        if (to == AppealStatus.NEEDS_INFO && hasComment) {
            text.append("\n\n").append(t.get("push.question", comment.strip()));
        } else if (hasComment) {
            text.append("\n").append(t.get("push.comment", comment.strip()));
        }
        if (to == AppealStatus.NEEDS_INFO) {
            Reply ask = AnswerStep.question(t, n);
            return new TurnOutcome(
                    state.about(Step.ANSWER, n), List.of(Reply.of(text + "\n\n" + ask.text(), ask.keyboard())));
        }
        if (to == AppealStatus.RESOLVED) {
            Reply ask = SolvedStep.question(t, number);
            return new TurnOutcome(
                    state.about(Step.SOLVED, n), List.of(Reply.of(text + "\n\n" + ask.text(), ask.keyboard())));
        }
        return new TurnOutcome(state, List.of(Reply.text(text.toString())));
    }
}
