package ua.zvernennia.core.openmap;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import ua.zvernennia.core.stats.Statistics;

/**
 * The open statistics of the appeals filed on the local dates {@code from}..{@code to}: counts
 * by direction and status, a count by day, and the executors' efficiency. Nothing personal.
 */
public record OpenStatistics(
        LocalDate from,
        LocalDate to,
        long total,
        List<Statistics.CategoryShare> byDirection,
        List<Statistics.StatusShare> byStatus,
        List<DayCount> days,
        List<Executor> executors,
        Long medianMinutes,
        BigDecimal medianHours) {
    public OpenStatistics {
        byDirection = List.copyOf(byDirection);
        byStatus = List.copyOf(byStatus);
        days = List.copyOf(days);
        executors = List.copyOf(executors);
    }

    public record DayCount(LocalDate date, long appeals, long resolved) {}

    /**
     * @param onTimePercent  resolved on time of those RESOLVED; null when none is
     * @param medianMinutes  median time from filing to resolution; null when none is resolved
     * @param averageRating  the citizens' mean rating, 1..5 with one decimal; null when none rated
     */
    public record Executor(
            String name,
            long received,
            long resolved,
            long resolvedOnTime,
            BigDecimal onTimePercent,
            Long medianMinutes,
            BigDecimal medianHours,
            long rated,
            BigDecimal averageRating) {}
}
