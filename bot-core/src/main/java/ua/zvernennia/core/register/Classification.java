package ua.zvernennia.core.register;

import java.util.LinkedHashSet;
import java.util.List;
import ua.zvernennia.core.appeal.AppealNumber;

/**
 * How an appeal is classified in the register: its type, form (with the number of signatories
 * of a collective one), sign of receipt (with the earlier appeal of a repeated one), the
 * categories of its author, the questions it raises (topic codes, the first one first) and the
 * outcome once it is closed. Any field but the questions may be unknown (null or empty).
 * Checked against a {@link Classifier} by {@link Classifier#problems}.
 */
public record Classification(
        String type,
        String form,
        Integer signatories,
        String sign,
        AppealNumber earlier,
        List<String> citizenCategories,
        List<String> questions,
        String outcome) {
    /** The most questions one appeal is counted with. */
    public static final int MAX_QUESTIONS = 20;
    /** The most signatories a collective appeal is counted with. */
    public static final int MAX_SIGNATORIES = 100_000;

    public Classification {
        citizenCategories = citizenCategories == null ? List.of() : List.copyOf(new LinkedHashSet<>(citizenCategories));
        questions = questions == null ? List.of() : List.copyOf(questions);
        if (questions.size() > MAX_QUESTIONS) {
            throw new IllegalArgumentException("questions: at most " + MAX_QUESTIONS + " per appeal");
        }
        if (signatories != null && (signatories < 2 || signatories > MAX_SIGNATORIES)) {
            throw new IllegalArgumentException(
                    "signatories: 2.." + MAX_SIGNATORIES + " for a collective appeal, not " + signatories);
        }
    }

    /** The same with these questions. */
    public Classification withQuestions(List<String> questions) {
        return new Classification(type, form, signatories, sign, earlier, citizenCategories, questions, outcome);
    }

    /** The same with this outcome. */
    public Classification withOutcome(String outcome) {
        return new Classification(type, form, signatories, sign, earlier, citizenCategories, questions, outcome);
    }

    public static Classification empty() {
        return new Classification(null, null, null, null, null, List.of(), List.of(), null);
    }
}
