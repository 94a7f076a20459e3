package ua.zvernennia.core.category;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import ua.zvernennia.core.refusal.Refusal;
import ua.zvernennia.core.testing.TestCategories;

class CategoryMenuTest {
    final List<Category> menu = TestCategories.small();

    static Category category(String id, String name) {
        return new Category(id, name, null, "🐾", DeadlineClass.LONG, "КП «Тварини»", 0, true, List.of());
    }

    static List<String> ids(List<Category> menu) {
        return menu.stream().map(Category::id).toList();
    }

    @Test
    void addsAtAPositionOrLastAndRenumbers() {
        List<Category> last = CategoryMenu.add(menu, category("animals", "Тварини"), 0);
        assertThat(ids(last)).containsExactly("water", "lifts", "lights", "roads", "animals");
        List<Category> second = CategoryMenu.add(menu, category("animals", "Тварини"), 2);
        assertThat(ids(second)).containsExactly("water", "animals", "lifts", "lights", "roads");
        assertThat(second).extracting(Category::position).containsExactly(1, 2, 3, 4, 5);

        assertThatThrownBy(() -> CategoryMenu.add(menu, category("lifts", "Інше"), 0))
                .isInstanceOfSatisfying(Refusal.class, kind(Refusal.Kind.CONFLICT))
                .hasMessageContaining("already exists");
        assertThatThrownBy(() -> CategoryMenu.add(menu, category("animals", "ліфти"), 0))
                .isInstanceOfSatisfying(Refusal.class, kind(Refusal.Kind.CONFLICT))
                .hasMessageContaining("'ліфти' is used twice");
        assertThatThrownBy(() -> CategoryMenu.add(menu, category("animals", "Тварини"), 6))
                .isInstanceOfSatisfying(
                        Refusal.class, r -> assertThat(r.field()).contains("position"))
                .hasMessageContaining("1..5");
    }

    @Test
    void replacingMovesOnlyWhenThePositionChanges() {
        Category roads = CategoryMenu.find(menu, "roads");
        Category renamed = new Category(
                "roads",
                "Дороги і тротуари",
                "Roads",
                roads.emoji(),
                roads.deadlineClass(),
                roads.executor(),
                roads.position(),
                true,
                List.of());
        assertThat(ids(CategoryMenu.replace(menu, renamed))).containsExactly("water", "lifts", "lights", "roads");
        assertThat(CategoryMenu.find(CategoryMenu.replace(menu, renamed), "roads")
                        .nameUk())
                .isEqualTo("Дороги і тротуари");
        assertThat(ids(CategoryMenu.replace(menu, renamed.withPosition(1))))
                .containsExactly("roads", "water", "lifts", "lights");
        assertThatThrownBy(() -> CategoryMenu.replace(menu, category("nothing", "Ніщо")))
                .isInstanceOfSatisfying(Refusal.class, kind(Refusal.Kind.NOT_FOUND));
    }

    @Test
    void theLastActiveCategoryCannotGo() {
        List<Category> one = List.of(menu.get(1));
        Category off = new Category("lifts", "Ліфти", "Lifts", "🛗", DeadlineClass.EMERGENCY, "x", 1, false, List.of());
        assertThatThrownBy(() -> CategoryMenu.replace(one, off))
                .isInstanceOfSatisfying(Refusal.class, kind(Refusal.Kind.CONFLICT))
                .hasMessageContaining("at least one category must be active");
    }

    @Test
    void anInactiveCategoryMayKeepANameThatANewOneTakes() {
        Category lifts = CategoryMenu.find(menu, "lifts");
        List<Category> withoutLifts = CategoryMenu.replace(
                menu,
                new Category(
                        "lifts",
                        lifts.nameUk(),
                        lifts.nameEn(),
                        lifts.emoji(),
                        lifts.deadlineClass(),
                        lifts.executor(),
                        lifts.position(),
                        false,
                        List.of()));
        assertThat(ids(CategoryMenu.add(withoutLifts, category("lift2", "Ліфти"), 0)))
                .endsWith("lift2");
    }

    @Test
    void reorderNeedsEveryIdOnce() {
        assertThat(ids(CategoryMenu.reorder(menu, List.of("roads", "lights", "lifts", "water"))))
                .containsExactly("roads", "lights", "lifts", "water");
        assertThatThrownBy(() -> CategoryMenu.reorder(menu, List.of("roads", "roads", "lifts", "water", "ghost")))
                .isInstanceOfSatisfying(Refusal.class, kind(Refusal.Kind.INVALID))
                .hasMessageContaining("listed twice: [roads]")
                .hasMessageContaining("no such category: [ghost]")
                .hasMessageContaining("missing (every category must be listed once): [lights]");
    }

    @Test
    void issueTypesAreAddedMovedAndReordered() {
        Category water = CategoryMenu.find(menu, "water");
        Category more = CategoryMenu.addIssueType(water, new IssueType("smell", "Запах", "Smell", null, 0, true), 1);
        assertThat(more.issueTypes()).extracting(IssueType::id).containsExactly("smell", "no-water", "leak");
        assertThat(more.issueTypes()).extracting(IssueType::position).containsExactly(1, 2, 3);
        Category moved = CategoryMenu.replaceIssueType(
                more, more.issueType("smell").orElseThrow().withPosition(3));
        assertThat(moved.issueTypes()).extracting(IssueType::id).containsExactly("no-water", "leak", "smell");
        assertThat(CategoryMenu.reorderIssueTypes(moved, List.of("leak", "smell", "no-water"))
                        .issueTypes())
                .extracting(IssueType::id)
                .containsExactly("leak", "smell", "no-water");
        assertThatThrownBy(
                        () -> CategoryMenu.addIssueType(water, new IssueType("leak", "Інше", null, null, 0, true), 0))
                .isInstanceOfSatisfying(Refusal.class, kind(Refusal.Kind.CONFLICT));
        assertThatThrownBy(() -> CategoryMenu.checked(CategoryMenu.replace(
                        menu,
                        CategoryMenu.addIssueType(
                                water, new IssueType("leak2", "протікання", null, null, 0, true), 0))))
                .isInstanceOfSatisfying(Refusal.class, kind(Refusal.Kind.CONFLICT))
                .hasMessageContaining("'протікання' is used twice in 'water'");
    }

    @Test
    void fieldsAreCheckedByTheRecords() {
        assertThatThrownBy(() -> category("x", " ")).hasMessageContaining("nameUk is empty");
        assertThatThrownBy(() -> category("x", "Д".repeat(41))).hasMessageContaining("longer than 40");
        assertThatThrownBy(() ->
                        new Category("x", "Назва", "N".repeat(41), null, DeadlineClass.LONG, "", 1, true, List.of()))
                .hasMessageContaining("nameEn is longer than 40");
        assertThatThrownBy(() -> new Category("x", "Назва", null, "води", DeadlineClass.LONG, "", 1, true, List.of()))
                .hasMessageContaining("emoji");
        assertThatThrownBy(() -> new Category("x", "Назва", null, null, null, "", 1, true, List.of()))
                .hasMessageContaining("deadlineClass");
        assertThatThrownBy(
                        () -> new Category("Bad Id", "Назва", null, null, DeadlineClass.LONG, "", 1, true, List.of()))
                .hasMessageContaining("id must be");
        assertThat(new Category("x", "Назва", null, "1️⃣", DeadlineClass.LONG, null, 1, true, List.of()).emoji())
                .isEqualTo("1️⃣");
    }

    private static java.util.function.Consumer<Refusal> kind(Refusal.Kind kind) {
        return r -> assertThat(r.kind()).isEqualTo(kind);
    }
}
