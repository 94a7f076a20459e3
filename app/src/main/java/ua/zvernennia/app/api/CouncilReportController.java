package ua.zvernennia.app.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Locale;
import ua.zvernennia.app.report.CouncilReport;
import ua.zvernennia.core.register.ReportPeriod;

/**
 * {@code GET /api/reports/council}: the council's report for a quarter, half-year or year as HTML
 * (default), CSV or DOCX; {@code /api/reports/narratives/{period}}: its narrative part.
 */
final class CouncilReportController {
    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    record NarrativeRequest(String text) {
    }

    private CouncilReportController() {
    }

    static void register(RoutesConfig app, Api.Deps deps) {
        app.get("/api/reports/council", ctx -> report(ctx, deps), Role.OPERATOR);
        app.get("/api/reports/narratives/{period}", ctx -> narrative(ctx, deps), Role.OPERATOR);
        app.put("/api/reports/narratives/{period}", ctx -> putNarrative(ctx, deps), Role.ADMIN);
    }

    /** The period of {@code period=2025-Q1} or of {@code year} with {@code quarter} or {@code half}. */
    static ReportPeriod period(Context ctx) {
        String key = ctx.queryParam("period");
        if (key != null) {
            return ReportPeriod.parse(key).orElseThrow(() -> ApiException.badRequest(
                    "period: '" + key + "' is not a period such as 2025-Q1, 2025-H2 or 2025"));
        }
        String year = ctx.queryParam("year");
        if (year == null || !year.strip().matches("\\d{4}")) {
            throw ApiException.badRequest("year: required, such as 2025 (or period=2025-Q1)");
        }
        int y = Integer.parseInt(year.strip());
        String quarter = ctx.queryParam("quarter");
        String half = ctx.queryParam("half");
        try {
            if (quarter != null && half != null) {
                throw ApiException.badRequest("quarter and half: one or the other");
            }
            if (quarter != null) {
                return ReportPeriod.quarter(y, Integer.parseInt(quarter.strip()));
            }
            if (half != null) {
                return ReportPeriod.half(y, Integer.parseInt(half.strip()));
            }
            return ReportPeriod.year(y);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(quarter != null ? "quarter: 1..4" : "half: 1..2");
        }
    }

    private static void report(Context ctx, Api.Deps deps) {
        ReportPeriod period = period(ctx);
        String format = ctx.queryParam("format") == null ? "html" : ctx.queryParam("format").strip().toLowerCase(Locale.ROOT);
        if (!format.equals("html") && !format.equals("csv") && !format.equals("docx")) {
            throw ApiException.badRequest("format: html, csv or docx, not '" + ctx.queryParam("format") + "'");
        }
        CouncilReport report = CouncilReport.of(deps.register(), period);
        String file = "zvernennia-" + period.key().toLowerCase(Locale.ROOT);
        switch (format) {
            case "csv" -> ctx.contentType("text/csv; charset=utf-8")
                    .header("Content-Disposition", "attachment; filename=\"" + file + ".csv\"").result(report.csv());
            case "docx" -> ctx.contentType(DOCX)
                    .header("Content-Disposition", "attachment; filename=\"" + file + ".docx\"").result(report.docx());
            default -> ctx.contentType("text/html; charset=utf-8")
                    .header("Content-Security-Policy", ReportController.CONTENT_SECURITY_POLICY)
                    .header("Content-Disposition", "inline; filename=\"" + file + ".html\"").result(report.html());
        }
    }

    private static ReportPeriod pathPeriod(Context ctx) {
        String key = ctx.pathParam("period");
        return ReportPeriod.parse(key).orElseThrow(() -> ApiException.badRequest(
                "period: '" + key + "' is not a period such as 2025-Q1, 2025-H2 or 2025"));
    }

    private static void narrative(Context ctx, Api.Deps deps) {
        ReportPeriod period = pathPeriod(ctx);
        var out = new LinkedHashMap<String, Object>();
        out.put("period", period.key());
        var n = deps.register().narrative(period);
        out.put("text", n.map(x -> x.body()).orElse(""));
        out.put("updatedAt", n.map(x -> x.updatedAt()).orElse(null));
        out.put("updatedBy", n.map(x -> x.updatedBy()).orElse(null));
        ctx.json(out);
    }

    private static void putNarrative(Context ctx, Api.Deps deps) {
        ReportPeriod period = pathPeriod(ctx);
        NarrativeRequest req = ApiJson.body(ctx, NarrativeRequest.class);
        deps.register().putNarrative(period, req.text(), Caller.of(ctx).name());
        narrative(ctx, deps);
    }
}
