package ua.zvernennia.core.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import ua.zvernennia.core.appeal.GeoPoint;
import ua.zvernennia.core.appeal.PersonName;
import ua.zvernennia.core.appeal.Phone;
import ua.zvernennia.core.appeal.PhotoRef;
import ua.zvernennia.core.category.Category;
import ua.zvernennia.core.category.CategoryCatalog;
import ua.zvernennia.core.conversation.StepRow.Edge;
import ua.zvernennia.core.conversation.StepRow.Kind;
import ua.zvernennia.core.testing.ChatDriver;
import ua.zvernennia.core.testing.TestCategories;

/**
 * The table of steps holds together: every step has one row, a question in both languages, a
 * «Назад» that goes to a step before it, the draft in its order, and the inputs the steps really
 * take. (That the steps move only as the table declares is checked by every conversation test:
 * a move it does not declare fails an assertion in {@link Turn}.)
 */
class StepTableTest {
    static final Steps TABLE = Steps.TABLE;
    static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d}");

    @Test
    void everyStepHasOneRowInTheOrderOfTheSteps() {
        assertThat(TABLE.rows()).extracting(StepRow::step).containsExactly(Step.values());
    }

    @ParameterizedTest
    @EnumSource(Step.class)
    void everyStepHasAQuestionAndAHintInBothLanguages(Step step) {
        StepRow row = TABLE.row(step);
        for (String language : List.of("uk", "en")) {
            assertThat(Texts.of(language).has(row.question()))
                    .as("%s question %s in %s", step, row.question(), language)
                    .isTrue();
            assertThat(Texts.of(language).has(row.hint()))
                    .as("%s hint %s in %s", step, row.hint(), language)
                    .isTrue();
        }
    }

    /** Asked for help, each step says its question again: the one its row names. */
    @ParameterizedTest
    @EnumSource(Step.class)
    void everyStepAsksTheQuestionItsRowNames(Step step) {
        Chats city = new Chats();
        ChatDriver chat;
        if (step == Step.MY_APPEALS) {
            // With no appeals the step says so instead of its question.
            chat = city.newChat();
            city.file(chat);
            chat.press("📋 Мої звернення");
        } else {
            chat = city.at(step);
        }
        chat.send("/help");
        String question = Texts.of("uk").get(TABLE.row(step).question());
        String longestPlain = Stream.of(PLACEHOLDER.split(question))
                .flatMap(s -> Stream.of(s.split("\n")))
                .max((a, b) -> a.length() - b.length())
                .orElseThrow()
                .strip();
        assertThat(longestPlain).hasSizeGreaterThan(5);
        chat.expectText(longestPlain);
    }

    @ParameterizedTest
    @EnumSource(Step.class)
    void backGoesToAnotherStepOfTheSamePartOrToAMenu(Step step) {
        StepRow row = TABLE.row(step);
        if (row.back() == null) {
            return;
        }
        assertThat(row.back()).as("«Назад» from %s", step).isNotEqualTo(step);
        Kind to = TABLE.row(row.back()).kind();
        assertThat(to == row.kind() || to == Kind.MENU)
                .as("«Назад» from %s to %s", step, row.back())
                .isTrue();
        assertThat(TABLE.rows().indexOf(TABLE.row(row.back())))
                .as("«Назад» goes to a step before %s", step)
                .isLessThan(TABLE.rows().indexOf(row));
    }

    @Test
    void theDraftIsAskedInTheOrderOfTheTableAndBackRetracesIt() {
        List<Step> draft = TABLE.draft().stream().map(StepRow::step).toList();
        assertThat(draft)
                .containsExactly(
                        Step.CATEGORY,
                        Step.ISSUE_TYPE,
                        Step.DESCRIPTION,
                        Step.PHOTOS,
                        Step.PLACE,
                        Step.NAME,
                        Step.ADDRESS,
                        Step.PHONE,
                        Step.SUMMARY);
        assertThat(TABLE.row(draft.get(0)).back()).isEqualTo(Step.MAIN_MENU);
        for (int i = 1; i < draft.size(); i++) {
            int before = i - 1;
            assertThat(TABLE.row(draft.get(i)).back())
                    .as("«Назад» from %s", draft.get(i))
                    .isEqualTo(draft.get(before));
            assertThat(TABLE.edges(draft.get(before)))
                    .as("%s leads further into the draft", draft.get(before))
                    .anyMatch(e -> draft.indexOf(e.to()) > before);
        }
    }

    /** Filling the draft answer by answer, the first missing answer moves down the table. */
    @Test
    void theFirstMissingAnswerFollowsTheDraftsOrder() {
        List<Category> small = TestCategories.small();
        CategoryChoices menu = new CategoryChoices(
                new CategoryCatalog() {
                    @Override
                    public List<Category> active() {
                        return small.stream().filter(Category::active).toList();
                    }

                    @Override
                    public Optional<Category> find(String id) {
                        return small.stream().filter(c -> c.id().equals(id)).findFirst();
                    }
                },
                12);
        List<UnaryOperator<Draft>> answers = List.of(
                d -> d.withCategory("water", null),
                d -> d.withCategory("water", "leak"),
                d -> d.withDescription(Chats.DESCRIPTION),
                d -> d.withPlace(new GeoPoint(48.46, 35.04), null, false),
                d -> d.withName(PersonName.parse(Chats.NAME).orElseThrow()),
                d -> d.withAddress(Chats.ADDRESS),
                d -> d.withPhone(Phone.parse(Chats.PHONE).orElseThrow()));
        List<Step> expected = List.of(
                Step.CATEGORY,
                Step.ISSUE_TYPE,
                Step.DESCRIPTION,
                Step.PLACE,
                Step.NAME,
                Step.ADDRESS,
                Step.PHONE,
                Step.SUMMARY);
        Draft draft = Draft.EMPTY;
        for (int i = 0; i < answers.size(); i++) {
            assertThat(TABLE.firstMissing(draft, menu))
                    .as("after %d answers", i)
                    .isEqualTo(expected.get(i));
            draft = answers.get(i).apply(draft);
        }
        assertThat(TABLE.firstMissing(draft, menu)).isEqualTo(Step.SUMMARY);
        assertThat(TABLE.firstMissing(draft.withPhoto(new PhotoRef("p", "u")), menu))
                .isEqualTo(Step.SUMMARY);
        // A category without issue types needs none.
        assertThat(TABLE.firstMissing(Draft.EMPTY.withCategory("lifts", null), menu))
                .isEqualTo(Step.DESCRIPTION);
        assertThat(TABLE.row(Step.PHOTOS).field()).as("photos may be left out").isNull();
    }

    @Test
    void theSummaryOffersToChangeTheEditableStepsOfTheDraft() {
        assertThat(TABLE.editable())
                .containsExactly(
                        Step.CATEGORY, Step.DESCRIPTION, Step.PHOTOS, Step.PLACE, Step.NAME, Step.ADDRESS, Step.PHONE);
        assertThat(TABLE.rows())
                .filteredOn(StepRow::offersEdits)
                .extracting(StepRow::step)
                .containsExactly(Step.SUMMARY);
        for (Step s : TABLE.editable()) {
            assertThat(TABLE.edges(Step.SUMMARY)).contains(new Edge(s, "change"));
            assertThat(Texts.of("uk").has("button.edit." + s.name().toLowerCase(Locale.ROOT)))
                    .as(s.name())
                    .isTrue();
        }
        new Chats()
                .at(Step.SUMMARY)
                .expectButtons("✏️ Напрямок", "✏️ Опис", "✏️ Фото", "✏️ Місце", "✏️ Імʼя", "✏️ Адреса", "✏️ Телефон");
    }

    @Test
    void everyStepCanBeReachedFromTheConsent() {
        Set<Step> reached = EnumSet.of(Step.CONSENT);
        var todo = new ArrayDeque<>(List.of(Step.CONSENT));
        while (!todo.isEmpty()) {
            Step s = todo.poll();
            var next = new ArrayList<Step>();
            TABLE.edges(s).forEach(e -> next.add(e.to()));
            TABLE.anywhere().forEach(e -> next.add(e.to()));
            for (Step n : next) {
                if (reached.add(n)) {
                    todo.add(n);
                }
            }
        }
        assertThat(reached).containsExactlyInAnyOrder(Step.values());
    }

    @Test
    void edgesAreMovesToOtherStepsWithAWordForWhen() {
        for (StepRow row : TABLE.rows()) {
            for (Edge e : TABLE.edges(row.step())) {
                assertThat(e.to()).as("an edge of %s", row.step()).isNotEqualTo(row.step());
                assertThat(e.when()).isNotBlank().doesNotContain("\"").doesNotContain("|");
            }
        }
        assertThat(TABLE.anywhere())
                .allSatisfy(e ->
                        assertThat(e.when()).isNotBlank().doesNotContain("\"").doesNotContain("|"));
    }

    /** The inputs the table says a step takes are the ones {@link BadInputTest} finds valid there. */
    @Test
    void theInputsTakenAreTheOnesTheStepsAccept() {
        assertThat(taking(Input.PHOTO)).containsExactlyInAnyOrderElementsOf(BadInputTest.validAt("photo"));
        assertThat(taking(Input.LOCATION)).containsExactlyInAnyOrderElementsOf(BadInputTest.validAt("location"));
        assertThat(taking(Input.CONTACT)).containsExactlyInAnyOrderElementsOf(BadInputTest.validAt("contact"));
        assertThat(taking(Input.TEXT)).containsAll(BadInputTest.validAt("SQL-like"));
        // Buttons of its own in a step's question, besides «Назад» and «Скасувати», are what it takes buttons for.
        for (Step step : Step.values()) {
            List<ButtonId> own = new Chats()
                    .at(step).send("/help").buttons().stream()
                            .map(b -> ButtonId.parse(b.id()))
                            .filter(id -> id != ButtonId.Fixed.BACK && id != ButtonId.Fixed.CANCEL)
                            .toList();
            // A newcomer has no name, address or phone saved to offer.
            boolean offersNone = EnumSet.of(Step.NAME, Step.ADDRESS, Step.PHONE).contains(step);
            assertThat(!own.isEmpty() || offersNone)
                    .as("buttons %s at %s", own, step)
                    .isEqualTo(TABLE.row(step).accepts().contains(Input.BUTTON));
        }
        assertThat(Stream.of(Step.values()).filter(s -> TABLE.row(s).usesReplyKeyboard()))
                .containsExactly(Step.PLACE, Step.PHONE);
    }

    static List<Step> taking(Input input) {
        return TABLE.rows().stream()
                .filter(r -> r.accepts().contains(input))
                .map(StepRow::step)
                .toList();
    }

    @Test
    void theSmallMenuOfTheTestsHasACategoryWithIssueTypesAndOneWithout() {
        assertThat(TestCategories.small())
                .anyMatch(c -> c.id().equals("water") && !c.activeIssueTypes().isEmpty())
                .anyMatch(c -> c.id().equals("lifts") && c.activeIssueTypes().isEmpty());
    }
}
