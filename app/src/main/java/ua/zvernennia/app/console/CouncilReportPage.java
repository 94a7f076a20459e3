package ua.zvernennia.app.console;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import ua.zvernennia.app.api.CouncilReportController;
import ua.zvernennia.app.api.Role;
import ua.zvernennia.app.report.CouncilReport;
import ua.zvernennia.app.web.RouteGroup;
import ua.zvernennia.core.refusal.Refusal;
import ua.zvernennia.core.register.Narrative;
import ua.zvernennia.core.register.Register;
import ua.zvernennia.core.register.RegisterFigures;
import ua.zvernennia.core.register.ReportPeriod;

/**
 * The council's report «Інформація про роботу зі зверненнями громадян»: a quarter, half-year or
 * year chosen, its figures as the report has them, the narrative part admins write and save for
 * the period, and the report to download as HTML, CSV or DOCX. The period is in the URL: it is no
 * personal data, and a link to a period can be shared.
 */
public final class CouncilReportPage implements RouteGroup {
    private static final String BASE = ConsoleRoutes.BASE + "/reports";
    /** Years offered in the period list, the current one first. */
    private static final int YEARS = 5;

    /** A period the list offers. */
    public record PeriodOption(String key, String label) {}

    /**
     * The page.
     *
     * @param periodWords the period as the report's sentences say it: «за I квартал 2026 року»
     * @param narrative   the period's narrative as saved (or as typed, when saving it was refused)
     * @param problem     why the narrative was not saved, or null
     */
    public record ReportView(
            ReportPeriod period,
            String periodWords,
            List<PeriodOption> periods,
            RegisterFigures figures,
            String narrative,
            Narrative saved,
            boolean unfinished,
            String problem) {
        /** The period as a heading: «За I квартал 2026 року». */
        public String heading() {
            return Character.toUpperCase(periodWords.charAt(0)) + periodWords.substring(1);
        }
    }

    private final Console console;
    private final Register register;
    private final CouncilReport.Wording wording;
    private final Clock clock;

    public CouncilReportPage(Console console, Register register, CouncilReport.Wording wording, Clock clock) {
        this.console = console;
        this.register = register;
        this.wording = wording;
        this.clock = clock;
    }

    @Override
    public void routes(RoutesConfig app) {
        app.get(BASE, this::page, Role.OPERATOR);
        app.post(BASE + "/narrative", this::saveNarrative, Role.ADMIN);
        app.get(BASE + "/council", this::download, Role.OPERATOR);
    }

    private void page(Context ctx) {
        String key = ctx.queryParam("period");
        ReportPeriod period = key == null || key.isBlank() ? lastQuarter() : period(key);
        page(ctx, period, null, null, 200);
    }

    private void page(Context ctx, ReportPeriod period, String typed, String problem, int status) {
        CouncilReport report = CouncilReport.of(register, period, wording);
        Optional<Narrative> saved = register.reports().narrative(period);
        Pages.render(
                ctx,
                status,
                "report.jte",
                console.chrome(ctx, "Звіт для ради", "reports"),
                "view",
                new ReportView(
                        period,
                        report.periodWords(),
                        periods(period),
                        report.figures(),
                        typed != null ? typed : saved.map(Narrative::body).orElse(""),
                        saved.orElse(null),
                        report.unfinished(),
                        problem));
    }

    private void saveNarrative(Context ctx) {
        ReportPeriod period = period(ctx.formParam("period"));
        String text = Optional.ofNullable(ctx.formParam("text")).orElse("");
        try {
            register.reports().putNarrative(period, text, console.caller(ctx).name());
        } catch (Refusal r) {
            page(
                    ctx,
                    period,
                    text,
                    "Текст не збережено: не довше " + Narrative.MAX_BODY + " символів (зараз " + text.length() + ").",
                    400);
            return;
        }
        console.done(
                ctx,
                BASE + "?period=" + period.key(),
                Flash.info(
                        text.isBlank()
                                ? "Текстову частину звіту видалено."
                                : "Текстову частину звіту збережено: вона вже у звіті."));
    }

    private void download(Context ctx) {
        ReportPeriod period = period(ctx.queryParam("period"));
        String format = Optional.ofNullable(ctx.queryParam("format")).orElse("html");
        CouncilReport report = CouncilReport.of(register, period, wording);
        String file = "zvernennia-" + period.key().toLowerCase(Locale.ROOT);
        switch (format) {
            case "csv" ->
                ctx.contentType("text/csv; charset=utf-8")
                        .header("Content-Disposition", "attachment; filename=\"" + file + ".csv\"")
                        .result(report.csv());
            case "docx" ->
                ctx.contentType(CouncilReportController.DOCX)
                        .header("Content-Disposition", "attachment; filename=\"" + file + ".docx\"")
                        .result(report.docx());
            case "html" ->
                ctx.contentType("text/html; charset=utf-8")
                        .header("Content-Security-Policy", StatsPage.REPORT_CSP)
                        .header("Content-Disposition", "inline; filename=\"" + file + ".html\"")
                        .result(report.html());
            default -> throw Refusal.invalid("format", "Формат звіту — html, csv або docx.");
        }
    }

    private static ReportPeriod period(String key) {
        return ReportPeriod.parse(key)
                .orElseThrow(
                        () -> Refusal.invalid(
                                "period",
                                "Такого періоду звіту немає: очікується, напр., 2026-Q1 (квартал), 2026-H1 (півріччя) або 2026 (рік)."));
    }

    /** The quarter before the current one: the one a council reports on. */
    private ReportPeriod lastQuarter() {
        LocalDate today = clock.instant().atZone(console.zone()).toLocalDate();
        LocalDate before = today.withDayOfMonth(1)
                .withMonth(((today.getMonthValue() - 1) / 3) * 3 + 1)
                .minusDays(1);
        return ReportPeriod.quarter(before.getYear(), (before.getMonthValue() - 1) / 3 + 1);
    }

    /** The years' periods, newest first: the year, its halves and its quarters; and the chosen one if older. */
    private List<PeriodOption> periods(ReportPeriod chosen) {
        int year = clock.instant().atZone(console.zone()).getYear();
        var out = new ArrayList<PeriodOption>();
        for (int y = year; y > year - YEARS; y--) {
            out.add(option(ReportPeriod.year(y)));
            for (int h = 1; h <= 2; h++) {
                out.add(option(ReportPeriod.half(y, h)));
            }
            for (int q = 1; q <= 4; q++) {
                out.add(option(ReportPeriod.quarter(y, q)));
            }
        }
        if (out.stream().noneMatch(o -> o.key().equals(chosen.key()))) {
            out.add(option(chosen));
        }
        return out;
    }

    private static PeriodOption option(ReportPeriod p) {
        String label = switch (p.kind()) {
            case YEAR -> p.year() + " рік";
            case HALF -> (p.index() == 1 ? "I" : "II") + " півріччя " + p.year();
            case QUARTER -> List.of("I", "II", "III", "IV").get(p.index() - 1) + " квартал " + p.year();
        };
        return new PeriodOption(p.key(), label);
    }
}
