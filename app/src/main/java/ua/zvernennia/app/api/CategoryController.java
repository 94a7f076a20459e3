package ua.zvernennia.app.api;

import io.javalin.config.RoutesConfig;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import ua.zvernennia.core.category.Category;
import ua.zvernennia.core.category.DeadlineClass;
import ua.zvernennia.core.category.IssueType;
import ua.zvernennia.core.refusal.Refusal;
import ua.zvernennia.storage.CategoryChanges;
import ua.zvernennia.storage.CategoryFile;

/**
 * {@code /api/categories}: admins edit the category menu while the bot runs. Every change is one
 * transaction, checked as a whole menu (a bad one gets 400 or 409 and changes nothing), recorded
 * with its author, and seen by the next citizen who opens the menu on any channel.
 */
final class CategoryController {
    private static final int DEFAULT_CHANGES = 100;
    private static final int MAX_CHANGES = 1000;
    private static final String YAML = "application/yaml; charset=utf-8";

    /** A new category; positions are 1-based, none puts it last. */
    record NewCategory(String id, String nameUk, String nameEn, String emoji, DeadlineClass deadlineClass, String executor,
                       Integer position, Boolean active, List<NewIssueType> issueTypes) {
        Category category() {
            List<IssueType> types = issueTypes == null ? List.of()
                    : issueTypes.stream().map(t -> t.issueType(0)).toList();
            return new Category(id, nameUk, nameEn, emoji, deadlineClass, executor, 0, active == null || active, types);
        }
    }

    record NewIssueType(String id, String nameUk, String nameEn, DeadlineClass deadlineClass, Integer position, Boolean active) {
        IssueType issueType(int at) {
            return new IssueType(id, nameUk, nameEn, deadlineClass, at, active == null || active);
        }
    }

    /** Fields to change; absent (or null) ones stay as they are. */
    record CategoryPatch(String nameUk, String nameEn, String emoji, DeadlineClass deadlineClass, String executor,
                         Integer position, Boolean active) {
        Category applyTo(Category c) {
            return new Category(c.id(), or(nameUk, c.nameUk()), or(nameEn, c.nameEn()), or(emoji, c.emoji()),
                    or(deadlineClass, c.deadlineClass()), or(executor, c.executor()), or(position, c.position()),
                    or(active, c.active()), c.issueTypes());
        }
    }

    record IssueTypePatch(String nameUk, String nameEn, DeadlineClass deadlineClass, Integer position, Boolean active) {
        IssueType applyTo(IssueType t) {
            return new IssueType(t.id(), or(nameUk, t.nameUk()), or(nameEn, t.nameEn()), or(deadlineClass, t.deadlineClass()),
                    or(position, t.position()), or(active, t.active()));
        }
    }

    record Order(List<String> ids) {
    }

    /** A recorded change as the API lists it: the entries before and after as JSON. */
    record ChangeView(long id, Instant at, String actor, String action, String categoryId, String issueTypeId,
                      JsonNode before, JsonNode after) {
    }

    private CategoryController() {
    }

    static void register(RoutesConfig app, Api.Deps deps) {
        app.get("/api/categories", ctx -> ctx.json(deps.storage().read(s -> s.categoryChanges().menu())), Role.ADMIN);
        app.post("/api/categories", refusals(ctx -> add(ctx, deps)), Role.ADMIN);
        app.post("/api/categories/reorder", refusals(ctx -> reorder(ctx, deps)), Role.ADMIN);
        app.get("/api/categories/changes", ctx -> changes(ctx, deps), Role.ADMIN);
        app.get("/api/categories/export", ctx -> export(ctx, deps), Role.ADMIN);
        app.post("/api/categories/import", refusals(ctx -> importMenu(ctx, deps)), Role.ADMIN);
        app.patch("/api/categories/{id}", refusals(ctx -> update(ctx, deps)), Role.ADMIN);
        app.get("/api/categories/{id}/issue-types", refusals(ctx -> ctx.json(deps.storage()
                .read(s -> category(s.categoryChanges().menu(), ctx.pathParam("id"))).issueTypes())), Role.ADMIN);
        app.post("/api/categories/{id}/issue-types", refusals(ctx -> addIssueType(ctx, deps)), Role.ADMIN);
        app.post("/api/categories/{id}/issue-types/reorder", refusals(ctx -> reorderIssueTypes(ctx, deps)), Role.ADMIN);
        app.patch("/api/categories/{id}/issue-types/{typeId}", refusals(ctx -> updateIssueType(ctx, deps)), Role.ADMIN);
    }

    private static void add(Context ctx, Api.Deps deps) {
        NewCategory req = ApiJson.body(ctx, NewCategory.class);
        Category category = req.category();
        int position = position(req.position());
        String by = Caller.of(ctx).name();
        ctx.status(201).json(deps.storage().editMenu(c -> c.add(category, position, by, deps.clock().instant())));
    }

    private static void update(Context ctx, Api.Deps deps) {
        CategoryPatch patch = ApiJson.body(ctx, CategoryPatch.class);
        position(patch.position());
        String by = Caller.of(ctx).name();
        ctx.json(deps.storage().editMenu(c -> c.update(ctx.pathParam("id"), patch::applyTo, by, deps.clock().instant())));
    }

    private static void reorder(Context ctx, Api.Deps deps) {
        Order order = ApiJson.body(ctx, Order.class);
        String by = Caller.of(ctx).name();
        ctx.json(deps.storage().editMenu(c -> c.reorder(order.ids(), by, deps.clock().instant())));
    }

    private static void addIssueType(Context ctx, Api.Deps deps) {
        NewIssueType req = ApiJson.body(ctx, NewIssueType.class);
        IssueType type = req.issueType(0);
        int position = position(req.position());
        String by = Caller.of(ctx).name();
        ctx.status(201).json(deps.storage().editMenu(c ->
                c.addIssueType(ctx.pathParam("id"), type, position, by, deps.clock().instant())));
    }

    private static void updateIssueType(Context ctx, Api.Deps deps) {
        IssueTypePatch patch = ApiJson.body(ctx, IssueTypePatch.class);
        position(patch.position());
        String by = Caller.of(ctx).name();
        ctx.json(deps.storage().editMenu(c -> c.updateIssueType(ctx.pathParam("id"), ctx.pathParam("typeId"),
                patch::applyTo, by, deps.clock().instant())));
    }

    private static void reorderIssueTypes(Context ctx, Api.Deps deps) {
        Order order = ApiJson.body(ctx, Order.class);
        String by = Caller.of(ctx).name();
        ctx.json(deps.storage().editMenu(c -> c.reorderIssueTypes(ctx.pathParam("id"), order.ids(), by, deps.clock().instant())));
    }

    private static void changes(Context ctx, Api.Deps deps) {
        int limit;
        try {
            String given = ctx.queryParam("limit");
            limit = given == null ? DEFAULT_CHANGES : Integer.parseInt(given);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("limit must be a number 1.." + MAX_CHANGES);
        }
        if (limit < 1 || limit > MAX_CHANGES) {
            throw ApiException.badRequest("limit must be 1.." + MAX_CHANGES);
        }
        String categoryId = ctx.queryParam("categoryId");
        int n = limit;
        List<CategoryChanges.Change> changes = deps.storage().read(s -> s.categoryChanges().list(categoryId, n));
        ctx.json(changes.stream().map(c -> new ChangeView(c.id(), c.at(), c.actor(), c.action(), c.categoryId(),
                c.issueTypeId(), json(c.before()), json(c.after()))).toList());
    }

    private static void export(Context ctx, Api.Deps deps) {
        String yaml = CategoryFile.write(deps.storage().read(s -> s.categoryChanges().menu()));
        ctx.header("Content-Disposition", "attachment; filename=\"categories.yaml\"");
        ctx.contentType(YAML).result(yaml);
    }

    /** The whole menu from a file in the form of {@code config/categories.yaml}: all of it, or nothing. */
    private static void importMenu(Context ctx, Api.Deps deps) {
        String body = ctx.body();
        if (body.isBlank()) {
            throw ApiException.badRequest("the request body is empty; the menu in the form of config/categories.yaml is expected");
        }
        List<Category> imported = CategoryFile.parse(body);
        String by = Caller.of(ctx).name();
        Map<String, Category> before = deps.storage().read(s -> s.categoryChanges().menu()).stream()
                .collect(Collectors.toMap(Category::id, c -> c));
        List<Category> after = deps.storage().editMenu(c -> c.importMenu(imported, by, deps.clock().instant()));
        Set<String> kept = after.stream().map(Category::id).collect(Collectors.toSet());
        Set<String> fromFile = imported.stream().map(Category::id).collect(Collectors.toSet());
        var out = new LinkedHashMap<String, Object>();
        out.put("categories", after);
        out.put("deactivated", before.values().stream().filter(Category::active)
                .filter(c -> kept.contains(c.id()) && !fromFile.contains(c.id())).map(Category::id).sorted().toList());
        out.put("deleted", before.keySet().stream().filter(id -> !kept.contains(id)).sorted().toList());
        ctx.json(out);
    }

    /** Maps the menu's refusals to their statuses: unknown id 404, a broken rule 409. */
    private static Handler refusals(Handler handler) {
        return ctx -> {
            try {
                handler.handle(ctx);
            } catch (Refusal e) {
                throw e;
            }
        };
    }

    private static Category category(List<Category> menu, String id) {
        return menu.stream().filter(c -> c.id().equals(id)).findFirst()
                .orElseThrow(() -> Refusal.notFound("no category '" + id + "'"));
    }

    /** A requested position: none means last (0). */
    private static int position(Integer position) {
        if (position == null) {
            return 0;
        }
        if (position < 1) {
            throw ApiException.badRequest("position must be 1 or more: " + position);
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
