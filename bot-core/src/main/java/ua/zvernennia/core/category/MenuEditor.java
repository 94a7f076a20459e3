package ua.zvernennia.core.category;

import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Port: admins edit the category menu while the bot runs. Each edit is one transaction: it reads
 * the menu as it is, applies the change with {@link CategoryMenu} (which refuses a menu that
 * breaks its rules), records who changed what, and once committed is seen by the next citizen
 * who opens the menu on any channel. Categories and issue types are never deleted except by an
 * import, and only where no appeal refers to them.
 *
 * <p>An edit that cannot be made changes nothing and is a
 * {@link ua.zvernennia.core.refusal.Refusal}: NOT_FOUND for an unknown id, INVALID for a bad value
 * (a file that cannot be read included), CONFLICT for a menu that would break its rules. Thread-safe.
 */
public interface MenuEditor {
    /** One recorded change; {@code before} and {@code after} are JSON, null where nothing was. */
    record Change(
            long id,
            Instant at,
            String actor,
            String action,
            String categoryId,
            String issueTypeId,
            String before,
            String after) {}

    /**
     * A menu replaced by a file.
     *
     * @param fromFile the categories as the file has them
     * @param before   the whole menu before
     * @param after    the whole menu after: the file's categories, then those kept because
     *                 appeals refer to them (deactivated)
     */
    record Imported(List<Category> fromFile, List<Category> before, List<Category> after) {
        public Imported {
            fromFile = List.copyOf(fromFile);
            before = List.copyOf(before);
            after = List.copyOf(after);
        }
    }

    /** The whole menu, inactive entries included, in menu order. */
    List<Category> menu();

    /** The recorded changes, newest first; of one category when {@code categoryId} is not null. */
    List<Change> changes(String categoryId, int limit);

    /** Adds a category at {@code position} (1-based; 0 puts it last). */
    Category add(Category category, int position, String actor, Instant now);

    /** Changes a category's own fields (not its id or issue types); a new position moves it. */
    Category update(String id, UnaryOperator<Category> change, String actor, Instant now);

    /** Puts the categories in the order of {@code ids}, which must name every category once. */
    List<Category> reorder(List<String> ids, String actor, Instant now);

    /** Adds an issue type to a category at {@code position} (1-based; 0 puts it last). */
    IssueType addIssueType(String categoryId, IssueType type, int position, String actor, Instant now);

    /** Changes an issue type's fields (not its id); a new position moves it. */
    IssueType updateIssueType(
            String categoryId, String typeId, UnaryOperator<IssueType> change, String actor, Instant now);

    /** Puts a category's issue types in the order of {@code ids}, which must name each once. */
    List<IssueType> reorderIssueTypes(String categoryId, List<String> ids, String actor, Instant now);

    /** The whole menu as a file in the form of {@code config/categories.yaml}, to edit offline. */
    String export();

    /** Replaces the whole menu with the file's, checked as a whole: all of it, or nothing. */
    Imported importFile(String file, String actor, Instant now);
}
