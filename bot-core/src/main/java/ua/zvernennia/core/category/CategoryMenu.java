package ua.zvernennia.core.category;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Rules a whole menu must keep before it is stored. */
public final class CategoryMenu {
    private CategoryMenu() {
    }

    /** The problems of the menu, empty when it may be stored. */
    public static List<String> problems(List<Category> categories) {
        var problems = new ArrayList<String>();
        Set<String> ids = new HashSet<>();
        Set<String> namesUk = new HashSet<>();
        Set<String> namesEn = new HashSet<>();
        for (Category c : categories) {
            if (!ids.add(c.id())) {
                problems.add("category id '" + c.id() + "' is used twice");
            }
            if (!namesUk.add(c.nameUk().toLowerCase(Locale.ROOT))) {
                problems.add("category name '" + c.nameUk() + "' is used twice");
            }
            if (!namesEn.add(c.nameEn().toLowerCase(Locale.ROOT))) {
                problems.add("English category name '" + c.nameEn() + "' is used twice");
            }
            Set<String> typeIds = new HashSet<>();
            Set<String> typeNames = new HashSet<>();
            for (IssueType t : c.issueTypes()) {
                if (!typeIds.add(t.id())) {
                    problems.add("issue type id '" + t.id() + "' is used twice in '" + c.id() + "'");
                }
                if (!typeNames.add(t.nameUk().toLowerCase(Locale.ROOT))) {
                    problems.add("issue type name '" + t.nameUk() + "' is used twice in '" + c.id() + "'");
                }
            }
        }
        if (categories.stream().noneMatch(Category::active)) {
            problems.add("at least one category must be active");
        }
        return problems;
    }
}
