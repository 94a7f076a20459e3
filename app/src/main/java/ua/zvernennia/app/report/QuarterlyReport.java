package ua.zvernennia.app.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import ua.zvernennia.core.executor.Efficiency;
import ua.zvernennia.core.stats.Statistics;

/**
 * The quarterly information report on the city's work with citizens' appeals, in Ukrainian: as
 * an HTML page with inline SVG charts (to publish or print) and as CSV (one figure a row, for
 * open-data portals and spreadsheets).
 *
 * @param efficiency the executors' efficiency over the quarter, as {@code GET /api/stats} gives it
 *                   ({@link ua.zvernennia.core.executor.ExecutorStore#efficiency}); worded here, not computed
 */
public record QuarterlyReport(int year, int quarter, Statistics statistics, List<Efficiency> efficiency) {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy", Locale.ROOT);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm", Locale.ROOT);
    /** Excel reads a CSV file as UTF-8 only when it starts with a byte order mark. */
    public static final String BOM = "\uFEFF";

    private static final CsvMapper CSV = CsvMapper.builder().build();

    public QuarterlyReport {
        Objects.requireNonNull(statistics, "statistics");
        efficiency = List.copyOf(efficiency);
        if (quarter < 1 || quarter > 4) {
            throw new IllegalArgumentException("quarter must be 1..4");
        }
    }

    private String quarterName() {
        return ReportTexts.get("quarter." + quarter);
    }

    /** True while the quarter has not ended as of the statistics' moment. */
    public boolean unfinished() {
        return statistics.asOf().isBefore(statistics.range().end());
    }

    public String html() {
        Statistics s = statistics;
        String title = ReportTexts.get("title", quarterName(), year);
        StringBuilder h = new StringBuilder(16_384);
        h.append("<!DOCTYPE html>\n<html lang=\"uk\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
                .append(Html.escape(title))
                .append("</title>\n<style>\n")
                .append(
                        "body{font-family:sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222;line-height:1.45}\n")
                .append(
                        "table{border-collapse:collapse;margin:1rem 0;min-width:60%}th,td{border:1px solid #bbb;padding:.3rem .6rem}\n")
                .append("td.n{text-align:right;white-space:nowrap}th{background:#f2f2f2;text-align:left}\n")
                .append(
                        "figure{margin:1rem 0}.swatch{display:inline-block;width:.8rem;height:.8rem;margin-right:.4rem;vertical-align:middle}\n")
                .append(".note{color:#555}@media print{body{margin:0}}\n</style>\n</head>\n<body>\n");
        h.append("<h1>").append(Html.escape(title)).append("</h1>\n");
        h.append("<p class=\"note\">")
                .append(Html.escape(ReportTexts.get(
                        "period",
                        DATE.format(s.range().from()),
                        DATE.format(s.range().to()),
                        s.range().zone().getId(),
                        DATE_TIME.format(s.asOf().atZone(s.range().zone())))))
                .append("</p>\n");
        if (unfinished()) {
            h.append("<p class=\"note\"><strong>")
                    .append(Html.escape(ReportTexts.get("period.unfinished")))
                    .append("</strong></p>\n");
        }
        h.append("<p>")
                .append(Html.escape(ReportTexts.get("intro", quarterName(), year, Html.number(s.total()))))
                .append("</p>\n");
        if (s.total() == 0) {
            h.append("<p>").append(Html.escape(ReportTexts.get("no.appeals"))).append("</p>\n");
        }

        h.append("<h2>")
                .append(Html.escape(ReportTexts.get("section.channels")))
                .append("</h2>\n");
        h.append("<figure id=\"chart-channels\">")
                .append(ReportCharts.channels(s))
                .append("</figure>\n");
        h.append("<table id=\"channels\">\n<tr><th>")
                .append(Html.escape(ReportTexts.get("column.channel")))
                .append("</th><th>")
                .append(Html.escape(ReportTexts.get("column.count")))
                .append("</th><th>")
                .append(Html.escape(ReportTexts.get("column.share")))
                .append("</th></tr>\n");
        for (int i = 0; i < s.byChannel().size(); i++) {
            Statistics.ChannelShare c = s.byChannel().get(i);
            h.append("<tr><td><span class=\"swatch\" style=\"background:")
                    .append(SvgCharts.colour(i))
                    .append("\"></span>")
                    .append(Html.escape(ReportTexts.channel(c.channel())))
                    .append("</td>");
            cells(h, Html.number(c.count()), Html.decimal(c.percent()));
        }
        h.append("</table>\n");

        h.append("<h2>")
                .append(Html.escape(ReportTexts.get("section.categories")))
                .append("</h2>\n");
        if (!s.byCategory().isEmpty()) {
            h.append("<figure id=\"chart-categories\">")
                    .append(ReportCharts.categories(s))
                    .append("</figure>\n");
        }
        h.append("<table id=\"categories\">\n<tr><th>")
                .append(Html.escape(ReportTexts.get("column.category")))
                .append("</th><th>")
                .append(Html.escape(ReportTexts.get("column.count")))
                .append("</th><th>")
                .append(Html.escape(ReportTexts.get("column.share")))
                .append("</th></tr>\n");
        for (Statistics.CategoryShare c : s.byCategory()) {
            h.append("<tr><td>").append(Html.escape(c.name())).append("</td>");
            cells(h, Html.number(c.count()), Html.decimal(c.percent()));
        }
        h.append("</table>\n");

        h.append("<h2>")
                .append(Html.escape(ReportTexts.get("section.deadlines")))
                .append("</h2>\n");
        h.append("<table id=\"deadlines\">\n<tr><th>")
                .append(Html.escape(ReportTexts.get("column.figure")))
                .append("</th><th>")
                .append(Html.escape(ReportTexts.get("column.value")))
                .append("</th></tr>\n");
        for (Figure f : figures()) {
            h.append("<tr><td>").append(Html.escape(ReportTexts.get(f.key()))).append("</td>");
            cells(
                    h,
                    f.value() == null
                            ? Html.decimal(null)
                            : f.value().scale() == 0
                                    ? Html.number(f.value().longValueExact())
                                    : Html.decimal(f.value()));
        }
        h.append("</table>\n");

        h.append("<h2>")
                .append(Html.escape(ReportTexts.get("section.statuses")))
                .append("</h2>\n");
        h.append("<table id=\"statuses\">\n<tr><th>")
                .append(Html.escape(ReportTexts.get("column.status")))
                .append("</th><th>")
                .append(Html.escape(ReportTexts.get("column.count")))
                .append("</th><th>")
                .append(Html.escape(ReportTexts.get("column.share")))
                .append("</th></tr>\n");
        for (Statistics.StatusShare st : s.byStatus()) {
            h.append("<tr><td>")
                    .append(Html.escape(ReportTexts.status(st.status())))
                    .append("</td>");
            cells(h, Html.number(st.count()), Html.decimal(st.percent()));
        }
        h.append("</table>\n");

        h.append("<h2>")
                .append(Html.escape(ReportTexts.get("section.executors")))
                .append("</h2>\n");
        h.append("<table id=\"executors\">\n<tr>");
        for (String key : List.of(
                "column.executor",
                "column.received",
                "column.resolved",
                "column.resolved.on.time",
                "column.on.time.share")) {
            h.append("<th>").append(Html.escape(ReportTexts.get(key))).append("</th>");
        }
        h.append("</tr>\n");
        for (Statistics.ExecutorFigures e : s.byExecutor()) {
            h.append("<tr><td>").append(Html.escape(e.executor())).append("</td>");
            cells(
                    h,
                    Html.number(e.received()),
                    Html.number(e.resolved()),
                    Html.number(e.resolvedOnTime()),
                    Html.decimal(e.onTimePercent()));
        }
        h.append("</table>\n");
        efficiencyHtml(h);
        h.append("<footer class=\"note\"><p>")
                .append(Html.escape(ReportTexts.get("footer")))
                .append("</p></footer>\n</body>\n</html>\n");
        return h.toString();
    }

    /** The executors' efficiency: one row each, the figures of {@code /api/stats}'s {@code efficiency}. */
    private void efficiencyHtml(StringBuilder h) {
        h.append("<h2>")
                .append(Html.escape(ReportTexts.get("section.efficiency")))
                .append("</h2>\n");
        h.append("<p class=\"note\">")
                .append(Html.escape(ReportTexts.get("efficiency.note")))
                .append("</p>\n");
        h.append("<table id=\"efficiency\">\n<tr>");
        for (String key : List.of(
                "column.executor",
                "column.received",
                "column.resolved",
                "column.resolved.on.time",
                "column.on.time.share",
                "column.median.hours",
                "column.reopened",
                "column.reopened.share",
                "column.rating")) {
            h.append("<th>").append(Html.escape(ReportTexts.get(key))).append("</th>");
        }
        h.append("</tr>\n");
        for (Efficiency e : efficiency) {
            h.append("<tr data-executor=\"")
                    .append(e.executorId())
                    .append("\"><td>")
                    .append(Html.escape(e.executor()))
                    .append("</td>");
            cells(
                    h,
                    Html.number(e.received()),
                    Html.number(e.resolved()),
                    Html.number(e.resolvedOnTime()),
                    Html.decimal(decimal(e.onTimePercent())),
                    Html.decimal(decimal(e.medianHours())),
                    Html.number(e.reopened()),
                    Html.decimal(decimal(e.reopenedPercent())),
                    Html.decimal(decimal(e.averageRating())));
        }
        h.append("</table>\n");
    }

    /** A figure of {@link Efficiency} as the report writes decimals; null stays null. */
    private static BigDecimal decimal(Double d) {
        return d == null ? null : BigDecimal.valueOf(d);
    }

    private static void cells(StringBuilder h, String... values) {
        for (String v : values) {
            h.append("<td class=\"n\">").append(Html.escape(v)).append("</td>");
        }
        h.append("</tr>\n");
    }

    /** A figure of the deadlines section: a whole number (scale 0), a decimal, or none. */
    private record Figure(String key, String code, BigDecimal value) {}

    private List<Figure> figures() {
        Statistics.Deadlines d = statistics.deadlines();
        Statistics.Resolution r = statistics.resolution();
        return List.of(
                new Figure("figure.total", "total", BigDecimal.valueOf(statistics.total())),
                new Figure("figure.resolved", "resolved", BigDecimal.valueOf(r.resolved())),
                new Figure("figure.resolved.on.time", "resolved_on_time", BigDecimal.valueOf(d.resolvedOnTime())),
                new Figure("figure.resolved.on.time.share", "resolved_on_time_percent", d.resolvedOnTimePercent()),
                new Figure("figure.overdue", "overdue", BigDecimal.valueOf(d.overdue())),
                new Figure("figure.overdue.share", "overdue_percent", d.overduePercent()),
                new Figure("figure.overdue.open", "overdue_open", BigDecimal.valueOf(d.openOverdue())),
                new Figure("figure.overdue.closed", "overdue_closed_late", BigDecimal.valueOf(d.closedLate())),
                new Figure("figure.past.legal", "past_legal_deadline", BigDecimal.valueOf(d.pastLegalDeadline())),
                new Figure("figure.median.hours", "median_hours", r.medianHours()),
                new Figure("figure.p90.hours", "p90_hours", r.p90Hours()));
    }

    /**
     * One figure a row: section, code, name, measure, value, percent. Decimals with a point;
     * starts with a byte order mark so that spreadsheet programs read it as UTF-8.
     */
    public String csv() {
        Statistics s = statistics;
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of(
                ReportTexts.get("csv.section"),
                ReportTexts.get("csv.code"),
                ReportTexts.get("csv.name"),
                ReportTexts.get("csv.measure"),
                ReportTexts.get("csv.value"),
                ReportTexts.get("csv.percent")));
        String period = year + "-Q" + quarter;
        rows.add(List.of(
                "period",
                period,
                ReportTexts.get("title", quarterName(), year),
                "as_of",
                s.asOf().toString(),
                ""));
        for (Statistics.ChannelShare c : s.byChannel()) {
            rows.add(List.of(
                    "channel",
                    c.channel().name(),
                    ReportTexts.channel(c.channel()),
                    "appeals",
                    Long.toString(c.count()),
                    text(c.percent())));
        }
        for (Statistics.CategoryShare c : s.byCategory()) {
            rows.add(List.of(
                    "category", c.categoryId(), c.name(), "appeals", Long.toString(c.count()), text(c.percent())));
        }
        for (Statistics.StatusShare st : s.byStatus()) {
            rows.add(List.of(
                    "status",
                    st.status().name(),
                    ReportTexts.status(st.status()),
                    "appeals",
                    Long.toString(st.count()),
                    text(st.percent())));
        }
        for (Figure f : figures()) {
            boolean percent = f.code().endsWith("_percent");
            rows.add(List.of(
                    "deadlines",
                    f.code(),
                    ReportTexts.get(f.key()),
                    percent ? "percent" : f.code().endsWith("_hours") ? "hours" : "appeals",
                    percent ? "" : text(f.value()),
                    percent ? text(f.value()) : ""));
        }
        for (Statistics.ExecutorFigures e : s.byExecutor()) {
            rows.add(List.of("executor", "", e.executor(), "received", Long.toString(e.received()), ""));
            rows.add(List.of("executor", "", e.executor(), "resolved", Long.toString(e.resolved()), ""));
            rows.add(List.of(
                    "executor",
                    "",
                    e.executor(),
                    "resolved_on_time",
                    Long.toString(e.resolvedOnTime()),
                    text(e.onTimePercent())));
        }
        for (Efficiency e : efficiency) {
            String code = String.valueOf(e.executorId());
            rows.add(List.of("efficiency", code, e.executor(), "received", Long.toString(e.received()), ""));
            rows.add(List.of("efficiency", code, e.executor(), "resolved", Long.toString(e.resolved()), ""));
            rows.add(List.of(
                    "efficiency",
                    code,
                    e.executor(),
                    "resolved_on_time",
                    Long.toString(e.resolvedOnTime()),
                    text(decimal(e.onTimePercent()))));
            rows.add(List.of("efficiency", code, e.executor(), "median_hours", text(decimal(e.medianHours())), ""));
            rows.add(List.of(
                    "efficiency",
                    code,
                    e.executor(),
                    "reopened",
                    Long.toString(e.reopened()),
                    text(decimal(e.reopenedPercent()))));
            rows.add(List.of("efficiency", code, e.executor(), "average_rating", text(decimal(e.averageRating())), ""));
            rows.add(List.of("efficiency", code, e.executor(), "ratings", Long.toString(e.ratings()), ""));
        }
        StringWriter out = new StringWriter();
        out.write(BOM);
        try (var writer = CSV.writer(CsvSchema.emptySchema().withLineSeparator("\r\n"))
                .without(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                .writeValues(out)) {
            for (List<String> row : rows) {
                writer.write(row.stream().map(QuarterlyReport::cell).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /**
     * A cell that a spreadsheet would take for a formula (it starts with {@code = + - @}, a tab or
     * a carriage return: a category or executor name an admin typed) gets a leading apostrophe,
     * which spreadsheets show as text.
     */
    public static String cell(String value) {
        if (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
            return "'" + value;
        }
        return value;
    }

    private static String text(BigDecimal d) {
        return d == null ? "" : d.toPlainString();
    }
}
