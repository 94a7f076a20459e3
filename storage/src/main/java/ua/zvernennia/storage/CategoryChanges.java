package ua.zvernennia.storage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import ua.zvernennia.core.category.Category;
import ua.zvernennia.core.category.CategoryMenu;
import ua.zvernennia.core.category.IssueType;
import ua.zvernennia.core.category.MenuEditor.Change;
import ua.zvernennia.core.executor.Executor;
import ua.zvernennia.core.refusal.Refusal;

/**
 * Admins' edits of the category menu, in the transaction of one handle. Each edit reads the menu
 * as the transaction sees it, applies the change with {@link CategoryMenu} (which refuses a menu
 * that breaks its rules), writes the rows that changed and records who changed what, with the
 * entries before and after as JSON. Nothing is deleted here except by an import, which deletes
 * only what no appeal refers to. Run edits through {@link Storage#editMenu}, which refreshes the
 * cached menu after the commit. Bound to one handle; not thread-safe.
 *
 * <p>Categories and issue types refer to their executor by id ({@code executorId}): an id must
 * name an existing executor, and an active one where the reference is new; a category's executor
 * name is kept its executor's. A category that names its executor by name only (a file or a
 * client from before executors were records) refers to the executor of that name, which becomes
 * a record if there is none yet, as migration V30 made records of the names there were.
 *
 * <p>Refusals change nothing (the transaction rolls back): a {@link Refusal} NOT_FOUND for an
 * unknown id, INVALID for a bad value (an unknown or inactive executor: field {@code executorId}),
 * CONFLICT for a menu that would break its rules.
 */
public final class CategoryChanges {
    private final Handle handle;
    private final JdbiCategoryCatalog catalog;
    private final ExecutorRows executors;

    CategoryChanges(Handle handle, JdbiCategoryCatalog catalog, ExecutorRows executors) {
        this.handle = handle;
        this.catalog = catalog;
        this.executors = executors;
    }

    /** The whole menu, inactive entries included, in menu order. */
    public List<Category> menu() {
        return JdbiCategoryCatalog.read(handle);
    }

    /** Adds a category at {@code position} (1-based; 0 puts it last). */
    public Category add(Category category, int position, String actor, Instant now) {
        List<Category> before = menu();
        List<Category> after = settle(before, CategoryMenu.add(CategoryMenu.renumber(before), category, position), now);
        store(before, after, now);
        Category added = CategoryMenu.find(after, category.id());
        record(now, actor, "category.add", category.id(), null, null, added);
        return added;
    }

    /** Changes a category's own fields (not its id or issue types); a new position moves it. */
    public Category update(String id, UnaryOperator<Category> change, String actor, Instant now) {
        List<Category> before = menu();
        List<Category> current = CategoryMenu.renumber(before);
        Category old = CategoryMenu.find(current, id);
        Category changed = change.apply(old);
        if (!changed.id().equals(id)) {
            throw Refusal.invalid("id", "a category's id never changes; add a new category instead");
        }
        List<Category> after =
                settle(before, CategoryMenu.replace(current, changed.withIssueTypes(old.issueTypes())), now);
        store(before, after, now);
        Category updated = CategoryMenu.find(after, id);
        record(now, actor, "category.update", id, null, old, updated);
        return updated;
    }

    /** Puts the categories in the order of {@code ids}, which must name every category once. */
    public List<Category> reorder(List<String> ids, String actor, Instant now) {
        List<Category> before = menu();
        List<Category> after = settle(before, CategoryMenu.reorder(CategoryMenu.renumber(before), ids), now);
        store(before, after, now);
        record(now, actor, "category.reorder", null, null, ids(before), ids(after));
        return after;
    }

    /** Adds an issue type to a category at {@code position} (1-based; 0 puts it last). */
    public IssueType addIssueType(String categoryId, IssueType type, int position, String actor, Instant now) {
        Category after = changeIssueTypes(categoryId, c -> CategoryMenu.addIssueType(c, type, position), now);
        IssueType added = after.issueType(type.id()).orElseThrow();
        record(now, actor, "issue-type.add", categoryId, type.id(), null, added);
        return added;
    }

    /** Changes an issue type's fields (not its id); a new position moves it. */
    public IssueType updateIssueType(
            String categoryId, String typeId, UnaryOperator<IssueType> change, String actor, Instant now) {
        Category category = CategoryMenu.find(menu(), categoryId);
        IssueType old = category.issueType(typeId)
                .orElseThrow(() -> Refusal.notFound("no issue type '" + typeId + "' in category '" + categoryId + "'"));
        IssueType changed = change.apply(old);
        if (!changed.id().equals(typeId)) {
            throw Refusal.invalid("id", "an issue type's id never changes; add a new issue type instead");
        }
        Category after = changeIssueTypes(categoryId, c -> CategoryMenu.replaceIssueType(c, changed), now);
        IssueType updated = after.issueType(typeId).orElseThrow();
        record(now, actor, "issue-type.update", categoryId, typeId, old, updated);
        return updated;
    }

    /** Puts a category's issue types in the order of {@code ids}, which must name each once. */
    public List<IssueType> reorderIssueTypes(String categoryId, List<String> ids, String actor, Instant now) {
        List<String> before = CategoryMenu.find(menu(), categoryId).issueTypes().stream()
                .map(IssueType::id)
                .toList();
        Category after = changeIssueTypes(categoryId, c -> CategoryMenu.reorderIssueTypes(c, ids), now);
        record(
                now,
                actor,
                "issue-type.reorder",
                categoryId,
                null,
                before,
                after.issueTypes().stream().map(IssueType::id).toList());
        return after.issueTypes();
    }

    /**
     * Replaces the whole menu with {@code imported} (a checked menu, as {@link CategoryFile#parse}
     * gives). What the file leaves out is deleted, or deactivated where appeals refer to it, and
     * kept after the file's entries.
     */
    public List<Category> importMenu(List<Category> file, String actor, Instant now) {
        List<Category> before = menu();
        List<Category> imported = settle(before, file, now);
        catalog.replaceAll(handle, imported, now);
        Set<String> fileIds = imported.stream().map(Category::id).collect(Collectors.toSet());
        List<Category> written = menu();
        var ordered = new ArrayList<Category>();
        imported.forEach(c -> ordered.add(
                written.stream().filter(w -> w.id().equals(c.id())).findFirst().orElseThrow()));
        written.stream().filter(w -> !fileIds.contains(w.id())).forEach(ordered::add);
        List<Category> after = CategoryMenu.checked(CategoryMenu.renumber(ordered));
        store(written, after, now);
        record(now, actor, "menu.import", null, null, before, after);
        return after;
    }

    /** The recorded changes, newest first; of one category when {@code categoryId} is not null. */
    public List<Change> list(String categoryId, int limit) {
        return handle.createQuery("SELECT * FROM category_change"
                        + (categoryId == null ? "" : " WHERE category_id = :categoryId")
                        + " ORDER BY id DESC LIMIT :limit")
                .bind("categoryId", categoryId)
                .bind("limit", limit)
                .map((rs, ctx) -> new Change(
                        rs.getLong("id"),
                        Instant.ofEpochMilli(rs.getLong("changed_at")),
                        rs.getString("actor"),
                        rs.getString("action"),
                        rs.getString("category_id"),
                        rs.getString("issue_type_id"),
                        rs.getString("before_json"),
                        rs.getString("after_json")))
                .list();
    }

    private Category changeIssueTypes(String categoryId, UnaryOperator<Category> change, Instant now) {
        List<Category> before = menu();
        List<Category> current = CategoryMenu.renumber(before);
        Category changed = change.apply(CategoryMenu.find(current, categoryId));
        List<Category> after = settle(before, CategoryMenu.replace(current, changed), now);
        store(before, after, now);
        return CategoryMenu.find(after, categoryId);
    }

    /**
     * Replaces an executor's fields (see {@link ExecutorRows#update}); the categories that refer
     * to it take its new name. False when there is no such executor.
     */
    public boolean updateExecutor(Executor executor) {
        if (!executors.update(executor)) {
            return false;
        }
        handle.createUpdate("UPDATE category SET executor = :name WHERE executor_id = :id")
                .bind("name", executor.name())
                .bind("id", executor.id())
                .execute();
        return true;
    }

    /**
     * Seeds an empty database with {@code menu}: references to executors it does not have (or
     * whose executor is inactive) are dropped, the names stay and refer to their records.
     */
    public void seed(List<Category> menu, Instant now) {
        List<Category> known = menu.stream()
                .map(c -> {
                    Category k =
                            c.executorId() == null || usable(c.executorId()) ? c : c.withExecutor(null, c.executor());
                    return k.withIssueTypes(k.issueTypes().stream()
                            .map(t -> t.executorId() == null || usable(t.executorId()) ? t : t.withExecutorId(null))
                            .toList());
                })
                .toList();
        catalog.replaceAll(handle, settle(List.of(), known, now), now);
    }

    private boolean usable(long executorId) {
        return executors.executor(executorId).filter(Executor::active).isPresent();
    }

    /**
     * The entries of {@code after} that differ from {@code before}, with their references to
     * executors made good: an id names an existing executor (an active one where the reference
     * is new) and the category takes its name; a name alone refers to the executor of that name,
     * made a record when there is none.
     *
     * @throws Refusal INVALID (field {@code executorId}) for an unknown or newly chosen inactive executor
     */
    private List<Category> settle(List<Category> before, List<Category> after, Instant now) {
        Map<String, Category> old = before.stream().collect(Collectors.toMap(Category::id, Function.identity()));
        var out = new ArrayList<Category>(after.size());
        for (Category c : after) {
            Category was = old.get(c.id());
            out.add(c.equals(was) ? c : settle(c, was, now));
        }
        return out;
    }

    private Category settle(Category c, Category was, Instant now) {
        Category settled = c;
        if (c.executorId() != null) {
            Executor e = executor(c.executorId(), was == null ? null : was.executorId(), "category '" + c.id() + "'");
            settled = c.withExecutor(e.id(), e.name());
        } else if (!c.executor().isBlank()) {
            Executor e = executors
                    .named(c.executor())
                    .orElseGet(() -> executors.create(new Executor(0, c.executor(), null, null, false, true), now));
            settled = c.withExecutor(e.id(), e.name());
        }
        for (IssueType t : c.issueTypes()) {
            if (t.executorId() != null) {
                Long wasId = was == null
                        ? null
                        : was.issueType(t.id()).map(IssueType::executorId).orElse(null);
                executor(t.executorId(), wasId, "issue type '" + t.id() + "' of category '" + c.id() + "'");
            }
        }
        return settled;
    }

    private Executor executor(long id, Long was, String of) {
        Executor e = executors
                .executor(id)
                .orElseThrow(() -> Refusal.invalid(
                        "executorId", "executorId: no executor " + id + " (" + of + "); see GET /api/executors"));
        if (!e.active() && !Long.valueOf(id).equals(was)) {
            throw Refusal.invalid(
                    "executorId", "executorId: executor " + id + " (" + e.name() + ") is not active (" + of + ")");
        }
        return e;
    }

    /** Writes the categories and issue types of {@code after} that differ from {@code before}. */
    private void store(List<Category> before, List<Category> after, Instant now) {
        Map<String, Category> old = before.stream().collect(Collectors.toMap(Category::id, Function.identity()));
        for (Category c : after) {
            Category was = old.get(c.id());
            if (was == null) {
                CategoryRows.insert(handle, c, now);
            } else if (!c.withIssueTypes(List.of()).equals(was.withIssueTypes(List.of()))) {
                CategoryRows.update(handle, c, now);
            }
            Set<String> known = new HashSet<>();
            if (was != null) {
                was.issueTypes().forEach(t -> known.add(t.id()));
            }
            for (IssueType t : c.issueTypes()) {
                if (!known.contains(t.id())) {
                    CategoryRows.insert(handle, c.id(), t);
                } else if (!t.equals(was.issueType(t.id()).orElseThrow())) {
                    CategoryRows.update(handle, c.id(), t);
                }
            }
        }
    }

    private void record(
            Instant now,
            String actor,
            String action,
            String categoryId,
            String issueTypeId,
            Object before,
            Object after) {
        handle.createUpdate(
                        "INSERT INTO category_change (changed_at, actor, action, category_id, issue_type_id, before_json, after_json) "
                                + "VALUES (:at, :actor, :action, :categoryId, :issueTypeId, :before, :after)")
                .bind("at", now.toEpochMilli())
                .bind("actor", actor)
                .bind("action", action)
                .bind("categoryId", categoryId)
                .bind("issueTypeId", issueTypeId)
                .bind("before", before == null ? null : Json.write(before))
                .bind("after", after == null ? null : Json.write(after))
                .execute();
    }

    private static List<String> ids(List<Category> menu) {
        return menu.stream().map(Category::id).toList();
    }
}
