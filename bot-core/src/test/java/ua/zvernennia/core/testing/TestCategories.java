package ua.zvernennia.core.testing;

import java.util.ArrayList;
import java.util.List;
import ua.zvernennia.core.category.Category;
import ua.zvernennia.core.category.DeadlineClass;
import ua.zvernennia.core.category.IssueType;

/** A small menu for tests: one category with issue types, the rest without. */
public final class TestCategories {
    private TestCategories() {}

    public static List<Category> small() {
        return List.of(
                new Category(
                        "water",
                        "Водоканал",
                        "Water supply",
                        "💧",
                        DeadlineClass.SHORT,
                        "КП «Водоканал»",
                        1,
                        true,
                        List.of(
                                new IssueType("no-water", "Немає води", "No water", DeadlineClass.EMERGENCY, 1, true),
                                new IssueType("leak", "Протікання", "Leak", null, 2, true))),
                new Category(
                        "lifts",
                        "Ліфти",
                        "Lifts",
                        "🛗",
                        DeadlineClass.EMERGENCY,
                        "КП «Ліфтове господарство»",
                        2,
                        true,
                        List.of()),
                new Category(
                        "lights",
                        "Вуличне освітлення",
                        "Street lights",
                        "💡",
                        DeadlineClass.MEDIUM,
                        "КП «Міськсвітло»",
                        3,
                        true,
                        List.of()),
                new Category(
                        "roads",
                        "Дороги",
                        "Roads",
                        "🛣",
                        DeadlineClass.LONG,
                        "Департамент благоустрою",
                        4,
                        true,
                        List.of()));
    }

    /** {@code n} categories without issue types, to exercise paging. */
    public static List<Category> many(int n) {
        var all = new ArrayList<Category>();
        for (int i = 1; i <= n; i++) {
            all.add(new Category(
                    "c" + i,
                    "Напрямок " + i,
                    "Direction " + i,
                    "📁",
                    DeadlineClass.MEDIUM,
                    "Виконавець " + i,
                    i,
                    true,
                    List.of()));
        }
        return all;
    }
}
