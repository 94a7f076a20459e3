package ua.zvernennia.core.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PercentagesTest {
    static BigDecimal sum(List<BigDecimal> xs) {
        return xs.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @Test
    void thirdsAddUpTo100() {
        // 33.333..: the lone leftover tenth goes to the first of the equal shares.
        assertThat(Percentages.of(List.of(1L, 1L, 1L)))
                .containsExactly(new BigDecimal("33.4"), new BigDecimal("33.3"), new BigDecimal("33.3"));
    }

    @Test
    void theLargestRemaindersGetTheLeftoverTenths() {
        // 1/7 = 14.2857, 2/7 = 28.5714, 4/7 = 57.1428: floors 14.2 + 28.5 + 57.1 = 99.8; remainders .57, .14, .28.
        assertThat(Percentages.of(List.of(1L, 2L, 4L)))
                .containsExactly(new BigDecimal("14.3"), new BigDecimal("28.6"), new BigDecimal("57.1"));
        assertThat(Percentages.of(List.of(0L, 5L, 0L)))
                .containsExactly(new BigDecimal("0.0"), new BigDecimal("100.0"), new BigDecimal("0.0"));
    }

    @Test
    void nothingCountedIsAllZero() {
        assertThat(Percentages.of(List.of(0L, 0L))).containsExactly(new BigDecimal("0.0"), new BigDecimal("0.0"));
        assertThat(Percentages.of(List.of())).isEmpty();
        assertThat(Percentages.ratio(1, 0)).isNull();
    }

    @Test
    void anyCountsAddUpToExactly100() {
        Random random = new Random(7);
        for (int round = 0; round < 500; round++) {
            int n = 1 + random.nextInt(20);
            List<Long> counts =
                    random.longs(n, 0, 1 + random.nextInt(1_000_000)).boxed().toList();
            if (counts.stream().mapToLong(Long::longValue).sum() == 0) {
                continue;
            }
            List<BigDecimal> p = Percentages.of(counts);
            assertThat(sum(p)).as("%s", counts).isEqualByComparingTo("100.0");
            for (int i = 0; i < n; i++) {
                double exact = counts.get(i)
                        * 100.0
                        / counts.stream().mapToLong(Long::longValue).sum();
                assertThat(Math.abs(p.get(i).doubleValue() - exact)).isLessThan(0.1);
            }
        }
    }

    @Test
    void ratioRoundsHalfUp() {
        assertThat(Percentages.ratio(1, 8)).isEqualByComparingTo("12.5");
        assertThat(Percentages.ratio(2, 3)).isEqualByComparingTo("66.7");
    }
}
