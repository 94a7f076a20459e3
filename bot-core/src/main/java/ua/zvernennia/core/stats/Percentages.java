package ua.zvernennia.core.stats;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Shares of a whole as percentages with one decimal that add up to exactly 100.0 (largest
 * remainder method): each share gets its rounded-down tenths, and the tenths left over go to the
 * shares that lost most in rounding down (ties: the larger count, then the earlier one).
 */
public final class Percentages {
    private static final int TENTHS = 1000;

    private Percentages() {}

    /** The percentages of the counts; all zero when the counts are. */
    public static List<BigDecimal> of(List<Long> counts) {
        long total = 0;
        for (long c : counts) {
            if (c < 0) {
                throw new IllegalArgumentException("a count is negative");
            }
            total = Math.addExact(total, c);
        }
        int n = counts.size();
        long[] tenths = new long[n];
        long[] remainders = new long[n];
        if (total > 0) {
            long given = 0;
            for (int i = 0; i < n; i++) {
                // count × 1000 stays far below Long.MAX_VALUE for any real number of appeals.
                long scaled = Math.multiplyExact(counts.get(i), (long) TENTHS);
                tenths[i] = scaled / total;
                remainders[i] = scaled % total;
                given += tenths[i];
            }
            List<Integer> order = new ArrayList<>(IntStream.range(0, n).boxed().toList());
            order.sort(Comparator.<Integer>comparingLong(i -> remainders[i])
                    .reversed()
                    .thenComparing(
                            Comparator.<Integer>comparingLong(counts::get).reversed())
                    .thenComparingInt(i -> i));
            for (int k = 0; k < TENTHS - given; k++) {
                tenths[order.get(k)]++;
            }
        }
        var out = new ArrayList<BigDecimal>(n);
        for (long t : tenths) {
            out.add(BigDecimal.valueOf(t, 1));
        }
        return out;
    }

    /** {@code part} of {@code whole} in percent with one decimal (half up); null when the whole is zero. */
    public static BigDecimal ratio(long part, long whole) {
        if (whole == 0) {
            return null;
        }
        return BigDecimal.valueOf(part)
                .multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }
}
