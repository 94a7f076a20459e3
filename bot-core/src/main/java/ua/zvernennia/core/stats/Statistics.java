package ua.zvernennia.core.stats;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import ua.zvernennia.core.appeal.AppealStatus;
import ua.zvernennia.core.chat.Channel;

/**
 * The statistics of the appeals filed in a range of local dates, as of a moment. Percentages of
 * a breakdown add up to 100.0 (see {@link Percentages}).
 */
public record Statistics(
        DateRange range,
        GroupBy groupBy,
        Instant asOf,
        long total,
        List<ChannelShare> byChannel,
        List<CategoryShare> byCategory,
        List<StatusShare> byStatus,
        Deadlines deadlines,
        Resolution resolution,
        List<ExecutorFigures> byExecutor,
        List<PeriodFigures> periods) {
    public Statistics {
        byChannel = List.copyOf(byChannel);
        byCategory = List.copyOf(byCategory);
        byStatus = List.copyOf(byStatus);
        byExecutor = List.copyOf(byExecutor);
        periods = List.copyOf(periods);
    }

    public record ChannelShare(Channel channel, long count, BigDecimal percent) {}

    public record CategoryShare(String categoryId, String name, long count, BigDecimal percent) {}

    public record StatusShare(AppealStatus status, long count, BigDecimal percent) {}

    /**
     * @param overdue           open past the deadline, or closed after it
     * @param openOverdue       of those, still open
     * @param closedLate        of those, closed after the deadline
     * @param resolvedOnTime    RESOLVED at or before the deadline
     * @param pastLegalDeadline open past the legal deadline, or closed after it
     * @param overduePercent         overdue of all appeals; null when there are none
     * @param resolvedOnTimePercent  resolved on time of the RESOLVED ones; null when none is
     */
    public record Deadlines(
            long overdue,
            long openOverdue,
            long closedLate,
            long resolvedOnTime,
            long pastLegalDeadline,
            BigDecimal overduePercent,
            BigDecimal resolvedOnTimePercent) {}

    /**
     * Times from filing to resolution of the RESOLVED appeals, by the nearest-rank method over
     * whole minutes; null when none is resolved.
     */
    public record Resolution(
            long resolved, Long medianMinutes, Long p90Minutes, BigDecimal medianHours, BigDecimal p90Hours) {}

    /** @param onTimePercent resolved on time of those resolved; null when none is */
    public record ExecutorFigures(
            String executor, long received, long resolved, long resolvedOnTime, BigDecimal onTimePercent) {}

    public record PeriodFigures(
            LocalDate first, LocalDate last, long total, long resolved, long resolvedOnTime, long overdue) {}
}
