package ua.zvernennia.app.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import ua.zvernennia.app.web.RouteGroup;
import ua.zvernennia.core.appeal.AppealNumber;
import ua.zvernennia.core.engine.UnitOfWork;
import ua.zvernennia.core.executor.Executor;
import ua.zvernennia.core.executor.ExecutorDesk;
import ua.zvernennia.core.executor.ExecutorStore;
import ua.zvernennia.core.executor.StaffMember;
import ua.zvernennia.core.refusal.Refusal;

/**
 * {@code /api/executors}: admins keep the executors and their field staff; operators assign an
 * appeal to an executor ({@code POST /api/appeals/{number}/executor}); an executor hands one that
 * is not its business back to the operators ({@code POST /api/appeals/{number}/return}).
 */
public final class ExecutorController implements RouteGroup {
    record NewExecutor(String name, String contacts, String staffChat, Boolean showCitizen, Boolean active) {}

    record NewStaff(String telegramUserId, String name) {}

    record Assignment(Long executorId, String reason) {
        Assignment {
            if (executorId == null) {
                throw new IllegalArgumentException("executorId: the executor's id is required");
            }
        }
    }

    record HandBack(String reason) {}

    private final ExecutorStore executors;
    private final UnitOfWork work;
    private final ExecutorDesk desk;
    private final Clock clock;

    public ExecutorController(ExecutorStore executors, UnitOfWork work, ExecutorDesk desk, Clock clock) {
        this.executors = executors;
        this.work = work;
        this.desk = desk;
        this.clock = clock;
    }

    @Override
    public void routes(RoutesConfig app) {
        app.get("/api/executors", this::list, Role.OPERATOR);
        app.post("/api/executors", this::create, Role.ADMIN);
        app.patch("/api/executors/{id}", this::update, Role.ADMIN);
        app.get("/api/executors/{id}/staff", this::staff, Role.ADMIN);
        app.post("/api/executors/{id}/staff", this::addStaff, Role.ADMIN);
        app.delete("/api/executors/{id}/staff/{userId}", this::removeStaff, Role.ADMIN);
        app.post("/api/appeals/{number}/executor", this::assign, Role.OPERATOR);
        app.post("/api/appeals/{number}/return", this::handBack, Role.EXECUTOR);
    }

    private void list(Context ctx) {
        ctx.json(executors.list().stream().map(ExecutorController::json).toList());
    }

    private void create(Context ctx) {
        NewExecutor req = ApiJson.body(ctx, NewExecutor.class);
        Executor e = Refusal.validated(() -> new Executor(
                0,
                req.name(),
                req.contacts(),
                req.staffChat(),
                Boolean.TRUE.equals(req.showCitizen()),
                req.active() == null || req.active()));
        Executor saved = Refusal.validated(() -> executors.create(e, clock.instant()));
        ctx.status(201).json(json(saved));
    }

    private void update(Context ctx) {
        Executor old = found(ctx);
        Map<String, Object> patch = ApiJson.body(ctx, Map.class);
        for (String key : patch.keySet()) {
            if (!java.util.Set.of("name", "contacts", "staffChat", "showCitizen", "active")
                    .contains(key)) {
                throw Refusal.invalid(
                        key, "unknown field '" + key + "'; known: name, contacts, staffChat, showCitizen, active");
            }
        }
        Executor e = Refusal.validated(() -> new Executor(
                old.id(),
                patch.containsKey("name") ? (String) patch.get("name") : old.name(),
                patch.containsKey("contacts") ? (String) patch.get("contacts") : old.contacts(),
                patch.containsKey("staffChat") ? string(patch.get("staffChat")) : old.staffChat(),
                patch.containsKey("showCitizen") ? bool(patch, "showCitizen") : old.showCitizen(),
                patch.containsKey("active") ? bool(patch, "active") : old.active()));
        Refusal.validated(() -> executors.update(e));
        ctx.json(json(e));
    }

    private void staff(Context ctx) {
        ctx.json(executors.staff(found(ctx).id()));
    }

    private void addStaff(Context ctx) {
        Executor e = found(ctx);
        NewStaff req = ApiJson.body(ctx, NewStaff.class);
        StaffMember m = Refusal.validated(() -> new StaffMember(e.id(), req.telegramUserId(), req.name()));
        executors.addStaff(m);
        ctx.status(201).json(m);
    }

    private void removeStaff(Context ctx) {
        Executor e = found(ctx);
        if (!executors.removeStaff(e.id(), ctx.pathParam("userId"))) {
            throw Refusal.notFound("no staff member " + ctx.pathParam("userId") + " of executor " + e.id());
        }
        ctx.status(204);
    }

    private void assign(Context ctx) {
        AppealNumber number = number(ctx);
        Assignment req = ApiJson.body(ctx, Assignment.class);
        String actor = Caller.of(ctx).name();
        work.run(s -> {
            desk.assign(s, number, req.executorId(), req.reason(), actor);
            return null;
        });
        ctx.json(Map.of("number", number.toString(), "executorId", req.executorId()));
    }

    private void handBack(Context ctx) {
        AppealNumber number = number(ctx);
        HandBack req = ApiJson.body(ctx, HandBack.class);
        Caller caller = Caller.of(ctx);
        work.run(s -> {
            desk.handBack(s, number, caller.executorId(), req.reason(), caller.name());
            return null;
        });
        ctx.json(Map.of("number", number.toString(), "returned", true));
    }

    private Executor found(Context ctx) {
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw Refusal.invalid("id", "executor id must be a number");
        }
        return executors.find(id).orElseThrow(() -> Refusal.notFound("no executor " + id));
    }

    static AppealNumber number(Context ctx) {
        String raw = ctx.pathParam("number");
        return AppealNumber.parse(raw)
                .orElseThrow(
                        () -> Refusal.invalid("number", "'" + raw + "' is not an appeal number such as 2026-000123"));
    }

    private static String string(Object v) {
        return v == null ? null : v.toString();
    }

    private static boolean bool(Map<String, Object> patch, String key) {
        if (!(patch.get(key) instanceof Boolean b)) {
            throw Refusal.invalid(key, key + " must be true or false");
        }
        return b;
    }

    static Map<String, Object> json(Executor e) {
        var out = new LinkedHashMap<String, Object>();
        out.put("id", e.id());
        out.put("name", e.name());
        out.put("contacts", e.contacts());
        out.put("staffChat", e.staffChat());
        out.put("showCitizen", e.showCitizen());
        out.put("active", e.active());
        return out;
    }
}
