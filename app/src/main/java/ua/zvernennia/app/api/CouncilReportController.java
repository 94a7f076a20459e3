package ua.zvernennia.app.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Locale;
import ua.zvernennia.app.report.CouncilReport;
import ua.zvernennia.app.web.RouteGroup;
import ua.zvernennia.core.refusal.Refusal;
import ua.zvernennia.core.register.Narrative;
import ua.zvernennia.core.register.Register;
import ua.zvernennia.core.register.ReportPeriod;

/**
 * {@code GET /api/reports/council}: the council's report for a quarter, half-year or year as HTML
 * (default), CSV or DOCX; {@code /api/reports/narratives/{period}}: its narrative part.
 */
public final class CouncilReportController implements RouteGroup {
    public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    record NarrativeRequest(String text) {}

    private final Register register;
    private final CouncilReport.Wording wording;

    /** @param wording the organisation, where appeals came to, and the title, as the city set them */
    public CouncilReportController(Register register, CouncilReport.Wording wording) {
        this.register = register;
        this.wording = wording;
    }

    @Override
    public void routes(RoutesConfig app) {
        app.get("/api/reports/council", this::report, Role.OPERATOR);
        app.get("/api/reports/narratives/{period}", this::narrative, Role.OPERATOR);
        app.put("/api/reports/narratives/{period}", this::putNarrative, Role.ADMIN);
    }

    /** The period of {@code period=2025-Q1} or of {@code year} with {@code quarter} or {@code half}. */
    static ReportPeriod period(Context ctx) {
        String key = ctx.queryParam("period");
        if (key != null) {
            return ReportPeriod.parse(key)
                    .orElseThrow(() -> Refusal.invalid(
                            "period", "period: '" + key + "' is not a period such as 2025-Q1, 2025-H2 or 2025"));
        }
        String year = ctx.queryParam("year");
        if (year == null || !year.strip().matches("\\d{4}")) {
            throw Refusal.invalid("year", "year: required, such as 2025 (or period=2025-Q1)");
        }
        int y = Integer.parseInt(year.strip());
        String quarter = ctx.queryParam("quarter");
        String half = ctx.queryParam("half");
        if (quarter != null && half != null) {
            throw Refusal.invalid("quarter", "quarter and half: one or the other");
        }
        String field = quarter != null ? "quarter" : half != null ? "half" : "year";
        try {
            if (quarter != null) {
                return ReportPeriod.quarter(y, Integer.parseInt(quarter.strip()));
            }
            if (half != null) {
                return ReportPeriod.half(y, Integer.parseInt(half.strip()));
            }
            return ReportPeriod.year(y);
        } catch (IllegalArgumentException e) {
            // Not a number, or out of range (ReportPeriod refuses a quarter 5 or a year 1999 itself).
            throw Refusal.invalid(
                    field,
                    switch (field) {
                        case "quarter" -> "quarter: 1..4, not '" + quarter + "'";
                        case "half" -> "half: 1..2, not '" + half + "'";
                        default -> "year: 2000..2100, not " + y;
                    });
        }
    }

    private void report(Context ctx) {
        ReportPeriod period = period(ctx);
        String format = ctx.queryParam("format") == null
                ? "html"
                : ctx.queryParam("format").strip().toLowerCase(Locale.ROOT);
        if (!format.equals("html") && !format.equals("csv") && !format.equals("docx")) {
            throw Refusal.invalid("format", "format: html, csv or docx, not '" + ctx.queryParam("format") + "'");
        }
        CouncilReport report = CouncilReport.of(register, period, wording);
        String file = "zvernennia-" + period.key().toLowerCase(Locale.ROOT);
        switch (format) {
            case "csv" ->
                ctx.contentType("text/csv; charset=utf-8")
                        .header("Content-Disposition", "attachment; filename=\"" + file + ".csv\"")
                        .result(report.csv());
            case "docx" ->
                ctx.contentType(DOCX)
                        .header("Content-Disposition", "attachment; filename=\"" + file + ".docx\"")
                        .result(report.docx());
            default ->
                ctx.contentType("text/html; charset=utf-8")
                        .header("Content-Security-Policy", ReportController.CONTENT_SECURITY_POLICY)
                        .header("Content-Disposition", "inline; filename=\"" + file + ".html\"")
                        .result(report.html());
        }
    }

    private static ReportPeriod pathPeriod(Context ctx) {
        String key = ctx.pathParam("period");
        return ReportPeriod.parse(key)
                .orElseThrow(() -> Refusal.invalid(
                        "period", "period: '" + key + "' is not a period such as 2025-Q1, 2025-H2 or 2025"));
    }

    private void narrative(Context ctx) {
        narrative(ctx, pathPeriod(ctx));
    }

    private void narrative(Context ctx, ReportPeriod period) {
        var out = new LinkedHashMap<String, Object>();
        out.put("period", period.key());
        var n = register.reports().narrative(period);
        out.put("text", n.map(Narrative::body).orElse(""));
        out.put("updatedAt", n.map(Narrative::updatedAt).orElse(null));
        out.put("updatedBy", n.map(Narrative::updatedBy).orElse(null));
        ctx.json(out);
    }

    private void putNarrative(Context ctx) {
        ReportPeriod period = pathPeriod(ctx);
        NarrativeRequest req = ApiJson.body(ctx, NarrativeRequest.class);
        register.reports().putNarrative(period, req.text(), Caller.of(ctx).name());
        narrative(ctx, period);
    }
}
