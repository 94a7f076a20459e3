package ua.zvernennia.core.conversation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One row of the conversation's table ({@link Steps}): all that is declared about a step. The code
 * of its question's keyboard and of its handling of input is in its {@link StepHandler}.
 *
 * @param step        the state this row is about
 * @param kind        the part of the conversation it belongs to
 * @param handler     asks the step's question and handles the citizen's input there
 * @param question    the bundle key of the step's question
 * @param hint        the bundle key of what to tell a citizen who sent something the step does
 *                    not take, before asking again
 * @param accepts     the kinds of input the step takes
 * @param back        where «Назад» goes; null where there is nothing before
 * @param edges       where valid input leads, besides asking this step's question again
 * @param field       for a step of the draft: whether its answer is in the draft; null for a step
 *                    whose answer may be left out (photos) or that is not a field of the draft
 * @param editable    the summary offers to change this step's answer
 * @param offersEdits the step offers to change the answers of the editable steps (the summary)
 */
record StepRow(
        Step step,
        Kind kind,
        StepHandler handler,
        String question,
        String hint,
        Set<Input> accepts,
        Step back,
        List<Edge> edges,
        DraftField field,
        boolean editable,
        boolean offersEdits) {

    /** The parts of the conversation. */
    enum Kind {
        /** The consent and the menus around appeals: the main menu, the citizen's appeals and data. */
        MENU,
        /** About one registered appeal, which the state names as its subject. */
        APPEAL,
        /** Fills the draft of a new appeal; the order of these rows is the order of the draft. */
        DRAFT
    }

    /** Valid input at a step leads to {@code to}; {@code when} says which input, for the diagram. */
    record Edge(Step to, String when) {
        public Edge {
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(when, "when");
        }
    }

    /** Whether a draft has the answer of a step (the menu: a category's issue types are asked only where it has any). */
    @FunctionalInterface
    interface DraftField {
        boolean filledIn(Draft draft, CategoryChoices menu);
    }

    StepRow {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(handler, "handler");
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(hint, "hint");
        accepts =
                Collections.unmodifiableSet(accepts.isEmpty() ? EnumSet.noneOf(Input.class) : EnumSet.copyOf(accepts));
        edges = List.copyOf(edges);
        if ((field != null || editable || offersEdits) && kind != Kind.DRAFT) {
            throw new IllegalArgumentException(step + ": only a step of the draft has a field of it");
        }
    }

    /** A row with no edges, no field of the draft, not editable. */
    static StepRow step(
            Step step, Kind kind, StepHandler handler, String question, String hint, Step back, Input... accepts) {
        return new StepRow(step, kind, handler, question, hint, Set.of(accepts), back, List.of(), null, false, false);
    }

    /** The same row where valid input may lead to {@code target} too. */
    StepRow to(Step target, String when) {
        var more = new ArrayList<>(edges);
        more.add(new Edge(target, when));
        return new StepRow(step, kind, handler, question, hint, accepts, back, more, field, editable, offersEdits);
    }

    StepRow fills(DraftField f) {
        return new StepRow(step, kind, handler, question, hint, accepts, back, edges, f, editable, offersEdits);
    }

    StepRow editableFromSummary() {
        return new StepRow(step, kind, handler, question, hint, accepts, back, edges, field, true, offersEdits);
    }

    StepRow offeringEdits() {
        return new StepRow(step, kind, handler, question, hint, accepts, back, edges, field, editable, true);
    }

    /**
     * The location and phone steps show a keyboard under the input field (a messenger shares a
     * place or a contact only from there), which must be taken away once past them.
     */
    boolean usesReplyKeyboard() {
        return accepts.contains(Input.LOCATION) || accepts.contains(Input.CONTACT);
    }
}
