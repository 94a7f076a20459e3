package ua.zvernennia.core.category;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import ua.zvernennia.core.refusal.Refusal;

/**
 * A whole menu: the rules it must keep before it is stored, and the edits an admin makes to it.
 * The order of the list is the order of the menu; every edit returns a new list whose positions
 * are 1, 2, 3... in that order. An edit that cannot be made is a {@link Refusal}: NOT_FOUND for an
 * unknown id, INVALID for a bad position or order, CONFLICT for a menu that would break its rules.
 * Stateless.
 */
public final class CategoryMenu {
    private CategoryMenu() {}

    /**
     * The problems of the menu, empty when it may be stored. Names must be unique among what a
     * citizen sees (the active entries): an inactive category may keep a name that a new one
     * reuses, since history refers to it by id and keeps the name it had.
     */
    public static List<String> problems(List<Category> categories) {
        var problems = new ArrayList<String>();
        Set<String> ids = new HashSet<>();
        Set<String> namesUk = new HashSet<>();
        Set<String> namesEn = new HashSet<>();
        for (Category c : categories) {
            if (!ids.add(c.id())) {
                problems.add("category id '" + c.id() + "' is used twice");
            }
            if (c.active() && !namesUk.add(key(c.nameUk()))) {
                problems.add("category name '" + c.nameUk() + "' is used twice");
            }
            if (c.active() && !namesEn.add(key(c.nameEn()))) {
                problems.add("English category name '" + c.nameEn() + "' is used twice");
            }
            Set<String> typeIds = new HashSet<>();
            Set<String> typeNames = new HashSet<>();
            Set<String> typeNamesEn = new HashSet<>();
            for (IssueType t : c.issueTypes()) {
                if (!typeIds.add(t.id())) {
                    problems.add("issue type id '" + t.id() + "' is used twice in '" + c.id() + "'");
                }
                if (t.active() && !typeNames.add(key(t.nameUk()))) {
                    problems.add("issue type name '" + t.nameUk() + "' is used twice in '" + c.id() + "'");
                }
                if (t.active() && !typeNamesEn.add(key(t.nameEn()))) {
                    problems.add("English issue type name '" + t.nameEn() + "' is used twice in '" + c.id() + "'");
                }
            }
        }
        if (categories.stream().noneMatch(Category::active)) {
            problems.add("at least one category must be active");
        }
        return problems;
    }

    /** The menu unchanged when it keeps every rule. */
    public static List<Category> checked(List<Category> categories) {
        List<String> problems = problems(categories);
        if (!problems.isEmpty()) {
            throw Refusal.conflict(problems);
        }
        return categories;
    }

    /** The menu with {@code added} at {@code position} (1-based; 0 puts it last). */
    public static List<Category> add(List<Category> menu, Category added, int position) {
        if (menu.stream().anyMatch(c -> c.id().equals(added.id()))) {
            throw Refusal.conflict("category id '" + added.id() + "' already exists");
        }
        var out = new ArrayList<>(menu);
        out.add(index(position, menu.size() + 1), added.withIssueTypes(renumberTypes(added.issueTypes())));
        return checked(renumber(out));
    }

    /**
     * The menu with the category of the same id replaced by {@code changed}; when its position
     * differs it moves there (1-based).
     */
    public static List<Category> replace(List<Category> menu, Category changed) {
        int at = indexOf(menu, changed.id());
        var out = new ArrayList<>(menu);
        out.remove(at);
        int target = changed.position() == menu.get(at).position() ? at : index(changed.position(), menu.size());
        out.add(target, changed.withIssueTypes(renumberTypes(changed.issueTypes())));
        return checked(renumber(out));
    }

    /** The menu in the order of {@code ids}, which must name every category once. */
    public static List<Category> reorder(List<Category> menu, List<String> ids) {
        return checked(renumber(ordered(menu, ids, Category::id, "category")));
    }

    /** The category with {@code added} among its issue types at {@code position} (1-based; 0 last). */
    public static Category addIssueType(Category category, IssueType added, int position) {
        if (category.issueType(added.id()).isPresent()) {
            throw Refusal.conflict("issue type id '" + added.id() + "' already exists in '" + category.id() + "'");
        }
        var types = new ArrayList<>(category.issueTypes());
        types.add(index(position, types.size() + 1), added);
        return category.withIssueTypes(renumberTypes(types));
    }

    /** The category with the issue type of the same id replaced, moved when its position differs. */
    public static Category replaceIssueType(Category category, IssueType changed) {
        List<IssueType> types = category.issueTypes();
        int at = -1;
        for (int i = 0; i < types.size(); i++) {
            if (types.get(i).id().equals(changed.id())) {
                at = i;
            }
        }
        if (at < 0) {
            throw Refusal.notFound("no issue type '" + changed.id() + "' in category '" + category.id() + "'");
        }
        var out = new ArrayList<>(types);
        out.remove(at);
        int target = changed.position() == types.get(at).position() ? at : index(changed.position(), types.size());
        out.add(target, changed);
        return category.withIssueTypes(renumberTypes(out));
    }

    /** The category with its issue types in the order of {@code ids}, which must name each once. */
    public static Category reorderIssueTypes(Category category, List<String> ids) {
        return category.withIssueTypes(renumberTypes(ordered(category.issueTypes(), ids, IssueType::id, "issue type")));
    }

    /** The category with this id. */
    public static Category find(List<Category> menu, String id) {
        return menu.get(indexOf(menu, id));
    }

    private static int indexOf(List<Category> menu, String id) {
        for (int i = 0; i < menu.size(); i++) {
            if (menu.get(i).id().equals(id)) {
                return i;
            }
        }
        throw Refusal.notFound("no category '" + id + "'");
    }

    /** A 1-based position as an index into a list that will have {@code slots} places; 0 is last. */
    private static int index(int position, int slots) {
        if (position == 0) {
            return slots - 1;
        }
        if (position < 1 || position > slots) {
            throw Refusal.invalid("position", "position must be 1.." + slots + ": " + position);
        }
        return position - 1;
    }

    private static <T> List<T> ordered(List<T> items, List<String> ids, Function<T, String> idOf, String what) {
        if (ids == null) {
            throw Refusal.invalid("ids", "ids: the " + what + " ids in the new order are required");
        }
        var wanted = new LinkedHashSet<String>();
        var twice = new LinkedHashSet<String>();
        for (String id : ids) {
            if (!wanted.add(id)) {
                twice.add(id);
            }
        }
        var known = items.stream().map(idOf).toList();
        var unknown = wanted.stream().filter(id -> !known.contains(id)).toList();
        var missing = known.stream().filter(id -> !wanted.contains(id)).toList();
        var problems = new ArrayList<String>();
        if (!twice.isEmpty()) {
            problems.add("listed twice: " + twice);
        }
        if (!unknown.isEmpty()) {
            problems.add("no such " + what + ": " + unknown);
        }
        if (!missing.isEmpty()) {
            problems.add("missing (every " + what + " must be listed once): " + missing);
        }
        if (!problems.isEmpty()) {
            throw Refusal.invalid("ids", String.join("; ", problems));
        }
        return ids.stream().map(id -> items.get(known.indexOf(id))).toList();
    }

    /** The menu with positions 1, 2, 3... in its order. */
    public static List<Category> renumber(List<Category> menu) {
        var out = new ArrayList<Category>(menu.size());
        for (int i = 0; i < menu.size(); i++) {
            out.add(menu.get(i).withPosition(i + 1));
        }
        return List.copyOf(out);
    }

    private static List<IssueType> renumberTypes(List<IssueType> types) {
        var out = new ArrayList<IssueType>(types.size());
        for (int i = 0; i < types.size(); i++) {
            out.add(types.get(i).withPosition(i + 1));
        }
        return List.copyOf(out);
    }

    private static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }
}
