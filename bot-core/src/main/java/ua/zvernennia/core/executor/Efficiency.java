package ua.zvernennia.core.executor;

/**
 * How one executor did with the appeals filed in a period that are its own now.
 *
 * @param received         appeals assigned to it
 * @param resolved         of them, resolved (and not reopened since)
 * @param resolvedOnTime   of the resolved, resolved by their deadline
 * @param onTimePercent    resolvedOnTime of resolved, in percent; null when none was resolved
 * @param medianHours      the median time from filing to resolution, in hours; null when none was resolved
 * @param reopened         appeals the citizen reopened («Ні» to the resolution) at least once
 * @param reopenedPercent  reopened of the appeals ever resolved, in percent; null when none was
 * @param averageRating    the citizens' average rating, 1..5; null when nobody rated
 */
public record Efficiency(
        Long executorId,
        String executor,
        long received,
        long resolved,
        long resolvedOnTime,
        Double onTimePercent,
        Double medianHours,
        long reopened,
        Double reopenedPercent,
        Double averageRating,
        long ratings) {}
