package ua.zvernennia.app.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Set;
import java.util.TreeSet;
import ua.zvernennia.core.appeal.AppealNumber;
import ua.zvernennia.storage.AccessLogRows;

/** {@code GET /api/audit}: admins read who looked at whose personal data, newest first. */
final class AuditController {
    private static final Set<String> PARAMS = Set.of("appeal", "actor", "from", "to", "offset", "limit");
    private static final int DEFAULT_LIMIT = 100;
    private static final int MAX_LIMIT = 1000;

    private AuditController() {
    }

    static void register(RoutesConfig app, Api.Deps deps) {
        app.get("/api/audit", ctx -> list(ctx, deps), Role.ADMIN);
    }

    private static void list(Context ctx, Api.Deps deps) {
        for (String name : ctx.queryParamMap().keySet()) {
            if (!PARAMS.contains(name)) {
                throw ApiException.badRequest("unknown query parameter '" + name + "'; known: " + new TreeSet<>(PARAMS));
            }
        }
        String appeal = blank(ctx.queryParam("appeal"));
        if (appeal != null) {
            appeal = AppealNumber.parse(appeal).map(AppealNumber::toString)
                    .orElseThrow(() -> ApiException.badRequest("appeal: an appeal number such as 2026-000123"));
        }
        String actor = blank(ctx.queryParam("actor"));
        Instant from = time("from", ctx.queryParam("from"), deps);
        Instant to = time("to", ctx.queryParam("to"), deps);
        int offset = number("offset", ctx.queryParam("offset"), 0, Integer.MAX_VALUE);
        int limit = number("limit", ctx.queryParam("limit"), DEFAULT_LIMIT, MAX_LIMIT);
        String a = appeal;
        var entries = deps.storage().read(s -> s.accessLog().list(a, actor, from, to, offset, limit));
        var out = new LinkedHashMap<String, Object>();
        out.put("offset", offset);
        out.put("limit", limit);
        out.put("items", entries.stream().map(AuditController::entry).toList());
        ctx.json(out);
    }

    private static java.util.Map<String, Object> entry(AccessLogRows.Entry e) {
        var out = new LinkedHashMap<String, Object>();
        out.put("id", e.id());
        out.put("at", e.at());
        out.put("actor", e.actor());
        out.put("via", e.via());
        out.put("action", e.action());
        out.put("appeal", e.appeal());
        return out;
    }

    private static Instant time(String name, String value, Api.Deps deps) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(deps.zone()).toInstant() : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(name + ": '" + value + "' is neither a date (2026-03-10) nor a time (2026-03-10T08:00:00Z)");
        }
    }

    private static int number(String name, String value, int fallback, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n < 0 || n > max) {
                throw ApiException.badRequest(name + " must be 0.." + max);
            }
            return n;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(name + ": '" + value + "' is not a whole number");
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
