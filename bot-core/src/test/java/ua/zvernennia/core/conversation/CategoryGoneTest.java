package ua.zvernennia.core.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import ua.zvernennia.core.category.Category;
import ua.zvernennia.core.category.IssueType;
import ua.zvernennia.core.testing.ChatDriver;
import ua.zvernennia.core.testing.TestCategories;

/** The contact centre takes a category off the menu while someone is filling in an appeal. */
class CategoryGoneTest {
    final Chats city = new Chats();

    static List<Category> withoutWater(boolean deleteInstead) {
        return TestCategories.small().stream()
                .filter(c -> !(deleteInstead && c.id().equals("water")))
                .map(c -> c.id().equals("water")
                        ? new Category(
                                c.id(),
                                c.nameUk(),
                                c.nameEn(),
                                c.emoji(),
                                c.deadlineClass(),
                                c.executor(),
                                c.position(),
                                false,
                                c.issueTypes())
                        : c)
                .toList();
    }

    @ParameterizedTest
    @EnumSource(
            value = Step.class,
            names = {"ISSUE_TYPE", "DESCRIPTION", "PHOTOS", "PLACE", "NAME", "ADDRESS", "PHONE", "SUMMARY"})
    void toldAndAskedAgainWithTheRestKept(Step step) {
        ChatDriver chat = city.at(step);
        Draft before = city.draft(chat);
        city.stores.setCategories(withoutWater(false));

        Chats.answer(chat, step);

        chat.expectText("щойно прибрали")
                .expectText(Chats.question(Step.CATEGORY))
                .expectNoButton("💧 Водоканал");
        assertThat(city.step(chat)).isEqualTo(Step.CATEGORY);
        assertThat(city.draft(chat).categoryId()).isNull();
        assertThat(city.draft(chat).description()).isEqualTo(before.description());
        assertThat(city.draft(chat).name()).isEqualTo(before.name());
        assertThat(city.stores.appeals()).isEmpty();
    }

    @Test
    void atTheSummaryANewCategoryLeadsBackToTheSummary() {
        ChatDriver chat = city.at(Step.SUMMARY);
        Draft before = city.draft(chat);
        city.stores.setCategories(withoutWater(false));

        chat.press("✅ Підтвердити").expectText("щойно прибрали");
        chat.press("🛗 Ліфти")
                .expectText(Chats.question(Step.SUMMARY))
                .expectText("Ліфти")
                .expectText(Chats.DESCRIPTION)
                .expectText(Chats.NAME);
        assertThat(city.draft(chat)).isEqualTo(before.withCategory("lifts", null));
        chat.press("✅ Підтвердити").expectText("№ 2026-000001");
        assertThat(city.stores.appeals())
                .singleElement()
                .satisfies(a -> assertThat(a.categoryId()).isEqualTo("lifts"));
    }

    @Test
    void deletedAltogetherAtTheIssueTypes() {
        ChatDriver chat = city.at(Step.ISSUE_TYPE);
        city.stores.setCategories(withoutWater(true));
        chat.send("протікання").expectText("щойно прибрали").expectText(Chats.question(Step.CATEGORY));
        assertThat(city.step(chat)).isEqualTo(Step.CATEGORY);
    }

    @Test
    void helpWhileTheCategoryIsDeletedDoesNotBreak() {
        ChatDriver chat = city.at(Step.ISSUE_TYPE);
        city.stores.setCategories(withoutWater(true));
        chat.send("/help").expectText("Я приймаю звернення").expectText("щойно прибрали");
        chat.pressId(new ButtonId.ChooseIssueType("leak").encode());
        chat.expectText(Chats.question(Step.CATEGORY));
    }

    @Test
    void anIssueTypeTakenOffLeadsToTheOtherTypes() {
        ChatDriver chat = city.at(Step.DESCRIPTION);
        city.stores.setCategories(TestCategories.small().stream()
                .map(c -> !c.id().equals("water")
                        ? c
                        : new Category(
                                c.id(),
                                c.nameUk(),
                                c.nameEn(),
                                c.emoji(),
                                c.deadlineClass(),
                                c.executor(),
                                c.position(),
                                true,
                                List.of(
                                        c.issueTypes().get(0),
                                        new IssueType("leak", "Протікання", "Leak", null, 2, false))))
                .toList());

        chat.send(Chats.DESCRIPTION)
                .expectText("Цей варіант щойно прибрали")
                .expectText("Водоканал: що саме сталося?")
                .expectButtons("Немає води")
                .expectNoButton("Протікання");
        assertThat(city.draft(chat).categoryId()).isEqualTo("water");
        chat.press("Немає води").expectText(Chats.question(Step.DESCRIPTION));
    }

    @Test
    void noCategoriesLeft() {
        ChatDriver chat = city.at(Step.MAIN_MENU);
        city.stores.setCategories(List.of());
        chat.press("📝 Нове звернення")
                .expectText("гарячу лінію")
                .expectButtons("✖️ Скасувати")
                .send("ліфти");
        assertThat(city.step(chat)).isEqualTo(Step.CATEGORY);
        chat.press("✖️ Скасувати").expectText(Chats.question(Step.MAIN_MENU));
    }
}
