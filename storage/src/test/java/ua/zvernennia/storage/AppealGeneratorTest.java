package ua.zvernennia.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import ua.zvernennia.core.appeal.Appeal;
import ua.zvernennia.core.appeal.AppealStatus;
import ua.zvernennia.core.appeal.NewAppeal;
import ua.zvernennia.core.appeal.PersonName;
import ua.zvernennia.core.appeal.Phone;
import ua.zvernennia.core.chat.Channel;
import ua.zvernennia.core.deadline.DeadlineSettings;
import ua.zvernennia.core.deadline.DeadlineWatch;
import ua.zvernennia.core.stats.DateRange;
import ua.zvernennia.core.stats.GroupBy;
import ua.zvernennia.core.stats.Statistics;
import ua.zvernennia.core.stats.StatisticsReader;

/** A generated year has exactly the proportions it was planned with, and the statistics find them. */
class AppealGeneratorTest {
    static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    static final int N = 10_000;

    @TempDir
    Path dir;

    Storage storage;

    @AfterEach
    void close() {
        if (storage != null) {
            storage.close();
        }
    }

    @ParameterizedTest
    @MethodSource("ua.zvernennia.storage.TestDatabases#dialects")
    void aGeneratedYearHasItsPlannedProportions(Dialect dialect) {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        storage = TestDatabases.open(dialect, dir, clock);
        var plan = new AppealGenerator.Plan(N, 2025, 42, TestDatabases.KYIV, 30);
        AppealGenerator.Result result = AppealGenerator.generate(
                storage.database(), storage.categories().all(), plan, NOW, n -> {});

        // Channels by per mille of 10,000: exact.
        assertThat(result.byChannel())
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        Channel.HOTLINE,
                        4000L,
                        Channel.GOV_HOTLINE,
                        1500L,
                        Channel.TELEGRAM,
                        1500L,
                        Channel.PHONE,
                        1000L,
                        Channel.VIBER,
                        1000L,
                        Channel.EMAIL,
                        500L,
                        Channel.IN_PERSON,
                        500L));
        // Four categories weighted 4:3:2:1.
        assertThat(result.byCategory())
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of("water", 4000L, "lifts", 3000L, "lights", 2000L, "roads", 1000L));
        assertThat(result.byStatus())
                .containsEntry(AppealStatus.RESOLVED, 7800L)
                .containsEntry(AppealStatus.REGISTERED, 500L);
        long closed = 7800 + 400 + 300;
        assertThat(result.closedLate()).isEqualTo(Math.round(closed * 0.15));

        Statistics s = new StatisticsReader(storage.statistics(), clock)
                .read(
                        new DateRange(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), TestDatabases.KYIV),
                        GroupBy.QUARTER);
        assertThat(s.total()).isEqualTo(N);
        assertThat(s.byChannel())
                .extracting(Statistics.ChannelShare::percent)
                .containsExactly(
                        new BigDecimal("15.0"),
                        new BigDecimal("40.0"),
                        new BigDecimal("10.0"),
                        new BigDecimal("5.0"),
                        new BigDecimal("15.0"),
                        new BigDecimal("10.0"),
                        new BigDecimal("5.0"));
        assertThat(s.byCategory())
                .extracting(Statistics.CategoryShare::categoryId)
                .containsExactly("water", "lifts", "lights", "roads");
        assertThat(s.byCategory())
                .extracting(Statistics.CategoryShare::percent)
                .containsExactly(
                        new BigDecimal("40.0"), new BigDecimal("30.0"), new BigDecimal("20.0"), new BigDecimal("10.0"));
        // Every open appeal's deadline passed long ago; late closures are the planned 15% of the closed.
        assertThat(s.deadlines().openOverdue()).isEqualTo(700 + 300 + 500);
        assertThat(s.deadlines().closedLate()).isEqualTo(result.closedLate());
        assertThat(s.periods()).hasSize(4);
        assertThat(s.periods().stream()
                        .mapToLong(Statistics.PeriodFigures::total)
                        .sum())
                .isEqualTo(N);
        assertThat(s.resolution().resolved()).isEqualTo(7800);

        // The deadline control finds nothing new in generated history, and numbering goes on after it.
        var watch = new DeadlineWatch(
                storage.unitOfWork(), clock, new DeadlineSettings(java.util.Optional.empty(), 0.8, TestDatabases.KYIV));
        assertThat(watch.runOnce().isEmpty()).isTrue();
        var lifts = storage.categories().find("lifts").orElseThrow();
        Instant inLastYear = Instant.parse("2025-12-31T12:00:00Z");
        Appeal next = storage.unitOfWork()
                .run(st -> st.appeals()
                        .submit(
                                new NewAppeal(
                                        Channel.PHONE,
                                        null,
                                        lifts,
                                        null,
                                        "Не працює ліфт",
                                        List.of(),
                                        null,
                                        "вул. Робоча, 1",
                                        new PersonName("Іван", "Петренко"),
                                        "вул. Робоча, 1",
                                        new Phone("+380501234567")),
                                inLastYear,
                                inLastYear.plus(Duration.ofHours(6)),
                                inLastYear.plus(Duration.ofDays(30))));
        assertThat(next.number().toString()).isEqualTo("2025-010001");
    }

    @ParameterizedTest
    @EnumSource(
            value = Dialect.class,
            names = {"H2"})
    void aYearThatIsNotOverIsRefused(Dialect dialect) {
        storage = TestDatabases.open(dialect, dir, Clock.fixed(NOW, ZoneOffset.UTC));
        assertThatThrownBy(() -> AppealGenerator.generate(
                        storage.database(),
                        storage.categories().all(),
                        new AppealGenerator.Plan(10, 2026, 1, TestDatabases.KYIV, 30),
                        NOW,
                        n -> {}))
                .hasMessageContaining("not over");
    }
}
