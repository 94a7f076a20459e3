package ua.zvernennia.core.openmap;

/**
 * Times to resolution as the aggregates keep them: whole minutes exactly below 32, and above
 * that the middle of a bucket 1/32 of the value wide, so a median read from them is within about
 * 1.6% of the exact one while a year of a large city is a few thousand rows, not one per appeal.
 */
public final class ResolutionBuckets {
    private static final int EXACT_BELOW = 32;

    private ResolutionBuckets() {}

    /** The value kept for {@code minutes} (negative times count as 0). */
    public static long of(long minutes) {
        if (minutes < EXACT_BELOW) {
            return Math.max(0, minutes);
        }
        int shift = 63 - Long.numberOfLeadingZeros(minutes) - 4;
        long lower = (minutes >> shift) << shift;
        return lower + ((1L << shift) >> 1);
    }
}
