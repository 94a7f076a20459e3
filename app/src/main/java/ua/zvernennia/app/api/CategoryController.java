package ua.zvernennia.app.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import ua.zvernennia.app.web.RouteGroup;
import ua.zvernennia.core.category.Category;
import ua.zvernennia.core.category.DeadlineClass;
import ua.zvernennia.core.category.IssueType;
import ua.zvernennia.core.category.MenuEditor;
import ua.zvernennia.core.refusal.Refusal;

/**
 * {@code /api/categories}: admins edit the category menu while the bot runs. Every change is one
 * transaction, checked as a whole menu (a bad one gets 400 or 409 and changes nothing), recorded
 * with its author, and seen by the next citizen who opens the menu on any channel. Categories and
 * issue types refer to their executor by {@code executorId}, an executor of
 * {@code GET /api/executors} (400 with the field otherwise); a category's {@code executor} is
 * that executor's name.
 */
public final class CategoryController implements RouteGroup {
    private static final int DEFAULT_CHANGES = 100;
    private static final int MAX_CHANGES = 1000;
    private static final String YAML = "application/yaml; charset=utf-8";

    /** A new category; positions are 1-based, none puts it last. */
    record NewCategory(
            String id,
            String nameUk,
            String nameEn,
            String emoji,
            DeadlineClass deadlineClass,
            String executor,
            Long executorId,
            Integer position,
            Boolean active,
            List<NewIssueType> issueTypes) {
        Category category() {
            List<IssueType> types = issueTypes == null
                    ? List.of()
                    : issueTypes.stream().map(t -> t.issueType(0)).toList();
            return new Category(
                    id, nameUk, nameEn, emoji, deadlineClass, executor, executorId, 0, active == null || active, types);
        }
    }

    record NewIssueType(
            String id,
            String nameUk,
            String nameEn,
            DeadlineClass deadlineClass,
            Long executorId,
            Integer position,
            Boolean active) {
        IssueType issueType(int at) {
            return new IssueType(id, nameUk, nameEn, deadlineClass, executorId, at, active == null || active);
        }
    }

    /**
     * Fields to change; absent (or null) ones stay as they are, but for the executor: a given
     * {@code executorId} chooses the executor by id, {@code "executorId": null} takes the
     * category off any executor (or names it by {@code executor} alone), and {@code executor}
     * without {@code executorId} names it by name, as clients did before executors were records.
     */
    record CategoryPatch(
            String nameUk,
            String nameEn,
            String emoji,
            DeadlineClass deadlineClass,
            String executor,
            Long executorId,
            Integer position,
            Boolean active) {
        Category applyTo(Category c, boolean executorIdGiven) {
            Long id = c.executorId();
            String name = c.executor();
            if (executorIdGiven) {
                id = executorId;
                name = executorId != null ? c.executor() : or(executor, "");
            } else if (executor != null) {
                id = null;
                name = executor;
            }
            return new Category(
                    c.id(),
                    or(nameUk, c.nameUk()),
                    or(nameEn, c.nameEn()),
                    or(emoji, c.emoji()),
                    or(deadlineClass, c.deadlineClass()),
                    name,
                    id,
                    or(position, c.position()),
                    or(active, c.active()),
                    c.issueTypes());
        }
    }

    /** Fields to change; absent ones stay as they are; {@code "executorId": null} sends its appeals to the category's executor. */
    record IssueTypePatch(
            String nameUk,
            String nameEn,
            DeadlineClass deadlineClass,
            Long executorId,
            Integer position,
            Boolean active) {
        IssueType applyTo(IssueType t, boolean executorIdGiven) {
            return new IssueType(
                    t.id(),
                    or(nameUk, t.nameUk()),
                    or(nameEn, t.nameEn()),
                    or(deadlineClass, t.deadlineClass()),
                    executorIdGiven ? executorId : t.executorId(),
                    or(position, t.position()),
                    or(active, t.active()));
        }
    }

    record Order(List<String> ids) {}

    /** A recorded change as the API lists it: the entries before and after as JSON. */
    record ChangeView(
            long id,
            Instant at,
            String actor,
            String action,
            String categoryId,
            String issueTypeId,
            JsonNode before,
            JsonNode after) {}

    private final MenuEditor menu;
    private final Clock clock;

    public CategoryController(MenuEditor menu, Clock clock) {
        this.menu = menu;
        this.clock = clock;
    }

    @Override
    public void routes(RoutesConfig app) {
        app.get("/api/categories", this::list, Role.ADMIN);
        app.post("/api/categories", this::add, Role.ADMIN);
        app.post("/api/categories/reorder", this::reorder, Role.ADMIN);
        app.get("/api/categories/changes", this::changes, Role.ADMIN);
        app.get("/api/categories/export", this::export, Role.ADMIN);
        app.post("/api/categories/import", this::importMenu, Role.ADMIN);
        app.patch("/api/categories/{id}", this::update, Role.ADMIN);
        app.get("/api/categories/{id}/issue-types", this::issueTypes, Role.ADMIN);
        app.post("/api/categories/{id}/issue-types", this::addIssueType, Role.ADMIN);
        app.post("/api/categories/{id}/issue-types/reorder", this::reorderIssueTypes, Role.ADMIN);
        app.patch("/api/categories/{id}/issue-types/{typeId}", this::updateIssueType, Role.ADMIN);
    }

    private void list(Context ctx) {
        ctx.json(menu.menu());
    }

    private void add(Context ctx) {
        NewCategory req = ApiJson.body(ctx, NewCategory.class);
        Category category = Refusal.validated(req::category);
        int position = position(req.position());
        String by = Caller.of(ctx).name();
        ctx.status(201).json(menu.add(category, position, by, clock.instant()));
    }

    private void update(Context ctx) {
        CategoryPatch patch = ApiJson.body(ctx, CategoryPatch.class);
        boolean executorIdGiven = given(ctx, "executorId");
        position(patch.position());
        String by = Caller.of(ctx).name();
        ctx.json(menu.update(
                ctx.pathParam("id"),
                c -> Refusal.validated(() -> patch.applyTo(c, executorIdGiven)),
                by,
                clock.instant()));
    }

    private void reorder(Context ctx) {
        Order order = ApiJson.body(ctx, Order.class);
        String by = Caller.of(ctx).name();
        ctx.json(menu.reorder(order.ids(), by, clock.instant()));
    }

    private void issueTypes(Context ctx) {
        ctx.json(category(menu.menu(), ctx.pathParam("id")).issueTypes());
    }

    private void addIssueType(Context ctx) {
        NewIssueType req = ApiJson.body(ctx, NewIssueType.class);
        IssueType type = Refusal.validated(() -> req.issueType(0));
        int position = position(req.position());
        String by = Caller.of(ctx).name();
        ctx.status(201).json(menu.addIssueType(ctx.pathParam("id"), type, position, by, clock.instant()));
    }

    private void updateIssueType(Context ctx) {
        IssueTypePatch patch = ApiJson.body(ctx, IssueTypePatch.class);
        boolean executorIdGiven = given(ctx, "executorId");
        position(patch.position());
        String by = Caller.of(ctx).name();
        ctx.json(menu.updateIssueType(
                ctx.pathParam("id"),
                ctx.pathParam("typeId"),
                t -> Refusal.validated(() -> patch.applyTo(t, executorIdGiven)),
                by,
                clock.instant()));
    }

    private void reorderIssueTypes(Context ctx) {
        Order order = ApiJson.body(ctx, Order.class);
        String by = Caller.of(ctx).name();
        ctx.json(menu.reorderIssueTypes(ctx.pathParam("id"), order.ids(), by, clock.instant()));
    }

    private void changes(Context ctx) {
        int limit;
        try {
            String given = ctx.queryParam("limit");
            limit = given == null ? DEFAULT_CHANGES : Integer.parseInt(given);
        } catch (NumberFormatException e) {
            throw Refusal.invalid("limit", "limit must be a number 1.." + MAX_CHANGES);
        }
        if (limit < 1 || limit > MAX_CHANGES) {
            throw Refusal.invalid("limit", "limit must be 1.." + MAX_CHANGES);
        }
        ctx.json(menu.changes(ctx.queryParam("categoryId"), limit).stream()
                .map(c -> new ChangeView(
                        c.id(),
                        c.at(),
                        c.actor(),
                        c.action(),
                        c.categoryId(),
                        c.issueTypeId(),
                        json(c.before()),
                        json(c.after())))
                .toList());
    }

    private void export(Context ctx) {
        ctx.header("Content-Disposition", "attachment; filename=\"categories.yaml\"");
        ctx.contentType(YAML).result(menu.export());
    }

    /** The whole menu from a file in the form of {@code config/categories.yaml}: all of it, or nothing. */
    private void importMenu(Context ctx) {
        String body = ctx.body();
        if (body.isBlank()) {
            throw Refusal.invalid(
                    "the request body is empty; the menu in the form of config/categories.yaml is expected");
        }
        MenuEditor.Imported imported = menu.importFile(body, Caller.of(ctx).name(), clock.instant());
        Set<String> kept = imported.after().stream().map(Category::id).collect(Collectors.toSet());
        Set<String> fromFile = imported.fromFile().stream().map(Category::id).collect(Collectors.toSet());
        var out = new LinkedHashMap<String, Object>();
        out.put("categories", imported.after());
        out.put(
                "deactivated",
                imported.before().stream()
                        .filter(Category::active)
                        .filter(c -> kept.contains(c.id()) && !fromFile.contains(c.id()))
                        .map(Category::id)
                        .sorted()
                        .toList());
        out.put(
                "deleted",
                imported.before().stream()
                        .map(Category::id)
                        .filter(id -> !kept.contains(id))
                        .sorted()
                        .toList());
        ctx.json(out);
    }

    private static Category category(List<Category> menu, String id) {
        return menu.stream()
                .filter(c -> c.id().equals(id))
                .findFirst()
                .orElseThrow(() -> Refusal.notFound("no category '" + id + "'"));
    }

    /** Whether the request's JSON object has the field, null or not. */
    private static boolean given(Context ctx, String field) {
        return ApiJson.body(ctx, JsonNode.class).has(field);
    }

    /** A requested position: none means last (0). */
    private static int position(Integer position) {
        if (position == null) {
            return 0;
        }
        if (position < 1) {
            throw Refusal.invalid("position", "position must be 1 or more: " + position);
        }
        return position;
    }

    private static JsonNode json(String text) {
        if (text == null) {
            return null;
        }
        try {
            return ApiJson.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a recorded change is not JSON", e);
        }
    }

    private static <T> T or(T value, T otherwise) {
        return value == null ? otherwise : value;
    }
}
