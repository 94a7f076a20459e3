package ua.zvernennia.storage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import ua.zvernennia.core.category.Category;
import ua.zvernennia.core.category.CategoryCatalog;
import ua.zvernennia.core.category.DeadlineClass;
import ua.zvernennia.core.category.IssueType;

/**
 * The category menu, read from the database and kept in memory: the menu is read on almost every
 * turn and changes rarely. Writers call {@link #replaceAll} or {@link #reload} in the same unit
 * of work as their change. Thread-safe.
 */
public final class JdbiCategoryCatalog implements CategoryCatalog {
    /** The menu's version as the database has it: the latest change and the number of categories (a seed records no change). */
    static final String VERSION =
            "SELECT (SELECT COALESCE(MAX(id), 0) FROM category_change) * 1000000 + (SELECT COUNT(*) FROM category)";

    private final Jdbi jdbi;
    private volatile List<Category> all = List.of();
    private volatile long version = -1;

    public JdbiCategoryCatalog(Jdbi jdbi) {
        this.jdbi = jdbi;
        reload();
    }

    public void reload() {
        jdbi.useHandle(h -> {
            long v = version(h);
            all = read(h);
            version = v;
        });
    }

    /**
     * Reloads the menu when another instance sharing the database has changed it since it was
     * read here: one small query, asked before every batch of turns and every second (several
     * instances only). Returns whether it reloaded.
     */
    public boolean refreshIfChanged(Handle handle) {
        return refreshIfChanged(version(handle));
    }

    /** {@link #refreshIfChanged(Handle)} when the database's version ({@link #VERSION}) was read already. */
    boolean refreshIfChanged(long databaseVersion) {
        if (databaseVersion == version) {
            return false;
        }
        reload();
        return true;
    }

    /** {@link #refreshIfChanged(Handle)} on a connection of its own. */
    public boolean refreshIfChanged() {
        return jdbi.withHandle(this::refreshIfChanged);
    }

    private static long version(Handle h) {
        return h.createQuery(VERSION).mapTo(Long.class).one();
    }

    @Override
    public List<Category> active() {
        return all.stream().filter(Category::active).toList();
    }

    /** Every category, active or not, in menu order. */
    public List<Category> all() {
        return all;
    }

    @Override
    public Optional<Category> find(String id) {
        return all.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /** True when the database holds no category yet. */
    public boolean isEmpty() {
        return all.isEmpty();
    }

    /**
     * Replaces the whole menu in the handle's transaction (a seed or an import). Categories and
     * issue types that appeals refer to are deactivated, never deleted. Call {@link #reload()}
     * once the transaction has committed.
     */
    public void replaceAll(Handle handle, List<Category> categories, Instant now) {
        handle.execute("DELETE FROM issue_type WHERE category_id NOT IN (SELECT DISTINCT category_id FROM appeal)");
        handle.execute("UPDATE issue_type SET active = FALSE");
        handle.execute("DELETE FROM category WHERE id NOT IN (SELECT DISTINCT category_id FROM appeal)");
        handle.execute("UPDATE category SET active = FALSE");
        for (Category c : categories) {
            if (CategoryRows.update(handle, c, now) == 0) {
                CategoryRows.insert(handle, c, now);
            }
            for (IssueType t : c.issueTypes()) {
                if (CategoryRows.update(handle, c.id(), t) == 0) {
                    CategoryRows.insert(handle, c.id(), t);
                }
            }
        }
    }

    private static Long executorId(java.sql.ResultSet rs) throws java.sql.SQLException {
        long id = rs.getLong("executor_id");
        return rs.wasNull() ? null : id;
    }

    /** The whole menu as the handle's transaction sees it. */
    static List<Category> read(Handle h) {
        Map<String, List<IssueType>> types = new LinkedHashMap<>();
        h.createQuery("SELECT * FROM issue_type ORDER BY category_id, sort_order, id")
                .map((rs, ctx) -> {
                    String deadline = rs.getString("deadline_class");
                    return Map.entry(
                            rs.getString("category_id"),
                            new IssueType(
                                    rs.getString("id"),
                                    rs.getString("name_uk"),
                                    rs.getString("name_en"),
                                    deadline == null ? null : DeadlineClass.valueOf(deadline),
                                    executorId(rs),
                                    rs.getInt("sort_order"),
                                    rs.getBoolean("active")));
                })
                .forEach(e -> types.computeIfAbsent(e.getKey(), k -> new ArrayList<>())
                        .add(e.getValue()));
        return h
                .createQuery("SELECT * FROM category ORDER BY sort_order, id")
                .map((rs, ctx) -> new Category(
                        rs.getString("id"),
                        rs.getString("name_uk"),
                        rs.getString("name_en"),
                        rs.getString("emoji"),
                        DeadlineClass.valueOf(rs.getString("deadline_class")),
                        rs.getString("executor"),
                        executorId(rs),
                        rs.getInt("sort_order"),
                        rs.getBoolean("active"),
                        types.getOrDefault(rs.getString("id"), List.of())))
                .list()
                .stream()
                .sorted(Comparator.comparingInt(Category::position))
                .toList();
    }
}
