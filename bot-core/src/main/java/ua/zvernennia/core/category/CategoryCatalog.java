package ua.zvernennia.core.category;

import java.util.List;
import java.util.Optional;

/**
 * Port: the category menu as it is now. Implementations are thread-safe; reads see the latest
 * committed menu.
 */
public interface CategoryCatalog {
    /** Active categories in menu order, each with all its issue types. */
    List<Category> active();

    /** Any category, active or not. */
    Optional<Category> find(String id);
}
