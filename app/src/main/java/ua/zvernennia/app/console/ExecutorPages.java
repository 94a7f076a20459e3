package ua.zvernennia.app.console;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ua.zvernennia.app.api.Role;
import ua.zvernennia.app.api.TokenIssuer;
import ua.zvernennia.app.web.RouteGroup;
import ua.zvernennia.core.desk.ApiTokenStore;
import ua.zvernennia.core.executor.Executor;
import ua.zvernennia.core.executor.ExecutorStore;
import ua.zvernennia.core.executor.StaffMember;
import ua.zvernennia.core.refusal.Refusal;

/**
 * The admins' executor pages: the executors, adding one, and editing one (name, contacts, its
 * staff's Telegram chat, whether its staff see the citizen, active), its staff's Telegram user
 * ids, and its tokens. The same records and rules as {@code /api/executors}: a value the API
 * refuses is refused here too, in the console's words, and changes nothing.
 */
public final class ExecutorPages implements RouteGroup {
    private static final String BASE = ConsoleRoutes.BASE + "/executors";
    private static final List<String> FIELDS = List.of("name", "contacts", "staffChat");

    /** The list and the form to add one (as typed when refused). */
    public record ListView(List<Executor> executors, Map<String, String> values, String problem) {
        public String value(String name) {
            return values.getOrDefault(name, "");
        }

        public boolean checked(String name) {
            return values.containsKey(name);
        }
    }

    /**
     * One executor: its form (as typed when refused), its staff and their form, its tokens.
     *
     * @param problem      why the executor's form was refused, or null
     * @param staffProblem why the staff member's form was refused, or null
     */
    public record EditView(
            Executor executor,
            Map<String, String> values,
            String problem,
            List<StaffMember> staff,
            Map<String, String> staffValues,
            String staffProblem,
            List<ApiTokenStore.ApiToken> tokens) {
        public String value(String name) {
            return values.getOrDefault(name, "");
        }

        public boolean checked(String name) {
            return values.containsKey(name);
        }

        public String staffValue(String name) {
            return staffValues.getOrDefault(name, "");
        }
    }

    private final Console console;
    private final ExecutorStore executors;
    private final ApiTokenStore tokens;
    private final TokenIssuer issuer;
    private final Clock clock;

    public ExecutorPages(
            Console console, ExecutorStore executors, ApiTokenStore tokens, TokenIssuer issuer, Clock clock) {
        this.console = console;
        this.executors = executors;
        this.tokens = tokens;
        this.issuer = issuer;
        this.clock = clock;
    }

    @Override
    public void routes(RoutesConfig app) {
        app.get(BASE, this::list, Role.ADMIN);
        app.post(BASE, this::add, Role.ADMIN);
        app.get(BASE + "/{id}", this::edit, Role.ADMIN);
        app.post(BASE + "/{id}", this::save, Role.ADMIN);
        app.post(BASE + "/{id}/staff", this::addStaff, Role.ADMIN);
        app.post(BASE + "/{id}/staff/{userId}/remove", this::removeStaff, Role.ADMIN);
        app.post(BASE + "/{id}/tokens", this::issueToken, Role.ADMIN);
    }

    // ---- the list ------------------------------------------------------------------------------

    private void list(Context ctx) {
        list(ctx, Map.of("active", "yes"), null, 200);
    }

    private void list(Context ctx, Map<String, String> values, String problem, int status) {
        Pages.render(
                ctx,
                status,
                "executors.jte",
                console.chrome(ctx, "Виконавці", "executors"),
                "view",
                new ListView(executors.list(), values, problem));
    }

    private void add(Context ctx) {
        Map<String, String> values = form(ctx);
        try {
            Executor e = Refusal.validated(() -> new Executor(
                    0,
                    values.get("name"),
                    values.get("contacts"),
                    values.get("staffChat"),
                    values.containsKey("showCitizen"),
                    values.containsKey("active")));
            Executor saved = Refusal.validated(() -> executors.create(e, clock.instant()));
            console.done(
                    ctx,
                    BASE + "/" + saved.id(),
                    Flash.info("Виконавця «" + saved.name() + "» додано. Тепер його можна обрати в категоріях меню"
                            + " і передавати йому звернення."));
        } catch (Refusal r) {
            list(ctx, values, problem(r), 400);
        }
    }

    // ---- one executor ------------------------------------------------------------------------------

    private void edit(Context ctx) {
        Executor e = found(ctx);
        edit(ctx, e, values(e), null, Map.of(), null, 200);
    }

    private void edit(
            Context ctx,
            Executor e,
            Map<String, String> values,
            String problem,
            Map<String, String> staffValues,
            String staffProblem,
            int status) {
        List<ApiTokenStore.ApiToken> own = tokens.list().stream()
                .filter(t -> Long.valueOf(e.id()).equals(t.executorId()))
                .filter(ApiTokenStore.ApiToken::active)
                .toList();
        Pages.render(
                ctx,
                status,
                "executor.jte",
                console.chrome(ctx, "Виконавець «" + e.name() + "»", "executors"),
                "view",
                new EditView(e, values, problem, executors.staff(e.id()), staffValues, staffProblem, own));
    }

    private void save(Context ctx) {
        Executor old = found(ctx);
        Map<String, String> values = form(ctx);
        try {
            Executor e = Refusal.validated(() -> new Executor(
                    old.id(),
                    values.get("name"),
                    values.get("contacts"),
                    values.get("staffChat"),
                    values.containsKey("showCitizen"),
                    values.containsKey("active")));
            if (!Refusal.validated(() -> executors.update(e))) {
                throw Refusal.notFound("Виконавця № " + old.id() + " немає.");
            }
            console.done(ctx, BASE + "/" + e.id(), Flash.info("Виконавця «" + e.name() + "» збережено."));
        } catch (Refusal r) {
            if (r.kind() == Refusal.Kind.NOT_FOUND) {
                throw r;
            }
            edit(ctx, old, values, problem(r), Map.of(), null, 400);
        }
    }

    private void addStaff(Context ctx) {
        Executor e = found(ctx);
        var values = new LinkedHashMap<String, String>();
        values.put("telegramUserId", param(ctx, "telegramUserId"));
        values.put("staffName", param(ctx, "staffName"));
        try {
            StaffMember m = Refusal.validated(
                    () -> new StaffMember(e.id(), values.get("telegramUserId"), values.get("staffName")));
            executors.addStaff(m);
            console.done(
                    ctx,
                    BASE + "/" + e.id() + "#staff",
                    Flash.info("Працівника «" + m.name() + "» (Telegram " + m.telegramUserId()
                            + ") додано: він може натискати кнопки в чаті виконавця."));
        } catch (Refusal r) {
            edit(ctx, e, values(e), null, values, problem(r), 400);
        }
    }

    private void removeStaff(Context ctx) {
        Executor e = found(ctx);
        String user = ctx.pathParam("userId");
        boolean removed = executors.removeStaff(e.id(), user);
        console.done(
                ctx,
                BASE + "/" + e.id() + "#staff",
                removed
                        ? Flash.info("Працівника з Telegram " + user + " прибрано: його натискання більше не діють.")
                        : new Flash("Такого працівника у виконавця немає.", true, null));
    }

    private void issueToken(Context ctx) {
        Executor e = found(ctx);
        String name = param(ctx, "tokenName").strip();
        if (name.isEmpty() || name.length() > TokenIssuer.MAX_NAME) {
            console.done(
                    ctx,
                    BASE + "/" + e.id() + "#tokens",
                    new Flash("Вкажіть, чий це токен: від 1 до " + TokenIssuer.MAX_NAME + " символів.", true, null));
            return;
        }
        TokenIssuer.Issued issued =
                issuer.issue(name, Role.EXECUTOR, e.id(), console.caller(ctx).name());
        console.done(
                ctx,
                BASE + "/" + e.id() + "#tokens",
                new Flash(
                        "Токен виконавця для «" + name + "» видано. З ним входять у консоль і бачать лише звернення «"
                                + e.name() + "». Скопіюйте його зараз: більше його не буде видно.",
                        false,
                        issued.token()));
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private Executor found(Context ctx) {
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw Refusal.notFound("Такого виконавця немає.");
        }
        return executors.find(id).orElseThrow(() -> Refusal.notFound("Виконавця № " + id + " немає."));
    }

    /** The executor's form as sent: its text fields, and its checkboxes present only when ticked. */
    private static Map<String, String> form(Context ctx) {
        var values = new LinkedHashMap<String, String>();
        FIELDS.forEach(f -> values.put(f, param(ctx, f)));
        for (String box : List.of("showCitizen", "active")) {
            if (ctx.formParam(box) != null) {
                values.put(box, "yes");
            }
        }
        return values;
    }

    private static Map<String, String> values(Executor e) {
        var values = new LinkedHashMap<String, String>();
        values.put("name", e.name());
        values.put("contacts", e.contacts() == null ? "" : e.contacts());
        values.put("staffChat", e.staffChat() == null ? "" : e.staffChat());
        if (e.showCitizen()) {
            values.put("showCitizen", "yes");
        }
        if (e.active()) {
            values.put("active", "yes");
        }
        return values;
    }

    private static String param(Context ctx, String name) {
        return Optional.ofNullable(ctx.formParam(name)).orElse("");
    }

    /** A refusal of the executors' rules (their reasons name the field first, in the API's words) in the console's. */
    static String problem(Refusal r) {
        String message = r.getMessage() == null ? "" : r.getMessage();
        if (message.contains("another executor")) {
            return Labels.word("executor.problem.name.taken");
        }
        int colon = message.indexOf(':');
        String field = r.field().orElse(colon > 0 ? message.substring(0, colon) : "");
        if (field.equals("name") && message.contains("1..100")) {
            field = "staffName";
        }
        String key = "executor.problem." + field;
        return Labels.has(key) ? Labels.word(key) : "Не збережено: " + message;
    }
}
