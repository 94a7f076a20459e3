package ua.zvernennia.app.console;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import ua.zvernennia.app.api.Role;
import ua.zvernennia.core.category.Category;
import ua.zvernennia.core.category.DeadlineClass;
import ua.zvernennia.core.category.IssueType;
import ua.zvernennia.core.refusal.Refusal;
import ua.zvernennia.storage.CategoryChanges;
import ua.zvernennia.storage.CategoryFile;

/**
 * The admins' category editor: every change goes through the same menu edits as the API
 * ({@code Storage.editMenu}), so it is checked as a whole menu, recorded with its author, and
 * seen by the next citizen who opens the menu.
 */
public final class CategoryPages {
    private static final String BASE = ConsoleRoutes.BASE + "/categories";
    private static final int CHANGES_SHOWN = 15;
    private static final int MAX_IMPORT = 1_000_000;

    /** The menu page: every category in order, the form to add one (as typed when refused), and recent changes. */
    public record MenuView(List<Category> menu, Map<String, String> values, String problem, List<CategoryChanges.Change> changes) {
        public String value(String name) {
            return values.getOrDefault(name, "");
        }
    }

    /** One category with its issue types. */
    public record CategoryView(Category category) {
    }

    private CategoryPages() {
    }

    static void register(RoutesConfig app, Console console) {
        app.get(BASE, console.page(ctx -> menu(ctx, console, Map.of("deadlineClass", "MEDIUM"), null, 200)), Role.ADMIN);
        app.post(BASE, console.page(ctx -> add(ctx, console)), Role.ADMIN);
        app.get(BASE + "/export", console.page(ctx -> export(ctx, console)), Role.ADMIN);
        app.post(BASE + "/import", console.page(ctx -> importMenu(ctx, console)), Role.ADMIN);
        app.get(BASE + "/{id}", console.page(ctx -> category(ctx, console)), Role.ADMIN);
        app.post(BASE + "/{id}", console.page(ctx -> update(ctx, console)), Role.ADMIN);
        app.post(BASE + "/{id}/move", console.page(ctx -> move(ctx, console)), Role.ADMIN);
        app.post(BASE + "/{id}/issue-types", console.page(ctx -> addIssueType(ctx, console)), Role.ADMIN);
        app.post(BASE + "/{id}/issue-types/{typeId}", console.page(ctx -> updateIssueType(ctx, console)), Role.ADMIN);
        app.post(BASE + "/{id}/issue-types/{typeId}/move", console.page(ctx -> moveIssueType(ctx, console)), Role.ADMIN);
    }

    private static void menu(Context ctx, Console console, Map<String, String> values, String problem, int status) {
        var menu = console.deps.storage().read(s -> s.categoryChanges().menu());
        var changes = console.deps.storage().read(s -> s.categoryChanges().list(null, CHANGES_SHOWN));
        Pages.render(ctx, status, "categories.jte", console.chrome(ctx, "Категорії", "categories"),
                "view", new MenuView(menu, values, problem, changes));
    }

    private static void add(Context ctx, Console console) {
        Map<String, String> values = form(ctx, "id", "nameUk", "nameEn", "emoji", "deadlineClass", "executor", "position");
        String by = console.caller(ctx).name();
        try {
            int position = position(values.get("position"));
            Category category = new Category(values.get("id").strip(), values.get("nameUk"), values.get("nameEn"), values.get("emoji"),
                    deadline(values.get("deadlineClass"), false), values.get("executor"), 0, true, List.of());
            Category added = console.deps.storage().editMenu(c -> c.add(category, position, by, console.deps.clock().instant()));
            console.done(ctx, BASE, Flash.info("Категорію «" + added.nameUk() + "» додано: її вже видно в меню бота."));
        } catch (IllegalArgumentException | Refusal e) {
            menu(ctx, console, values, refused(e), e instanceof Refusal r && r.kind() == Refusal.Kind.CONFLICT ? 409 : 400);
        }
    }

    private static void category(Context ctx, Console console) {
        Category c = find(console, ctx.pathParam("id"));
        Pages.render(ctx, 200, "category.jte", console.chrome(ctx, "Категорія «" + c.nameUk() + "»", "categories"),
                "view", new CategoryView(c));
    }

    private static void update(Context ctx, Console console) {
        String id = ctx.pathParam("id");
        Map<String, String> v = form(ctx, "nameUk", "nameEn", "emoji", "deadlineClass", "executor");
        boolean active = ctx.formParam("active") != null;
        edit(ctx, console, BASE + "/" + id, () -> {
            DeadlineClass deadline = deadline(v.get("deadlineClass"), false);
            Category changed = console.deps.storage().editMenu(c -> c.update(id, old -> new Category(old.id(), v.get("nameUk"),
                    v.get("nameEn"), v.get("emoji"), deadline, v.get("executor"), old.position(), active, old.issueTypes()),
                    console.caller(ctx).name(), console.deps.clock().instant()));
            return "Категорію «" + changed.nameUk() + "» збережено.";
        });
    }

    private static void move(Context ctx, Console console) {
        String id = ctx.pathParam("id");
        int step = step(ctx);
        edit(ctx, console, BASE, () -> {
            List<Category> menu = console.deps.storage().read(s -> s.categoryChanges().menu());
            int at = index(menu.stream().map(Category::id).toList(), id);
            int to = Math.max(1, Math.min(menu.size(), at + 1 + step));
            Category moved = console.deps.storage().editMenu(c -> c.update(id, old -> old.withPosition(to),
                    console.caller(ctx).name(), console.deps.clock().instant()));
            return "«" + moved.nameUk() + "» тепер " + to + "-а в меню.";
        });
    }

    private static void addIssueType(Context ctx, Console console) {
        String id = ctx.pathParam("id");
        Map<String, String> v = form(ctx, "typeId", "nameUk", "nameEn", "deadlineClass");
        edit(ctx, console, BASE + "/" + id, () -> {
            IssueType type = new IssueType(v.get("typeId").strip(), v.get("nameUk"), v.get("nameEn"), deadline(v.get("deadlineClass"), true), 0, true);
            IssueType added = console.deps.storage().editMenu(c -> c.addIssueType(id, type, 0, console.caller(ctx).name(),
                    console.deps.clock().instant()));
            return "Тип «" + added.nameUk() + "» додано.";
        });
    }

    private static void updateIssueType(Context ctx, Console console) {
        String id = ctx.pathParam("id");
        String typeId = ctx.pathParam("typeId");
        Map<String, String> v = form(ctx, "nameUk", "nameEn", "deadlineClass");
        boolean active = ctx.formParam("active") != null;
        edit(ctx, console, BASE + "/" + id, () -> {
            DeadlineClass deadline = deadline(v.get("deadlineClass"), true);
            IssueType changed = console.deps.storage().editMenu(c -> c.updateIssueType(id, typeId,
                    old -> new IssueType(old.id(), v.get("nameUk"), v.get("nameEn"), deadline, old.position(), active),
                    console.caller(ctx).name(), console.deps.clock().instant()));
            return "Тип «" + changed.nameUk() + "» збережено.";
        });
    }

    private static void moveIssueType(Context ctx, Console console) {
        String id = ctx.pathParam("id");
        String typeId = ctx.pathParam("typeId");
        int step = step(ctx);
        edit(ctx, console, BASE + "/" + id, () -> {
            List<String> ids = find(console, id).issueTypes().stream().map(IssueType::id).toList();
            int at = index(ids, typeId);
            int to = Math.max(0, Math.min(ids.size() - 1, at + step));
            var order = new java.util.ArrayList<>(ids);
            order.add(to, order.remove(at));
            console.deps.storage().editMenu(c -> c.reorderIssueTypes(id, order, console.caller(ctx).name(), console.deps.clock().instant()));
            return "Порядок типів збережено.";
        });
    }

    private static void export(Context ctx, Console console) {
        String yaml = CategoryFile.write(console.deps.storage().read(s -> s.categoryChanges().menu()));
        ctx.header("Content-Disposition", "attachment; filename=\"categories.yaml\"");
        ctx.contentType("application/yaml; charset=utf-8").result(yaml);
    }

    private static void importMenu(Context ctx, Console console) {
        UploadedFile file = ctx.uploadedFile("file");
        edit(ctx, console, BASE, () -> {
            if (file == null || file.size() == 0) {
                throw new IllegalArgumentException("оберіть файл меню (YAML у формі config/categories.yaml)");
            }
            if (file.size() > MAX_IMPORT) {
                throw new IllegalArgumentException("файл завеликий: не більше 1 МБ");
            }
            String yaml;
            try (InputStream in = file.content()) {
                yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalArgumentException("файл не вдалося прочитати");
            }
            List<Category> imported = CategoryFile.parse(yaml);
            List<Category> after = console.deps.storage().editMenu(c -> c.importMenu(imported, console.caller(ctx).name(),
                    console.deps.clock().instant()));
            return "Меню імпортовано: " + imported.size() + " категорій з файлу, усього в меню " + after.size() + ".";
        });
    }

    /** Runs a menu edit; done or refused, the admin lands on {@code back} with what happened. */
    private static void edit(Context ctx, Console console, String back, Supplier<String> edit) {
        Flash flash;
        try {
            flash = Flash.info(edit.get());
        } catch (IllegalArgumentException | Refusal e) {
            flash = new Flash(refused(e), true, null);
        }
        console.done(ctx, back, flash);
    }

    /** The menu's own reason (its rules speak English, like the API) under a Ukrainian headline. */
    private static String refused(RuntimeException e) {
        if (e instanceof Refusal r && r.kind() == Refusal.Kind.NOT_FOUND) {
            return "Меню не змінено: такого запису немає (" + e.getMessage() + ").";
        }
        return "Меню не змінено: " + e.getMessage();
    }

    private static Category find(Console console, String id) {
        return console.deps.storage().read(s -> s.categoryChanges().menu()).stream().filter(c -> c.id().equals(id)).findFirst()
                .orElseThrow(() -> new ConsoleException(404, "Категорії «" + id + "» немає."));
    }

    private static Map<String, String> form(Context ctx, String... names) {
        var values = new java.util.LinkedHashMap<String, String>();
        for (String n : names) {
            values.put(n, Optional.ofNullable(ctx.formParam(n)).orElse(""));
        }
        return values;
    }

    private static DeadlineClass deadline(String value, boolean categoryDefaultAllowed) {
        if (value == null || value.isBlank()) {
            if (categoryDefaultAllowed) {
                return null;
            }
            throw new IllegalArgumentException("оберіть клас терміну");
        }
        try {
            return DeadlineClass.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("невідомий клас терміну: " + value);
        }
    }

    private static int position(String value) {
        if (value == null || value.isBlank()) {
            return 0;
        }
        try {
            int p = Integer.parseInt(value.strip());
            if (p < 1) {
                throw new IllegalArgumentException("позиція — число від 1");
            }
            return p;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("позиція — число від 1");
        }
    }

    private static int step(Context ctx) {
        return switch (Optional.ofNullable(ctx.formParam("direction")).orElse("")) {
            case "up" -> -1;
            case "down" -> 1;
            default -> throw new ConsoleException(400, "Невідомий напрямок переміщення.");
        };
    }

    private static int index(List<String> ids, String id) {
        int at = ids.indexOf(id);
        if (at < 0) {
            throw Refusal.notFound("'" + id + "'");
        }
        return at;
    }
}
