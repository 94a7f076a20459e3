package ua.zvernennia.core.openmap;

import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * What the aggregates hold about one executor over a range: appeals received, RESOLVED, resolved
 * on time, rated and the sum of the ratings, and the times to resolution (minutes, to the
 * precision of {@link ResolutionBuckets}, to how many appeals).
 */
public record ExecutorRow(
        String executor,
        long received,
        long resolved,
        long resolvedOnTime,
        long rated,
        long ratingSum,
        NavigableMap<Long, Long> resolutionMinutes) {
    public ExecutorRow {
        resolutionMinutes = new TreeMap<>(resolutionMinutes);
    }
}
