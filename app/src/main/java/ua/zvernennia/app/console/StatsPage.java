package ua.zvernennia.app.console;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import ua.zvernennia.app.api.Role;
import ua.zvernennia.app.report.CouncilReport;
import ua.zvernennia.app.report.QuarterlyReport;
import ua.zvernennia.app.report.ReportCharts;
import ua.zvernennia.app.web.RouteGroup;
import ua.zvernennia.core.executor.Efficiency;
import ua.zvernennia.core.executor.ExecutorStore;
import ua.zvernennia.core.refusal.Refusal;
import ua.zvernennia.core.register.Register;
import ua.zvernennia.core.register.RegisterFigures;
import ua.zvernennia.core.stats.DateRange;
import ua.zvernennia.core.stats.GroupBy;
import ua.zvernennia.core.stats.Statistics;
import ua.zvernennia.core.stats.StatisticsReader;

/**
 * The statistics page: the quarterly report's charts for a chosen period and grouping, the
 * executors' efficiency and the register's breakdowns of the same period (those of
 * {@code GET /api/stats}'s {@code efficiency} and {@code register}, from the same code), and the
 * report itself (HTML or CSV) a click away. The period is in the URL: it is no personal
 * data, and a link to a period can be shared.
 */
public final class StatsPage implements RouteGroup {
    private static final String BASE = ConsoleRoutes.BASE + "/stats";
    /** The report page has its own inline styles and no scripts; nothing is fetched from elsewhere. */
    static final String REPORT_CSP =
            "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'; base-uri 'none'";

    /**
     * The page: the period as asked (or the problem with it), its statistics and their charts (SVG
     * drawn by the report's code, with every label escaped there), and the quarter picker.
     */
    public record StatsView(
            LocalDate from,
            LocalDate to,
            GroupBy groupBy,
            String problem,
            Statistics stats,
            String channelsChart,
            String categoriesChart,
            String periodsChart,
            int year,
            int quarter,
            List<Integer> years,
            RegisterFigures register,
            List<Efficiency> efficiency) {
        public String colour(int i) {
            return ReportCharts.colour(i);
        }

        /** A figure of the executors' efficiency as the page writes it: «50.0», or «—» when there is none. */
        public static String figure(Double d) {
            return d == null ? "—" : java.math.BigDecimal.valueOf(d).toPlainString();
        }
    }

    private final Console console;
    private final StatisticsReader charts;
    private final StatisticsReader official;
    private final Register register;
    private final ExecutorStore executors;
    private final Clock clock;
    private final ZoneId zone;

    /**
     * @param charts   the page's figures: from the aggregates kept current as appeals change, as the
     *                 public statistics are, so that a year is drawn at once
     * @param official the quarterly report, the city's official record: counted from the appeals themselves
     * @param register  the council's register, whose breakdowns the page shows as /api/stats does
     * @param executors whose efficiency the page and the report show as /api/stats does
     * @param zone      the city's time zone: the periods are its days
     */
    public StatsPage(
            Console console,
            StatisticsReader charts,
            StatisticsReader official,
            Register register,
            ExecutorStore executors,
            Clock clock,
            ZoneId zone) {
        this.console = console;
        this.charts = charts;
        this.official = official;
        this.register = register;
        this.executors = executors;
        this.clock = clock;
        this.zone = zone;
    }

    public static String groupName(GroupBy g) {
        return switch (g) {
            case DAY -> "днями";
            case WEEK -> "тижнями";
            case MONTH -> "місяцями";
            case QUARTER -> "кварталами";
        };
    }

    @Override
    public void routes(RoutesConfig app) {
        app.get(BASE, this::page, Role.OPERATOR);
        app.get(BASE + "/report", this::report, Role.OPERATOR);
    }

    private void page(Context ctx) {
        LocalDate today = clock.instant().atZone(zone).toLocalDate();
        LocalDate quarterStart = GroupBy.QUARTER.periodStart(today);
        String problem = null;
        LocalDate from = quarterStart;
        LocalDate to = today;
        GroupBy groupBy = GroupBy.WEEK;
        DateRange range;
        try {
            from = date(ctx.queryParam("from"), quarterStart);
            to = date(ctx.queryParam("to"), today);
            groupBy = groupBy(ctx.queryParam("groupBy"));
            LocalDate f = from;
            LocalDate t = to;
            range = Refusal.validated(() -> new DateRange(f, t, zone));
        } catch (ConsoleProblem e) {
            problem = e.getMessage();
            range = new DateRange(quarterStart, today, zone);
        } catch (Refusal e) {
            problem = "Період не підходить: «по» не може бути раніше «з», і не довше " + DateRange.MAX_DAYS + " днів.";
            range = new DateRange(quarterStart, today, zone);
        }
        Statistics s = charts.read(range, groupBy);
        int quarter = (today.getMonthValue() - 1) / 3 + 1;
        List<Integer> years = IntStream.rangeClosed(today.getYear() - 4, today.getYear())
                .boxed()
                .sorted((a, b) -> b - a)
                .toList();
        Pages.render(
                ctx,
                problem == null ? 200 : 400,
                "stats.jte",
                console.chrome(ctx, "Статистика", "stats"),
                "view",
                new StatsView(
                        from,
                        to,
                        groupBy,
                        problem,
                        s,
                        ReportCharts.channels(s),
                        ReportCharts.categories(s),
                        ReportCharts.periods(s, "Звернення " + groupName(groupBy)),
                        today.getYear(),
                        quarter,
                        years,
                        register.reports().figures(range, CouncilReport.unknownName(), CouncilReport.termNames()),
                        executors.efficiency(range.start(), range.end())));
    }

    private void report(Context ctx) {
        int year = number(ctx.queryParam("year"), 2000, 2100);
        int quarter = number(ctx.queryParam("quarter"), 1, 4);
        String format = ctx.queryParam("format") == null ? "html" : ctx.queryParam("format");
        DateRange range = DateRange.quarter(year, quarter, zone);
        QuarterlyReport report = new QuarterlyReport(
                year, quarter, official.read(range, GroupBy.MONTH), executors.efficiency(range.start(), range.end()));
        String file = "zvernennia-" + year + "-q" + quarter;
        switch (format) {
            case "csv" ->
                ctx.contentType("text/csv; charset=utf-8")
                        .header("Content-Disposition", "attachment; filename=\"" + file + ".csv\"")
                        .result(report.csv());
            case "html" ->
                ctx.contentType("text/html; charset=utf-8")
                        .header("Content-Security-Policy", REPORT_CSP)
                        .header("Content-Disposition", "inline; filename=\"" + file + ".html\"")
                        .result(report.html());
            default -> throw Refusal.invalid("format", "Формат звіту — html або csv.");
        }
    }

    /** A problem with the asked period, in words for the page, which shows it beside the default period. */
    private static final class ConsoleProblem extends RuntimeException {
        ConsoleProblem(String message) {
            super(message);
        }
    }

    private static LocalDate date(String value, LocalDate fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new ConsoleProblem("Дату не вдалося прочитати: очікується рррр-мм-дд.");
        }
    }

    private static GroupBy groupBy(String value) {
        if (value == null || value.isBlank()) {
            return GroupBy.WEEK;
        }
        try {
            return GroupBy.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ConsoleProblem("Групування — днями, тижнями, місяцями або кварталами.");
        }
    }

    private static int number(String value, int min, int max) {
        try {
            int n = Integer.parseInt(value == null ? "" : value.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw Refusal.invalid("Оберіть рік і квартал звіту.");
    }
}
