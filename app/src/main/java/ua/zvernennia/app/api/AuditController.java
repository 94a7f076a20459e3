package ua.zvernennia.app.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Set;
import java.util.TreeSet;
import ua.zvernennia.app.web.RouteGroup;
import ua.zvernennia.core.appeal.AppealNumber;
import ua.zvernennia.core.privacy.AccessLogStore;
import ua.zvernennia.core.refusal.Refusal;

/** {@code GET /api/audit}: admins read who looked at whose personal data, newest first. */
public final class AuditController implements RouteGroup {
    private static final Set<String> PARAMS = Set.of("appeal", "actor", "from", "to", "offset", "limit");
    private static final int DEFAULT_LIMIT = 100;
    private static final int MAX_LIMIT = 1000;

    private final AccessLogStore log;
    private final ZoneId zone;

    /** @param zone the city's time zone: dates in filters are its days */
    public AuditController(AccessLogStore log, ZoneId zone) {
        this.log = log;
        this.zone = zone;
    }

    @Override
    public void routes(RoutesConfig app) {
        app.get("/api/audit", this::list, Role.ADMIN);
    }

    private void list(Context ctx) {
        for (String name : ctx.queryParamMap().keySet()) {
            if (!PARAMS.contains(name)) {
                throw Refusal.invalid(name, "unknown query parameter '" + name + "'; known: " + new TreeSet<>(PARAMS));
            }
        }
        String appeal = blank(ctx.queryParam("appeal"));
        if (appeal != null) {
            appeal = AppealNumber.parse(appeal)
                    .map(AppealNumber::toString)
                    .orElseThrow(() -> Refusal.invalid("appeal", "appeal: an appeal number such as 2026-000123"));
        }
        String actor = blank(ctx.queryParam("actor"));
        Instant from = time("from", ctx.queryParam("from"));
        Instant to = time("to", ctx.queryParam("to"));
        int offset = number("offset", ctx.queryParam("offset"), 0, Integer.MAX_VALUE);
        int limit = number("limit", ctx.queryParam("limit"), DEFAULT_LIMIT, MAX_LIMIT);
        var entries = log.list(appeal, actor, from, to, offset, limit);
        var out = new LinkedHashMap<String, Object>();
        out.put("offset", offset);
        out.put("limit", limit);
        out.put("items", entries.stream().map(AuditController::entry).toList());
        ctx.json(out);
    }

    private static java.util.Map<String, Object> entry(AccessLogStore.Entry e) {
        var out = new LinkedHashMap<String, Object>();
        out.put("id", e.id());
        out.put("at", e.at());
        out.put("actor", e.actor());
        out.put("via", e.via());
        out.put("action", e.action());
        out.put("appeal", e.appeal());
        return out;
    }

    private Instant time(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return value.length() == 10
                    ? LocalDate.parse(value).atStartOfDay(zone).toInstant()
                    : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw Refusal.invalid(
                    name, name + ": '" + value + "' is neither a date (2026-03-10) nor a time (2026-03-10T08:00:00Z)");
        }
    }

    private static int number(String name, String value, int fallback, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n < 0 || n > max) {
                throw Refusal.invalid(name, name + " must be 0.." + max);
            }
            return n;
        } catch (NumberFormatException e) {
            throw Refusal.invalid(name, name + ": '" + value + "' is not a whole number");
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
