package ua.zvernennia.storage;

import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;
import ua.zvernennia.core.category.Category;
import ua.zvernennia.core.category.IssueType;
import ua.zvernennia.core.category.MenuEditor;
import ua.zvernennia.core.refusal.Refusal;

/**
 * {@link MenuEditor} over the database: each edit is one transaction of the writer through
 * {@link Storage#editMenu} ({@link CategoryChanges}), which refreshes the cached menu once it is
 * committed; the file format is {@link CategoryFile}. Thread-safe.
 */
final class JdbiMenuEditor implements MenuEditor {
    private final Storage storage;

    JdbiMenuEditor(Storage storage) {
        this.storage = storage;
    }

    @Override
    public List<Category> menu() {
        return storage.read(s -> s.categoryChanges().menu());
    }

    @Override
    public List<Change> changes(String categoryId, int limit) {
        return storage.read(s -> s.categoryChanges().list(categoryId, limit));
    }

    @Override
    public Category add(Category category, int position, String actor, Instant now) {
        return storage.editMenu(c -> c.add(category, position, actor, now));
    }

    @Override
    public Category update(String id, UnaryOperator<Category> change, String actor, Instant now) {
        return storage.editMenu(c -> c.update(id, change, actor, now));
    }

    @Override
    public List<Category> reorder(List<String> ids, String actor, Instant now) {
        return storage.editMenu(c -> c.reorder(ids, actor, now));
    }

    @Override
    public IssueType addIssueType(String categoryId, IssueType type, int position, String actor, Instant now) {
        return storage.editMenu(c -> c.addIssueType(categoryId, type, position, actor, now));
    }

    @Override
    public IssueType updateIssueType(
            String categoryId, String typeId, UnaryOperator<IssueType> change, String actor, Instant now) {
        return storage.editMenu(c -> c.updateIssueType(categoryId, typeId, change, actor, now));
    }

    @Override
    public List<IssueType> reorderIssueTypes(String categoryId, List<String> ids, String actor, Instant now) {
        return storage.editMenu(c -> c.reorderIssueTypes(categoryId, ids, actor, now));
    }

    @Override
    public String export() {
        return CategoryFile.write(menu());
    }

    @Override
    public Imported importFile(String file, String actor, Instant now) {
        // The file's own checks say what is wrong with it; they are the admin's to fix.
        List<Category> fromFile = Refusal.validated(() -> CategoryFile.parse(file));
        return storage.editMenu(c -> {
            List<Category> before = c.menu();
            return new Imported(fromFile, before, c.importMenu(fromFile, actor, now));
        });
    }
}
