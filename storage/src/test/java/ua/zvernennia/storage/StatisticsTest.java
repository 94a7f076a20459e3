package ua.zvernennia.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static ua.zvernennia.core.appeal.AppealStatus.REGISTERED;
import static ua.zvernennia.core.chat.Channel.EMAIL;
import static ua.zvernennia.core.chat.Channel.GOV_HOTLINE;
import static ua.zvernennia.core.chat.Channel.HOTLINE;
import static ua.zvernennia.core.chat.Channel.IN_PERSON;
import static ua.zvernennia.core.chat.Channel.PHONE;
import static ua.zvernennia.core.chat.Channel.TELEGRAM;
import static ua.zvernennia.core.chat.Channel.VIBER;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import ua.zvernennia.core.stats.DateRange;
import ua.zvernennia.core.stats.GroupBy;
import ua.zvernennia.core.stats.Statistics;
import ua.zvernennia.core.stats.StatisticsReader;

/**
 * Statistics on real database files against a dataset whose answers were worked out by hand:
 * period edges at Kyiv midnights (winter +2, summer +3), both clock changes, percentages that add
 * up to 100, overdue as of a moment, the median and 90th percentile, per-executor figures.
 */
class StatisticsTest {
    static final Instant AS_OF = Instant.parse("2025-06-01T00:00:00Z");
    static final DateRange Q1 = DateRange.quarter(2025, 1, TestDatabases.KYIV);

    @RegisterExtension
    final OpenStorages databases = new OpenStorages();

    Storage storage;

    StatisticsReader open(Dialect dialect) {
        Clock clock = Clock.fixed(AS_OF, ZoneOffset.UTC);
        storage = databases.open(dialect, clock);
        return new StatisticsReader(storage.statistics(), clock);
    }

    static BigDecimal pct(String s) {
        return new BigDecimal(s);
    }

    @ParameterizedTest
    @MethodSource("ua.zvernennia.storage.TestDatabases#dialects")
    void theFirstQuarterAddsUp(Dialect dialect) {
        StatisticsReader reader = open(dialect);
        new KnownAppeals(storage, TestDatabases.KYIV).firstQuarterOf2025();
        Statistics s = reader.read(Q1, GroupBy.MONTH);

        assertThat(s.total()).isEqualTo(12);
        assertThat(s.byChannel())
                .containsExactly(
                        new Statistics.ChannelShare(GOV_HOTLINE, 1, pct("8.4")),
                        new Statistics.ChannelShare(HOTLINE, 5, pct("41.7")),
                        new Statistics.ChannelShare(PHONE, 1, pct("8.3")),
                        new Statistics.ChannelShare(EMAIL, 1, pct("8.3")),
                        new Statistics.ChannelShare(TELEGRAM, 2, pct("16.7")),
                        new Statistics.ChannelShare(VIBER, 1, pct("8.3")),
                        new Statistics.ChannelShare(IN_PERSON, 1, pct("8.3")));
        assertThat(s.byCategory())
                .containsExactly(
                        new Statistics.CategoryShare("water", "Водоканал", 3, pct("25.0")),
                        new Statistics.CategoryShare("lights", "Вуличне освітлення", 3, pct("25.0")),
                        new Statistics.CategoryShare("roads", "Дороги", 3, pct("25.0")),
                        new Statistics.CategoryShare("lifts", "Ліфти", 3, pct("25.0")));
        assertThat(s.byStatus()).extracting(Statistics.StatusShare::count).containsExactly(1L, 1L, 0L, 8L, 1L, 1L);
        assertThat(s.byStatus())
                .extracting(Statistics.StatusShare::percent)
                .containsExactly(pct("8.4"), pct("8.3"), pct("0.0"), pct("66.7"), pct("8.3"), pct("8.3"));
        for (List<BigDecimal> shares : List.of(
                s.byChannel().stream().map(Statistics.ChannelShare::percent).toList(),
                s.byCategory().stream().map(Statistics.CategoryShare::percent).toList(),
                s.byStatus().stream().map(Statistics.StatusShare::percent).toList())) {
            assertThat(shares.stream().reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("100.0");
        }

        assertThat(s.deadlines()).isEqualTo(new Statistics.Deadlines(5, 2, 3, 5, 2, pct("41.7"), pct("62.5")));
        assertThat(s.resolution()).isEqualTo(new Statistics.Resolution(8, 600L, 14_400L, pct("10.0"), pct("240.0")));
        assertThat(s.byExecutor())
                .containsExactly(
                        new Statistics.ExecutorFigures("Департамент благоустрою", 3, 2, 1, pct("50.0")),
                        new Statistics.ExecutorFigures("КП «Водоканал»", 3, 2, 1, pct("50.0")),
                        new Statistics.ExecutorFigures("КП «Ліфтове господарство»", 3, 3, 2, pct("66.7")),
                        new Statistics.ExecutorFigures("КП «Міськсвітло»", 3, 1, 1, pct("100.0")));
        assertThat(s.periods())
                .containsExactly(
                        new Statistics.PeriodFigures(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 31), 2, 2, 1, 1),
                        new Statistics.PeriodFigures(LocalDate.of(2025, 2, 1), LocalDate.of(2025, 2, 28), 4, 4, 3, 1),
                        new Statistics.PeriodFigures(LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 31), 6, 2, 1, 3));
    }

    @ParameterizedTest
    @MethodSource("ua.zvernennia.storage.TestDatabases#dialects")
    void daysEndAtKyivMidnightAcrossTheSpringClockChange(Dialect dialect) {
        StatisticsReader reader = open(dialect);
        new KnownAppeals(storage, TestDatabases.KYIV).firstQuarterOf2025();
        Statistics days = reader.read(
                new DateRange(LocalDate.of(2025, 3, 29), LocalDate.of(2025, 4, 1), TestDatabases.KYIV), GroupBy.DAY);
        assertThat(days.periods()).extracting(Statistics.PeriodFigures::total).containsExactly(0L, 3L, 1L, 1L);
        assertThat(days.total()).isEqualTo(5);
        assertThat(reader.read(
                                new DateRange(
                                        LocalDate.of(2024, 12, 31), LocalDate.of(2024, 12, 31), TestDatabases.KYIV),
                                GroupBy.DAY)
                        .total())
                .isEqualTo(1);
        Statistics jan1 = reader.read(
                new DateRange(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 1), TestDatabases.KYIV), GroupBy.WEEK);
        assertThat(jan1.total()).isEqualTo(1);
        assertThat(jan1.periods())
                .containsExactly(
                        new Statistics.PeriodFigures(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 1), 1, 1, 1, 0));
    }

    @ParameterizedTest
    @MethodSource("ua.zvernennia.storage.TestDatabases#dialects")
    void theAutumnClockChangeDayHoldsBothOf0330(Dialect dialect) {
        StatisticsReader reader = open(dialect);
        var a = new KnownAppeals(storage, TestDatabases.KYIV);
        // 26 October 2025: clocks go back at 04:00 to 03:00; 03:30 happens twice; the day is 25 hours long.
        a.add(HOTLINE, "lifts", Instant.parse("2025-10-25T20:59:59Z"), REGISTERED, null); // 23:59:59 on the 25th
        a.add(HOTLINE, "lifts", Instant.parse("2025-10-25T21:00:00Z"), REGISTERED, null); // 00:00 +03:00
        a.add(HOTLINE, "lifts", Instant.parse("2025-10-26T00:30:00Z"), REGISTERED, null); // 03:30 +03:00
        a.add(HOTLINE, "lifts", Instant.parse("2025-10-26T01:30:00Z"), REGISTERED, null); // 03:30 +02:00
        a.add(HOTLINE, "lifts", Instant.parse("2025-10-26T21:59:59Z"), REGISTERED, null); // 23:59:59 +02:00
        a.add(HOTLINE, "lifts", Instant.parse("2025-10-26T22:00:00Z"), REGISTERED, null); // 00:00 on the 27th
        a.add(HOTLINE, "lifts", Instant.parse("2025-10-31T21:59:59Z"), REGISTERED, null); // 23:59:59 on 31 October
        a.add(HOTLINE, "lifts", Instant.parse("2025-10-31T22:00:00Z"), REGISTERED, null); // 00:00 on 1 November
        Statistics days = reader.read(
                new DateRange(LocalDate.of(2025, 10, 25), LocalDate.of(2025, 10, 27), TestDatabases.KYIV), GroupBy.DAY);
        assertThat(days.periods()).extracting(Statistics.PeriodFigures::total).containsExactly(1L, 4L, 1L);
        Statistics month = reader.read(
                new DateRange(LocalDate.of(2025, 10, 1), LocalDate.of(2025, 11, 30), TestDatabases.KYIV),
                GroupBy.MONTH);
        assertThat(month.periods()).extracting(Statistics.PeriodFigures::total).containsExactly(7L, 1L);
    }

    @ParameterizedTest
    @MethodSource("ua.zvernennia.storage.TestDatabases#dialects")
    void anEmptyRangeIsAllZero(Dialect dialect) {
        Statistics s = open(dialect).read(Q1, GroupBy.QUARTER);
        assertThat(s.total()).isZero();
        assertThat(s.byChannel())
                .hasSize(7)
                .allSatisfy(c -> assertThat(c.percent()).isEqualByComparingTo("0.0"));
        assertThat(s.byCategory()).isEmpty();
        assertThat(s.resolution().medianMinutes()).isNull();
        assertThat(s.deadlines().overduePercent()).isNull();
        assertThat(s.periods()).containsExactly(new Statistics.PeriodFigures(Q1.from(), Q1.to(), 0, 0, 0, 0));
    }
}
