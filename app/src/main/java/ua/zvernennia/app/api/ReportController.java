package ua.zvernennia.app.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.ZoneId;
import java.util.Locale;
import ua.zvernennia.app.report.QuarterlyReport;
import ua.zvernennia.app.web.RouteGroup;
import ua.zvernennia.core.executor.ExecutorStore;
import ua.zvernennia.core.refusal.Refusal;
import ua.zvernennia.core.stats.DateRange;
import ua.zvernennia.core.stats.GroupBy;
import ua.zvernennia.core.stats.StatisticsReader;

/**
 * {@code GET /api/reports/quarterly?year=&quarter=}: the quarterly report as HTML (default) or,
 * with {@code format=csv} or at {@code /api/reports/quarterly.csv}, as CSV. Operators.
 */
public final class ReportController implements RouteGroup {
    /** The report is self-contained: nothing may be fetched from elsewhere, styles are inline. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

    private final StatisticsReader reader;
    private final ExecutorStore executors;
    private final ZoneId zone;

    /**
     * @param executors whose efficiency the report shows, as {@code GET /api/stats} does
     * @param zone      the city's time zone: quarters are its days
     */
    public ReportController(StatisticsReader reader, ExecutorStore executors, ZoneId zone) {
        this.reader = reader;
        this.executors = executors;
        this.zone = zone;
    }

    @Override
    public void routes(RoutesConfig app) {
        app.get("/api/reports/quarterly", this::report, Role.OPERATOR);
        app.get("/api/reports/quarterly.csv", this::csv, Role.OPERATOR);
    }

    private void report(Context ctx) {
        report(ctx, ctx.queryParam("format"));
    }

    private void csv(Context ctx) {
        report(ctx, "csv");
    }

    private void report(Context ctx, String format) {
        int year = number(ctx, "year", 2000, 2100);
        int quarter = number(ctx, "quarter", 1, 4);
        String f = format == null || format.isBlank() ? "html" : format.strip().toLowerCase(Locale.ROOT);
        if (!f.equals("html") && !f.equals("csv")) {
            throw Refusal.invalid("format", "format must be html or csv, not '" + format + "'");
        }
        DateRange range = DateRange.quarter(year, quarter, zone);
        QuarterlyReport report = new QuarterlyReport(
                year, quarter, reader.read(range, GroupBy.MONTH), executors.efficiency(range.start(), range.end()));
        String file = "zvernennia-" + year + "-q" + quarter;
        if (f.equals("csv")) {
            ctx.contentType("text/csv; charset=utf-8")
                    .header("Content-Disposition", "attachment; filename=\"" + file + ".csv\"")
                    .result(report.csv());
        } else {
            ctx.contentType("text/html; charset=utf-8")
                    .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                    .header("Content-Disposition", "inline; filename=\"" + file + ".html\"")
                    .result(report.html());
        }
    }

    private static int number(Context ctx, String name, int min, int max) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            throw Refusal.invalid(name, "query parameter '" + name + "' is required (" + min + ".." + max + ")");
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n < min || n > max) {
                throw Refusal.invalid(
                        name, "query parameter '" + name + "' must be " + min + ".." + max + ", not " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw Refusal.invalid(
                    name,
                    "query parameter '" + name + "' must be a number " + min + ".." + max + ", not '" + value + "'");
        }
    }
}
