package ua.zvernennia.core.conversation;

import static ua.zvernennia.core.conversation.Input.BUTTON;
import static ua.zvernennia.core.conversation.Input.CONTACT;
import static ua.zvernennia.core.conversation.Input.LOCATION;
import static ua.zvernennia.core.conversation.Input.PHOTO;
import static ua.zvernennia.core.conversation.Input.TEXT;
import static ua.zvernennia.core.conversation.Step.ADDRESS;
import static ua.zvernennia.core.conversation.Step.ANSWER;
import static ua.zvernennia.core.conversation.Step.CATEGORY;
import static ua.zvernennia.core.conversation.Step.CONSENT;
import static ua.zvernennia.core.conversation.Step.DESCRIPTION;
import static ua.zvernennia.core.conversation.Step.ERASE;
import static ua.zvernennia.core.conversation.Step.ISSUE_TYPE;
import static ua.zvernennia.core.conversation.Step.MAIN_MENU;
import static ua.zvernennia.core.conversation.Step.MY_APPEALS;
import static ua.zvernennia.core.conversation.Step.MY_DATA;
import static ua.zvernennia.core.conversation.Step.NAME;
import static ua.zvernennia.core.conversation.Step.PHONE;
import static ua.zvernennia.core.conversation.Step.PHOTOS;
import static ua.zvernennia.core.conversation.Step.PLACE;
import static ua.zvernennia.core.conversation.Step.RATING;
import static ua.zvernennia.core.conversation.Step.REOPEN_COMMENT;
import static ua.zvernennia.core.conversation.Step.SOLVED;
import static ua.zvernennia.core.conversation.Step.SUMMARY;
import static ua.zvernennia.core.conversation.Step.WITHDRAW;
import static ua.zvernennia.core.conversation.StepRow.Kind.APPEAL;
import static ua.zvernennia.core.conversation.StepRow.Kind.DRAFT;
import static ua.zvernennia.core.conversation.StepRow.Kind.MENU;
import static ua.zvernennia.core.conversation.StepRow.step;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import ua.zvernennia.core.conversation.StepRow.Edge;

/**
 * The citizen's conversation, declared in one table: every {@link Step} with its question, the
 * input it takes, where «Назад» goes, where valid input leads, and, for the draft of a new appeal,
 * its order and the answers the summary offers to change. The code of a step (its question's
 * keyboard, its handling of input) is the small class named in its row; {@link Turn} runs it.
 * {@code ConversationDiagramTest} keeps the drawing of this table in docs/conversation.md current.
 *
 * <p>A new step is a constant in {@link Step}, a row here, a class implementing
 * {@link StepHandler}, and its texts in both bundles.
 */
final class Steps {
    static final Steps TABLE = new Steps(
            List.of(
                    // step, part, class, question, what to say to input it does not take, «Назад», inputs taken
                    step(CONSENT, MENU, new ConsentStep(), "consent.ask", "error.consent", null, BUTTON)
                            .to(MAIN_MENU, "agrees"),
                    step(MAIN_MENU, MENU, new MainMenuStep(), "main.menu", "error.main.menu", null, BUTTON, TEXT)
                            .to(CATEGORY, "new appeal")
                            .to(MY_APPEALS, "my appeals")
                            .to(MY_DATA, "my data")
                            .to(ISSUE_TYPE, "a category typed")
                            .to(DESCRIPTION, "a category without issue types typed"),
                    step(
                                    MY_APPEALS,
                                    MENU,
                                    new MyAppealsStep(),
                                    "my.appeals.title",
                                    "error.my.appeals",
                                    MAIN_MENU,
                                    BUTTON)
                            .to(CATEGORY, "new appeal, when there is none"),
                    step(WITHDRAW, APPEAL, new WithdrawStep(), "withdraw.ask", "error.withdraw", MY_APPEALS, BUTTON)
                            .to(MY_APPEALS, "withdrawn"),
                    step(MY_DATA, MENU, new MyDataStep(), "mydata.text", "error.my.data", MAIN_MENU, BUTTON)
                            .to(ERASE, "erase"),
                    step(ERASE, MENU, new EraseStep(), "erase.ask", "error.erase", MY_DATA, BUTTON)
                            .to(CONSENT, "erased"),
                    step(ANSWER, APPEAL, new AnswerStep(), "answer.ask", "error.answer", null, BUTTON, TEXT, PHOTO),
                    step(SOLVED, APPEAL, new SolvedStep(), "solved.ask", "error.solved", null, BUTTON),
                    step(REOPEN_COMMENT, APPEAL, new ReopenCommentStep(), "reopen.ask", "error.reopen", SOLVED, TEXT)
                            .to(RATING, "what is still wrong"),
                    step(RATING, APPEAL, new RatingStep(), "rating.ask", "error.rating", null, BUTTON),
                    step(CATEGORY, DRAFT, new CategoryStep(), "category.ask", "error.category", MAIN_MENU, BUTTON, TEXT)
                            .fills((d, menu) -> d.categoryId() != null)
                            .editableFromSummary()
                            .to(ISSUE_TYPE, "a category")
                            .to(DESCRIPTION, "a category without issue types"),
                    step(
                                    ISSUE_TYPE,
                                    DRAFT,
                                    new IssueTypeStep(),
                                    "issue.type.ask",
                                    "error.issue.type",
                                    CATEGORY,
                                    BUTTON,
                                    TEXT)
                            .fills((d, menu) -> d.issueTypeId() != null || !menu.hasIssueTypes(d.categoryId()))
                            .to(DESCRIPTION, "an issue type"),
                    step(
                                    DESCRIPTION,
                                    DRAFT,
                                    new DescriptionStep(),
                                    "description.ask",
                                    "error.description",
                                    ISSUE_TYPE,
                                    TEXT,
                                    PHOTO)
                            .fills((d, menu) -> d.description() != null)
                            .editableFromSummary()
                            .to(PHOTOS, "a description")
                            .to(PLACE, "a description with all the photos"),
                    step(PHOTOS, DRAFT, new PhotosStep(), "photos.ask", "error.photos", DESCRIPTION, BUTTON, PHOTO)
                            .editableFromSummary()
                            .to(PLACE, "done, skipped or the last photo"),
                    step(PLACE, DRAFT, new PlaceStep(), "place.ask", "error.place", PHOTOS, BUTTON, TEXT, LOCATION)
                            .fills((d, menu) -> d.point() != null || d.placeAddress() != null || d.placeSameAsHome())
                            .editableFromSummary()
                            .to(NAME, "a location, an address or the citizen's own"),
                    step(NAME, DRAFT, new NameStep(), "name.ask", "error.name.example", PLACE, BUTTON, TEXT)
                            .fills((d, menu) -> d.name() != null)
                            .editableFromSummary()
                            .to(ADDRESS, "a name"),
                    step(ADDRESS, DRAFT, new AddressStep(), "address.ask", "error.address.example", NAME, BUTTON, TEXT)
                            .fills((d, menu) -> d.address() != null)
                            .editableFromSummary()
                            .to(PHONE, "an address"),
                    step(PHONE, DRAFT, new PhoneStep(), "phone.ask", "error.phone", ADDRESS, BUTTON, TEXT, CONTACT)
                            .fills((d, menu) -> d.phone() != null)
                            .editableFromSummary()
                            .to(SUMMARY, "a phone"),
                    step(SUMMARY, DRAFT, new SummaryStep(), "summary", "error.summary", PHONE, BUTTON)
                            .offeringEdits()
                            .to(MAIN_MENU, "confirmed: the appeal is filed")),
            List.of(
                    // Moves from any step: commands, and buttons that name an appeal (a push may be a while back).
                    new Edge(MAIN_MENU, "/start, cancel"),
                    new Edge(WITHDRAW, "withdraw an appeal"),
                    new Edge(ANSWER, "answer, or an operator asks"),
                    new Edge(SOLVED, "an operator resolved an appeal"),
                    new Edge(RATING, "solved"),
                    new Edge(REOPEN_COMMENT, "not solved")));

    private final Map<Step, StepRow> rows = new EnumMap<>(Step.class);
    private final List<StepRow> ordered;
    private final List<Edge> anywhere;

    private Steps(List<StepRow> ordered, List<Edge> anywhere) {
        for (StepRow r : ordered) {
            if (rows.put(r.step(), r) != null) {
                throw new IllegalStateException("two rows for " + r.step());
            }
        }
        for (Step s : Step.values()) {
            if (!rows.containsKey(s)) {
                throw new IllegalStateException("no row for " + s);
            }
        }
        this.ordered = List.copyOf(ordered);
        this.anywhere = List.copyOf(anywhere);
    }

    StepRow row(Step step) {
        return rows.get(step);
    }

    /** Every row, in the order of the table. */
    List<StepRow> rows() {
        return ordered;
    }

    /** The steps of the draft, in its order. */
    List<StepRow> draft() {
        return ordered.stream().filter(r -> r.kind() == StepRow.Kind.DRAFT).toList();
    }

    /** The steps whose answers the summary offers to change, in the order of the draft. */
    List<Step> editable() {
        return ordered.stream().filter(StepRow::editable).map(StepRow::step).toList();
    }

    /** Where a citizen may go from any step. */
    List<Edge> anywhere() {
        return anywhere;
    }

    /** Where valid input at {@code step} leads: its own edges, and the editable steps from the summary. */
    List<Edge> edges(Step step) {
        StepRow r = row(step);
        var all = new ArrayList<>(r.edges());
        if (r.offersEdits()) {
            for (Step e : editable()) {
                all.add(new Edge(e, "change"));
            }
        }
        return all;
    }

    /** Whether the table lets a step's handling move from {@code from} to {@code to}. */
    boolean allows(Step from, Step to) {
        return from == to
                || anywhere.stream().anyMatch(e -> e.to() == to)
                || edges(from).stream().anyMatch(e -> e.to() == to);
    }

    /** The first step of the draft whose answer is missing, or {@link Step#SUMMARY} when none is. */
    Step firstMissing(Draft draft, CategoryChoices menu) {
        for (StepRow r : draft()) {
            if (r.field() != null && !r.field().filledIn(draft, menu)) {
                return r.step();
            }
        }
        return SUMMARY;
    }
}
