package ua.zvernennia.app.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import ua.zvernennia.app.report.CouncilReport;
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
 * {@code GET /api/stats}: the statistics of the appeals received between two local dates, with the
 * register's breakdowns of the council's report under {@code register}. Operators.
 */
public final class StatsController implements RouteGroup {

    /** The JSON of the statistics: the range flattened, everything else as the model has it. */
    record StatsResponse(
            LocalDate from,
            LocalDate to,
            String zone,
            GroupBy groupBy,
            Instant asOf,
            long total,
            List<Statistics.ChannelShare> byChannel,
            List<Statistics.CategoryShare> byCategory,
            List<Statistics.StatusShare> byStatus,
            Statistics.Deadlines deadlines,
            Statistics.Resolution resolution,
            List<Statistics.ExecutorFigures> byExecutor,
            List<Statistics.PeriodFigures> periods,
            List<Efficiency> efficiency,
            RegisterFigures register) {
        static StatsResponse of(Statistics s, List<Efficiency> efficiency, RegisterFigures register) {
            return new StatsResponse(
                    s.range().from(),
                    s.range().to(),
                    s.range().zone().getId(),
                    s.groupBy(),
                    s.asOf(),
                    s.total(),
                    s.byChannel(),
                    s.byCategory(),
                    s.byStatus(),
                    s.deadlines(),
                    s.resolution(),
                    s.byExecutor(),
                    s.periods(),
                    efficiency,
                    register);
        }
    }

    private final StatisticsReader reader;
    private final Register register;
    private final ZoneId zone;
    private final ExecutorStore executors;

    /** @param zone the city's time zone: the dates are its days */
    /** @param executors whose efficiency the figures show; null for none */
    public StatsController(StatisticsReader reader, Register register, ZoneId zone, ExecutorStore executors) {
        this.reader = reader;
        this.register = register;
        this.zone = zone;
        this.executors = executors;
    }

    @Override
    public void routes(RoutesConfig app) {
        app.get("/api/stats", this::stats, Role.OPERATOR);
    }

    private void stats(Context ctx) {
        LocalDate from = date(ctx, "from");
        LocalDate to = date(ctx, "to");
        GroupBy groupBy = groupBy(ctx.queryParam("groupBy"));
        DateRange range = Refusal.validated(() -> new DateRange(from, to, zone));
        List<Efficiency> efficiency = executors == null ? List.of() : executors.efficiency(range.start(), range.end());
        ctx.json(StatsResponse.of(
                reader.read(range, groupBy),
                efficiency,
                register.reports().figures(range, CouncilReport.unknownName(), CouncilReport.termNames())));
    }

    static LocalDate date(Context ctx, String name) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            throw Refusal.invalid(name, "query parameter '" + name + "' is required: a date like 2025-01-31");
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw Refusal.invalid(name, "query parameter '" + name + "' is not a date like 2025-01-31: " + value);
        }
    }

    static GroupBy groupBy(String value) {
        if (value == null || value.isBlank()) {
            return GroupBy.MONTH;
        }
        try {
            return GroupBy.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw Refusal.invalid(
                    "groupBy",
                    "groupBy must be one of "
                            + Arrays.stream(GroupBy.values())
                                    .map(g -> g.name().toLowerCase(Locale.ROOT))
                                    .toList() + ", not '" + value + "'");
        }
    }
}
