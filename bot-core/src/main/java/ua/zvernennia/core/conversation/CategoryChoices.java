package ua.zvernennia.core.conversation;

import java.util.List;
import java.util.Optional;
import ua.zvernennia.core.category.Category;
import ua.zvernennia.core.category.CategoryCatalog;
import ua.zvernennia.core.category.IssueType;

/**
 * The menu of categories as the bot offers it: the active ones, in pages, chosen by button or by a
 * typed name. Reads the catalog on each call, since an admin may change the menu at any time.
 */
final class CategoryChoices {
    private final CategoryCatalog catalog;
    private final int pageSize;

    CategoryChoices(CategoryCatalog catalog, int pageSize) {
        this.catalog = catalog;
        this.pageSize = pageSize;
    }

    List<Category> active() {
        return catalog.active();
    }

    /** A category by id, even one taken off the menu (a draft's, an appeal's). */
    Optional<Category> find(String id) {
        return id == null ? Optional.empty() : catalog.find(id);
    }

    /** The category, if the menu offers it now. */
    Optional<Category> offered(String id) {
        return active().stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /** The one active category whose name in {@code language} fits what the citizen typed. */
    Optional<Category> match(String typed, String language) {
        return Matching.unique(active(), c -> c.name(language), Matching.normalise(typed));
    }

    /** Whether the category (even one taken off the menu) has issue types to choose from. */
    boolean hasIssueTypes(String categoryId) {
        return find(categoryId).map(c -> !c.activeIssueTypes().isEmpty()).orElse(false);
    }

    /** Whether the draft's category, and its issue type if chosen, are still on the menu. */
    boolean stillOffered(Draft draft) {
        String id = draft.categoryId();
        if (id == null) {
            return false;
        }
        Optional<Category> c = offered(id);
        if (c.isEmpty()) {
            return false;
        }
        String type = draft.issueTypeId();
        return type == null || c.get().issueType(type).map(IssueType::active).orElse(false);
    }

    List<Category> page(int page) {
        List<Category> all = active();
        return all.subList(Math.min(all.size(), page * pageSize), Math.min(all.size(), (page + 1) * pageSize));
    }

    int lastPage() {
        int n = active().size();
        return n == 0 ? 0 : (n - 1) / pageSize;
    }

    /** The page the category is on; the first when it is not on the menu. */
    int pageOf(String categoryId) {
        List<Category> all = active();
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).id().equals(categoryId)) {
                return i / pageSize;
            }
        }
        return 0;
    }
}
