package ua.zvernennia.app.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import ua.zvernennia.app.report.CouncilReport;
import ua.zvernennia.core.register.RegisterFigures;
import ua.zvernennia.core.stats.DateRange;
import ua.zvernennia.core.stats.GroupBy;
import ua.zvernennia.core.stats.Statistics;
import ua.zvernennia.core.stats.StatisticsReader;

/** {@code GET /api/stats}: the statistics of the appeals filed between two local dates. Operators. */
final class StatsController {

    /** The JSON of the statistics: the range flattened, everything else as the model has it. */
    record StatsResponse(LocalDate from, LocalDate to, String zone, GroupBy groupBy, Instant asOf, long total,
                         List<Statistics.ChannelShare> byChannel, List<Statistics.CategoryShare> byCategory,
                         List<Statistics.StatusShare> byStatus, Statistics.Deadlines deadlines, Statistics.Resolution resolution,
                         List<Statistics.ExecutorFigures> byExecutor, List<Statistics.PeriodFigures> periods,
                         RegisterFigures register) {
        static StatsResponse of(Statistics s, RegisterFigures register) {
            return new StatsResponse(s.range().from(), s.range().to(), s.range().zone().getId(), s.groupBy(), s.asOf(), s.total(),
                    s.byChannel(), s.byCategory(), s.byStatus(), s.deadlines(), s.resolution(), s.byExecutor(), s.periods(), register);
        }
    }

    private StatsController() {
    }

    static void register(RoutesConfig app, Api.Deps deps) {
        StatisticsReader reader = new StatisticsReader(deps.storage().statistics(), deps.clock());
        app.get("/api/stats", ctx -> stats(ctx, deps, reader), Role.OPERATOR);
    }

    private static void stats(Context ctx, Api.Deps deps, StatisticsReader reader) {
        LocalDate from = date(ctx, "from");
        LocalDate to = date(ctx, "to");
        GroupBy groupBy = groupBy(ctx.queryParam("groupBy"));
        DateRange range;
        try {
            range = new DateRange(from, to, deps.storage().zone());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        ctx.json(StatsResponse.of(reader.read(range, groupBy),
                deps.register().figures(range, CouncilReport.unknownName(), CouncilReport.termNames())));
    }

    static LocalDate date(Context ctx, String name) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            throw ApiException.badRequest("query parameter '" + name + "' is required: a date like 2025-01-31");
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("query parameter '" + name + "' is not a date like 2025-01-31: " + value);
        }
    }

    static GroupBy groupBy(String value) {
        if (value == null || value.isBlank()) {
            return GroupBy.MONTH;
        }
        try {
            return GroupBy.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("groupBy must be one of " + Arrays.stream(GroupBy.values())
                    .map(g -> g.name().toLowerCase(Locale.ROOT)).toList() + ", not '" + value + "'");
        }
    }
}
