package ua.zvernennia.core.openmap;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.NavigableMap;
import java.util.TreeMap;
import ua.zvernennia.core.stats.DateRange;
import ua.zvernennia.core.stats.GroupBy;
import ua.zvernennia.core.stats.Percentages;
import ua.zvernennia.core.stats.Statistics;
import ua.zvernennia.core.stats.StatisticsReader;

/**
 * Computes {@link OpenStatistics} from the aggregates: the operators' statistics (read from the
 * same aggregates) for the counts, and the executors' rows for their efficiency. Thread-safe.
 */
public final class OpenStatisticsReader {
    private final StatisticsReader statistics;
    private final OpenMap map;
    private final ZoneId zone;

    public OpenStatisticsReader(StatisticsReader statistics, OpenMap map, ZoneId zone) {
        this.statistics = statistics;
        this.map = map;
        this.zone = zone;
    }

    public OpenStatistics read(java.time.LocalDate from, java.time.LocalDate to) {
        DateRange range = new DateRange(from, to, zone);
        Statistics s = statistics.read(range, GroupBy.DAY);
        var days = s.periods().stream()
                .map(p -> new OpenStatistics.DayCount(p.first(), p.total(), p.resolved()))
                .toList();
        var executors = new ArrayList<OpenStatistics.Executor>();
        var all = new TreeMap<Long, Long>();
        for (ExecutorRow r : map.executors(from, to)) {
            r.resolutionMinutes().forEach((m, n) -> all.merge(m, n, Long::sum));
            Long median = median(r.resolutionMinutes());
            executors.add(new OpenStatistics.Executor(
                    r.executor(),
                    r.received(),
                    r.resolved(),
                    r.resolvedOnTime(),
                    Percentages.ratio(r.resolvedOnTime(), r.resolved()),
                    median,
                    hours(median),
                    r.rated(),
                    r.rated() == 0
                            ? null
                            : BigDecimal.valueOf(r.ratingSum())
                                    .divide(BigDecimal.valueOf(r.rated()), 1, RoundingMode.HALF_UP)));
        }
        executors.sort(Comparator.comparingLong(OpenStatistics.Executor::received)
                .reversed()
                .thenComparing(OpenStatistics.Executor::name));
        Long median = median(all);
        return new OpenStatistics(
                from, to, s.total(), s.byCategory(), s.byStatus(), days, executors, median, hours(median));
    }

    /** The nearest-rank median; null when there is nothing. */
    static Long median(NavigableMap<Long, Long> histogram) {
        long n = histogram.values().stream().mapToLong(Long::longValue).sum();
        if (n == 0) {
            return null;
        }
        long rank = Math.max(1, (n * 50 + 99) / 100);
        long seen = 0;
        for (var e : histogram.entrySet()) {
            seen += e.getValue();
            if (seen >= rank) {
                return e.getKey();
            }
        }
        return histogram.lastKey();
    }

    private static BigDecimal hours(Long minutes) {
        return minutes == null
                ? null
                : BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(60), 1, RoundingMode.HALF_UP);
    }
}
