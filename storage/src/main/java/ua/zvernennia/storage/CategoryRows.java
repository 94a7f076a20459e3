package ua.zvernennia.storage;

import java.time.Instant;
import org.jdbi.v3.core.Handle;
import ua.zvernennia.core.category.Category;
import ua.zvernennia.core.category.IssueType;

/** The rows of one category or issue type, written the same way by edits and by imports. Stateless. */
final class CategoryRows {
    private CategoryRows() {}

    static void insert(Handle handle, Category c, Instant now) {
        handle.createUpdate(
                        "INSERT INTO category (id, name_uk, name_en, emoji, deadline_class, executor, executor_id, sort_order, active, updated_at) "
                                + "VALUES (:id, :nameUk, :nameEn, :emoji, :deadline, :executor, :executorId, :position, :active, :now)")
                .bindMethods(c)
                .bind("deadline", c.deadlineClass().name())
                .bind("now", now.toEpochMilli())
                .execute();
    }

    /** Returns the rows changed: 0 when there is no such category. */
    static int update(Handle handle, Category c, Instant now) {
        return handle.createUpdate(
                        "UPDATE category SET name_uk = :nameUk, name_en = :nameEn, emoji = :emoji, deadline_class = :deadline, "
                                + "executor = :executor, executor_id = :executorId, sort_order = :position, active = :active, "
                                + "updated_at = :now WHERE id = :id")
                .bindMethods(c)
                .bind("deadline", c.deadlineClass().name())
                .bind("now", now.toEpochMilli())
                .execute();
    }

    static void insert(Handle handle, String categoryId, IssueType t) {
        handle.createUpdate(
                        "INSERT INTO issue_type (category_id, id, name_uk, name_en, deadline_class, executor_id, sort_order, active) "
                                + "VALUES (:categoryId, :id, :nameUk, :nameEn, :deadline, :executorId, :position, :active)")
                .bindMethods(t)
                .bind("categoryId", categoryId)
                .bind(
                        "deadline",
                        t.deadlineClass() == null ? null : t.deadlineClass().name())
                .execute();
    }

    /** Returns the rows changed: 0 when the category has no such issue type. */
    static int update(Handle handle, String categoryId, IssueType t) {
        return handle.createUpdate(
                        "UPDATE issue_type SET name_uk = :nameUk, name_en = :nameEn, deadline_class = :deadline, "
                                + "executor_id = :executorId, sort_order = :position, active = :active "
                                + "WHERE category_id = :categoryId AND id = :id")
                .bindMethods(t)
                .bind("categoryId", categoryId)
                .bind(
                        "deadline",
                        t.deadlineClass() == null ? null : t.deadlineClass().name())
                .execute();
    }
}
