package ua.zvernennia.core.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ResolutionTest {
    @Test
    void medianAndNinetiethPercentileByNearestRank() {
        var minutes = new TreeMap<Long, Long>();
        for (long m = 1; m <= 10; m++) {
            minutes.put(m * 60, 1L); // 1 h .. 10 h, one each
        }
        Statistics.Resolution r = StatisticsReader.resolution(minutes);
        assertThat(r.resolved()).isEqualTo(10);
        assertThat(r.medianMinutes()).isEqualTo(300); // rank 5 of 10
        assertThat(r.p90Minutes()).isEqualTo(540); // rank 9 of 10
        assertThat(r.medianHours()).isEqualByComparingTo("5.0");

        minutes.put(660L, 1L); // 11 values: median is rank 6, p90 rank 10
        r = StatisticsReader.resolution(minutes);
        assertThat(r.medianMinutes()).isEqualTo(360);
        assertThat(r.p90Minutes()).isEqualTo(600);
    }

    @Test
    void weightedBucketsAndNothingResolved() {
        var minutes = new TreeMap<Long, Long>();
        minutes.put(90L, 899L);
        minutes.put(5000L, 101L);
        Statistics.Resolution r = StatisticsReader.resolution(minutes);
        assertThat(r.medianMinutes()).isEqualTo(90);
        assertThat(r.p90Minutes()).isEqualTo(5000); // rank 900 falls in the second bucket
        assertThat(r.medianHours()).isEqualByComparingTo("1.5");
        assertThat(StatisticsReader.resolution(new TreeMap<>()).medianMinutes()).isNull();
    }
}
