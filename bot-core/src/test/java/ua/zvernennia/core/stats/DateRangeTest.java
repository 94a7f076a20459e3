package ua.zvernennia.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class DateRangeTest {
    static final ZoneId KYIV = ZoneId.of("Europe/Kyiv");

    @Test
    void theEdgesAreLocalMidnightsInKyiv() {
        DateRange winter = new DateRange(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 31), KYIV);
        assertThat(winter.start()).isEqualTo(Instant.parse("2024-12-31T22:00:00Z"));
        assertThat(winter.end()).isEqualTo(Instant.parse("2025-01-31T22:00:00Z"));
        DateRange summer = new DateRange(LocalDate.of(2025, 7, 1), LocalDate.of(2025, 7, 1), KYIV);
        assertThat(summer.start()).isEqualTo(Instant.parse("2025-06-30T21:00:00Z"));
    }

    @Test
    void theDaysTheClocksChangeAre23And25HoursLong() {
        // Clocks go forward on 30 March 2025 and back on 26 October 2025.
        DateRange spring = new DateRange(LocalDate.of(2025, 3, 30), LocalDate.of(2025, 3, 30), KYIV);
        assertThat(Duration.between(spring.start(), spring.end())).isEqualTo(Duration.ofHours(23));
        DateRange autumn = new DateRange(LocalDate.of(2025, 10, 26), LocalDate.of(2025, 10, 26), KYIV);
        assertThat(Duration.between(autumn.start(), autumn.end())).isEqualTo(Duration.ofHours(25));
    }

    @Test
    void quartersAndTheirPeriods() {
        DateRange q1 = DateRange.quarter(2024, 1, KYIV);
        assertThat(q1.from()).isEqualTo(LocalDate.of(2024, 1, 1));
        assertThat(q1.to()).isEqualTo(LocalDate.of(2024, 3, 31));
        assertThat(DateRange.quarter(2024, 4, KYIV).to()).isEqualTo(LocalDate.of(2024, 12, 31));
        assertThat(q1.periods(GroupBy.MONTH))
                .extracting(DateRange.Period::last)
                .containsExactly(LocalDate.of(2024, 1, 31), LocalDate.of(2024, 2, 29), LocalDate.of(2024, 3, 31));
        assertThat(q1.periods(GroupBy.DAY)).hasSize(91);
        assertThat(q1.periods(GroupBy.QUARTER)).containsExactly(new DateRange.Period(q1.from(), q1.to()));
        assertThatThrownBy(() -> DateRange.quarter(2024, 5, KYIV)).hasMessageContaining("quarter");
    }

    @Test
    void periodsAreCutToTheRangeAndWeeksStartOnMonday() {
        // 2025-01-01 is a Wednesday.
        DateRange r = new DateRange(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 15), KYIV);
        List<DateRange.Period> weeks = r.periods(GroupBy.WEEK);
        assertThat(weeks)
                .containsExactly(
                        new DateRange.Period(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 5)),
                        new DateRange.Period(LocalDate.of(2025, 1, 6), LocalDate.of(2025, 1, 12)),
                        new DateRange.Period(LocalDate.of(2025, 1, 13), LocalDate.of(2025, 1, 15)));
        DateRange midQuarter = new DateRange(LocalDate.of(2025, 2, 10), LocalDate.of(2025, 5, 3), KYIV);
        assertThat(midQuarter.periods(GroupBy.QUARTER))
                .containsExactly(
                        new DateRange.Period(LocalDate.of(2025, 2, 10), LocalDate.of(2025, 3, 31)),
                        new DateRange.Period(LocalDate.of(2025, 4, 1), LocalDate.of(2025, 5, 3)));
    }

    @Test
    void badRangesAreRefused() {
        assertThatThrownBy(() -> new DateRange(LocalDate.of(2025, 2, 1), LocalDate.of(2025, 1, 1), KYIV))
                .hasMessageContaining("before");
        assertThatThrownBy(() -> new DateRange(LocalDate.of(2020, 1, 1), LocalDate.of(2025, 1, 1), KYIV))
                .hasMessageContaining("longer");
    }
}
