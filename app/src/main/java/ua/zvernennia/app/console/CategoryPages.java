package ua.zvernennia.app.console;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import ua.zvernennia.app.api.Role;
import ua.zvernennia.app.web.RouteGroup;
import ua.zvernennia.core.category.Category;
import ua.zvernennia.core.category.DeadlineClass;
import ua.zvernennia.core.category.IssueType;
import ua.zvernennia.core.category.MenuEditor;
import ua.zvernennia.core.executor.Executor;
import ua.zvernennia.core.executor.ExecutorStore;
import ua.zvernennia.core.refusal.Refusal;

/**
 * The admins' category editor: every change goes through the same menu editor as the API, so it
 * is checked as a whole menu, recorded with its author, and seen by the next citizen who opens
 * the menu. A refused change comes back to the page with the menu's reason. The executor of a
 * category or issue type is chosen from the executors' records.
 */
public final class CategoryPages implements RouteGroup {
    private static final String BASE = ConsoleRoutes.BASE + "/categories";
    private static final int CHANGES_SHOWN = 15;
    private static final int MAX_IMPORT = 1_000_000;

    /**
     * The menu page: every category in order, the form to add one (as typed when refused), recent
     * changes, and the executors to choose from.
     */
    public record MenuView(
            List<Category> menu,
            Map<String, String> values,
            String problem,
            List<MenuEditor.Change> changes,
            List<Executor> executors) {
        public String value(String name) {
            return values.getOrDefault(name, "");
        }

        /** The executors a new category may go to: the active ones. */
        public List<Executor> choices() {
            return executors.stream().filter(Executor::active).toList();
        }
    }

    /** One category with its issue types, and the executors to choose from. */
    public record CategoryView(Category category, List<Executor> executors) {
        /** The active executors, and the one {@code current} names even when it is inactive. */
        public List<Executor> choices(Long current) {
            return executors.stream()
                    .filter(e -> e.active() || Long.valueOf(e.id()).equals(current))
                    .toList();
        }

        /** «КП «Водоканал»», with «(неактивний)» when it is; the id when there is no such executor. */
        public String name(Long id) {
            return executors.stream()
                    .filter(e -> Long.valueOf(e.id()).equals(id))
                    .findFirst()
                    .map(CategoryPages::label)
                    .orElse(id == null ? "" : "№ " + id);
        }
    }

    private final Console console;
    private final MenuEditor menu;
    private final ExecutorStore executors;
    private final Clock clock;

    public CategoryPages(Console console, MenuEditor menu, ExecutorStore executors, Clock clock) {
        this.console = console;
        this.menu = menu;
        this.executors = executors;
        this.clock = clock;
    }

    /** An executor as the menu's choices show it. */
    public static String label(Executor e) {
        return e.active() ? e.name() : e.name() + " (неактивний)";
    }

    @Override
    public void routes(RoutesConfig app) {
        app.get(BASE, this::menu, Role.ADMIN);
        app.post(BASE, this::add, Role.ADMIN);
        app.get(BASE + "/export", this::export, Role.ADMIN);
        app.post(BASE + "/import", this::importMenu, Role.ADMIN);
        app.get(BASE + "/{id}", this::category, Role.ADMIN);
        app.post(BASE + "/{id}", this::update, Role.ADMIN);
        app.post(BASE + "/{id}/move", this::move, Role.ADMIN);
        app.post(BASE + "/{id}/issue-types", this::addIssueType, Role.ADMIN);
        app.post(BASE + "/{id}/issue-types/{typeId}", this::updateIssueType, Role.ADMIN);
        app.post(BASE + "/{id}/issue-types/{typeId}/move", this::moveIssueType, Role.ADMIN);
    }

    private void menu(Context ctx) {
        menu(ctx, Map.of("deadlineClass", "MEDIUM"), null, 200);
    }

    private void menu(Context ctx, Map<String, String> values, String problem, int status) {
        Pages.render(
                ctx,
                status,
                "categories.jte",
                console.chrome(ctx, "Категорії", "categories"),
                "view",
                new MenuView(menu.menu(), values, problem, menu.changes(null, CHANGES_SHOWN), executors.list()));
    }

    private void add(Context ctx) {
        Map<String, String> values =
                form(ctx, "id", "nameUk", "nameEn", "emoji", "deadlineClass", "executorId", "position");
        String by = console.caller(ctx).name();
        try {
            int position = position(values.get("position"));
            DeadlineClass deadline = deadline(values.get("deadlineClass"), false);
            Long executorId = executorId(values.get("executorId"));
            Category category = Refusal.validated(() -> new Category(
                    values.get("id").strip(),
                    values.get("nameUk"),
                    values.get("nameEn"),
                    values.get("emoji"),
                    deadline,
                    "",
                    executorId,
                    0,
                    true,
                    List.of()));
            Category added = menu.add(category, position, by, clock.instant());
            console.done(ctx, BASE, Flash.info("Категорію «" + added.nameUk() + "» додано: її вже видно в меню бота."));
        } catch (Refusal r) {
            menu(ctx, values, refused(r), r.kind() == Refusal.Kind.CONFLICT ? 409 : 400);
        }
    }

    private void category(Context ctx) {
        Category c = find(ctx.pathParam("id"));
        Pages.render(
                ctx,
                200,
                "category.jte",
                console.chrome(ctx, "Категорія «" + c.nameUk() + "»", "categories"),
                "view",
                new CategoryView(c, executors.list()));
    }

    private void update(Context ctx) {
        String id = ctx.pathParam("id");
        Map<String, String> v = form(ctx, "nameUk", "nameEn", "emoji", "deadlineClass", "executorId");
        boolean active = ctx.formParam("active") != null;
        edit(ctx, BASE + "/" + id, () -> {
            DeadlineClass deadline = deadline(v.get("deadlineClass"), false);
            Long executorId = executorId(v.get("executorId"));
            Category changed = menu.update(
                    id,
                    old -> Refusal.validated(() -> new Category(
                            old.id(),
                            v.get("nameUk"),
                            v.get("nameEn"),
                            v.get("emoji"),
                            deadline,
                            executorId == null ? "" : old.executor(),
                            executorId,
                            old.position(),
                            active,
                            old.issueTypes())),
                    console.caller(ctx).name(),
                    clock.instant());
            return "Категорію «" + changed.nameUk() + "» збережено.";
        });
    }

    private void move(Context ctx) {
        String id = ctx.pathParam("id");
        int step = step(ctx);
        edit(ctx, BASE, () -> {
            List<Category> all = menu.menu();
            int at = index(all.stream().map(Category::id).toList(), id);
            int to = Math.max(1, Math.min(all.size(), at + 1 + step));
            Category moved = menu.update(
                    id, old -> old.withPosition(to), console.caller(ctx).name(), clock.instant());
            return "«" + moved.nameUk() + "» тепер " + to + "-а в меню.";
        });
    }

    private void addIssueType(Context ctx) {
        String id = ctx.pathParam("id");
        Map<String, String> v = form(ctx, "typeId", "nameUk", "nameEn", "deadlineClass", "executorId");
        edit(ctx, BASE + "/" + id, () -> {
            DeadlineClass deadline = deadline(v.get("deadlineClass"), true);
            Long executorId = executorId(v.get("executorId"));
            IssueType type = Refusal.validated(() -> new IssueType(
                    v.get("typeId").strip(), v.get("nameUk"), v.get("nameEn"), deadline, executorId, 0, true));
            IssueType added = menu.addIssueType(id, type, 0, console.caller(ctx).name(), clock.instant());
            return "Тип «" + added.nameUk() + "» додано.";
        });
    }

    private void updateIssueType(Context ctx) {
        String id = ctx.pathParam("id");
        String typeId = ctx.pathParam("typeId");
        Map<String, String> v = form(ctx, "nameUk", "nameEn", "deadlineClass", "executorId");
        boolean active = ctx.formParam("active") != null;
        edit(ctx, BASE + "/" + id, () -> {
            DeadlineClass deadline = deadline(v.get("deadlineClass"), true);
            Long executorId = executorId(v.get("executorId"));
            IssueType changed = menu.updateIssueType(
                    id,
                    typeId,
                    old -> Refusal.validated(() -> new IssueType(
                            old.id(), v.get("nameUk"), v.get("nameEn"), deadline, executorId, old.position(), active)),
                    console.caller(ctx).name(),
                    clock.instant());
            return "Тип «" + changed.nameUk() + "» збережено.";
        });
    }

    private void moveIssueType(Context ctx) {
        String id = ctx.pathParam("id");
        String typeId = ctx.pathParam("typeId");
        int step = step(ctx);
        edit(ctx, BASE + "/" + id, () -> {
            List<String> ids = find(id).issueTypes().stream().map(IssueType::id).toList();
            int at = index(ids, typeId);
            int to = Math.max(0, Math.min(ids.size() - 1, at + step));
            var order = new java.util.ArrayList<>(ids);
            order.add(to, order.remove(at));
            menu.reorderIssueTypes(id, order, console.caller(ctx).name(), clock.instant());
            return "Порядок типів збережено.";
        });
    }

    private void export(Context ctx) {
        String yaml = menu.export();
        ctx.header("Content-Disposition", "attachment; filename=\"categories.yaml\"");
        ctx.contentType("application/yaml; charset=utf-8").result(yaml);
    }

    private void importMenu(Context ctx) {
        UploadedFile file = ctx.uploadedFile("file");
        edit(ctx, BASE, () -> {
            if (file == null || file.size() == 0) {
                throw Refusal.invalid("file", "оберіть файл меню (YAML у формі config/categories.yaml)");
            }
            if (file.size() > MAX_IMPORT) {
                throw Refusal.invalid("file", "файл завеликий: не більше 1 МБ");
            }
            String yaml;
            try (InputStream in = file.content()) {
                yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw Refusal.invalid("file", "файл не вдалося прочитати");
            }
            MenuEditor.Imported imported =
                    menu.importFile(yaml, console.caller(ctx).name(), clock.instant());
            return "Меню імпортовано: " + imported.fromFile().size() + " категорій з файлу, усього в меню "
                    + imported.after().size() + ".";
        });
    }

    /** Runs a menu edit; done or refused, the admin lands on {@code back} with what happened. */
    private void edit(Context ctx, String back, Supplier<String> edit) {
        Flash flash;
        try {
            flash = Flash.info(edit.get());
        } catch (Refusal r) {
            flash = new Flash(refused(r), true, null);
        }
        console.done(ctx, back, flash);
    }

    /** The menu's own reason (its rules speak English, like the API) under a Ukrainian headline. */
    private static String refused(Refusal r) {
        if (r.kind() == Refusal.Kind.NOT_FOUND) {
            return "Меню не змінено: такого запису немає (" + r.getMessage() + ").";
        }
        if (r.field().filter("executorId"::equals).isPresent()) {
            return "Меню не змінено: оберіть активного виконавця зі списку (" + r.getMessage() + ").";
        }
        return "Меню не змінено: " + r.getMessage();
    }

    /** The executor chosen in a form: its id, or null for none (an issue type: the category's). */
    private static Long executorId(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw Refusal.invalid("executorId", "оберіть виконавця зі списку");
        }
    }

    private Category find(String id) {
        return menu.menu().stream()
                .filter(c -> c.id().equals(id))
                .findFirst()
                .orElseThrow(() -> Refusal.notFound("Категорії «" + id + "» немає."));
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
            throw Refusal.invalid("deadlineClass", "оберіть клас терміну");
        }
        try {
            return DeadlineClass.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw Refusal.invalid("deadlineClass", "невідомий клас терміну: " + value);
        }
    }

    private static int position(String value) {
        if (value == null || value.isBlank()) {
            return 0;
        }
        try {
            int p = Integer.parseInt(value.strip());
            if (p < 1) {
                throw Refusal.invalid("position", "позиція — число від 1");
            }
            return p;
        } catch (NumberFormatException e) {
            throw Refusal.invalid("position", "позиція — число від 1");
        }
    }

    private static int step(Context ctx) {
        return switch (Optional.ofNullable(ctx.formParam("direction")).orElse("")) {
            case "up" -> -1;
            case "down" -> 1;
            default -> throw Refusal.invalid("direction", "Невідомий напрямок переміщення.");
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
