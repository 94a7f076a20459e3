package ua.zvernennia.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import ua.zvernennia.core.appeal.Appeal;
import ua.zvernennia.core.appeal.AppealNumber;
import ua.zvernennia.core.appeal.AppealStatus;
import ua.zvernennia.core.appeal.GeoPoint;
import ua.zvernennia.core.appeal.NewAppeal;
import ua.zvernennia.core.appeal.PersonName;
import ua.zvernennia.core.appeal.Phone;
import ua.zvernennia.core.appeal.Rating;
import ua.zvernennia.core.category.Category;
import ua.zvernennia.core.chat.Channel;
import ua.zvernennia.core.executor.Executor;
import ua.zvernennia.core.openmap.Bbox;
import ua.zvernennia.core.openmap.GeocodeQueue;
import ua.zvernennia.core.openmap.MapFilter;
import ua.zvernennia.core.openmap.MapPlaces;
import ua.zvernennia.core.openmap.PublicAppeal;
import ua.zvernennia.core.stats.DateRange;
import ua.zvernennia.core.stats.GroupBy;
import ua.zvernennia.core.stats.Statistics;
import ua.zvernennia.core.stats.StatisticsReader;
import ua.zvernennia.core.testing.TestCategories;

/**
 * The public map's and statistics' aggregates, kept current change by change, against a full
 * recount from the appeals after a random history: filings with points, typed addresses or
 * both, status changes (reopening too), ratings, deadline marks, geocoder answers, operators'
 * corrections, reassignments to other executors and anonymisation. Then the statistics read from them against the statistics read
 * from the appeals themselves.
 */
class OpenMapAggregatesTest {
    static final Instant NOW = Instant.parse("2026-03-31T09:00:00Z");
    static final List<Channel> CHANNELS =
            List.of(Channel.TELEGRAM, Channel.VIBER, Channel.PHONE, Channel.HOTLINE, Channel.WEB);

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
    void theAggregatesMatchAFullRecountAfterRandomChanges(Dialect dialect) {
        storage = TestDatabases.open(dialect, dir, Clock.fixed(NOW, ZoneOffset.UTC));
        List<AppealNumber> numbers = randomHistory(new Random(19), 120);

        Map<String, Map<List<Object>, OpenMapAggregates.Values>> kept =
                storage.read(s -> s.aggregates().snapshot());
        Map<String, Map<List<Object>, OpenMapAggregates.Values>> recounted =
                storage.read(s -> s.aggregates().recount());
        assertThat(kept.keySet()).isEqualTo(recounted.keySet());
        kept.forEach((table, rows) -> {
            assertThat(rows.keySet()).as(table).isEqualTo(recounted.get(table).keySet());
            rows.forEach((key, v) -> {
                OpenMapAggregates.Values expected = recounted.get(table).get(key);
                assertThat(v.counts()).as(table + " " + key).isEqualTo(expected.counts());
                for (int i = 0; i < v.sums().length; i++) {
                    assertThat(v.sums()[i]).as(table + " " + key).isCloseTo(expected.sums()[i], within(1e-9));
                }
            });
        });
        assertThat(kept.get("stat_cell")).isNotEmpty();
        assertThat(kept.get("map_cell")).isNotEmpty();
        assertThat(kept.get("stat_resolution")).isNotEmpty();
        assertThat(kept.get("stat_cell").keySet())
                .as("the statistics count calendar years too")
                .anyMatch(k -> k.get(0).equals("Y"));
        assertThat(kept.get("map_cell").keySet())
                .as("the map only days and months")
                .noneMatch(k -> k.get(0).equals("Y"));
        Map<String, List<Object>> points = storage.read(s -> s.aggregates().points());
        assertThat(points).isEqualTo(storage.read(s -> s.aggregates().recountPoints()));

        // A rebuild writes the same.
        storage.rebuildAggregates();
        Map<String, Map<List<Object>, OpenMapAggregates.Values>> rebuilt =
                storage.read(s -> s.aggregates().snapshot());
        rebuilt.forEach((table, rows) -> assertThat(rows.keySet())
                .as(table)
                .isEqualTo(recounted.get(table).keySet()));
        assertThat(numbers).hasSize(120);
    }

    @ParameterizedTest
    @MethodSource("ua.zvernennia.storage.TestDatabases#dialects")
    void statisticsFromTheAggregatesAgreeWithThoseFromTheAppeals(Dialect dialect) {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        storage = TestDatabases.open(dialect, dir, clock);
        randomHistory(new Random(7), 150);
        var exact = new StatisticsReader(storage.statistics(), clock);
        var fromAggregates = new StatisticsReader(storage.aggregateStatistics(), clock);
        // Whole months and days at both edges; a range within one month; one day; a calendar year;
        // days, a month and a year; years, months and days.
        for (DateRange range : List.of(
                new DateRange(LocalDate.of(2026, 1, 17), LocalDate.of(2026, 3, 31), TestDatabases.KYIV),
                new DateRange(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), TestDatabases.KYIV),
                new DateRange(LocalDate.of(2025, 11, 20), LocalDate.of(2026, 12, 31), TestDatabases.KYIV),
                new DateRange(LocalDate.of(2024, 1, 1), LocalDate.of(2026, 3, 30), TestDatabases.KYIV),
                new DateRange(LocalDate.of(2026, 2, 3), LocalDate.of(2026, 2, 20), TestDatabases.KYIV),
                new DateRange(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31), TestDatabases.KYIV),
                new DateRange(LocalDate.of(2026, 3, 30), LocalDate.of(2026, 3, 30), TestDatabases.KYIV))) {
            Statistics a = exact.read(range, GroupBy.WEEK);
            Statistics b = fromAggregates.read(range, GroupBy.WEEK);
            assertThat(b.total()).as(range.toString()).isEqualTo(a.total());
            assertThat(b.byChannel()).isEqualTo(a.byChannel());
            assertThat(b.byCategory()).isEqualTo(a.byCategory());
            assertThat(b.byStatus()).isEqualTo(a.byStatus());
            assertThat(b.deadlines()).isEqualTo(a.deadlines());
            assertThat(b.byExecutor()).isEqualTo(a.byExecutor());
            assertThat(b.periods()).isEqualTo(a.periods());
            assertThat(b.resolution().resolved()).isEqualTo(a.resolution().resolved());
            if (a.resolution().medianMinutes() != null) {
                assertThat((double) b.resolution().medianMinutes())
                        .isCloseTo(
                                a.resolution().medianMinutes(),
                                within(a.resolution().medianMinutes() / 32.0 + 1));
            }
        }
    }

    @Test
    void aRangeIsReadFromWholeYearsWholeMonthsAndTheDaysAtItsEdges() {
        assertThat(parts(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), true))
                .containsExactly("Y 2025-01-01..2026-01-01");
        assertThat(parts(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), false))
                .containsExactly("M 2025-01-01..2026-01-01");
        assertThat(parts(LocalDate.of(2025, 3, 15), LocalDate.of(2026, 3, 14), true))
                .containsExactly("D 2025-03-15..2025-04-01", "M 2025-04-01..2026-03-01", "D 2026-03-01..2026-03-15");
        assertThat(parts(LocalDate.of(2024, 11, 20), LocalDate.of(2026, 2, 3), true))
                .containsExactly(
                        "D 2024-11-20..2024-12-01",
                        "M 2024-12-01..2025-01-01",
                        "Y 2025-01-01..2026-01-01",
                        "M 2026-01-01..2026-02-01",
                        "D 2026-02-01..2026-02-04");
        assertThat(parts(LocalDate.of(2025, 6, 10), LocalDate.of(2025, 7, 9), true))
                .containsExactly("D 2025-06-10..2025-07-10");
        assertThat(parts(LocalDate.of(2025, 6, 1), LocalDate.of(2025, 6, 30), true))
                .containsExactly("M 2025-06-01..2025-07-01");
        assertThat(parts(LocalDate.of(2025, 6, 30), LocalDate.of(2025, 6, 30), true))
                .containsExactly("D 2025-06-30..2025-07-01");
        assertThat(new AggregateStatistics.Days(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31))
                        .rows(true)
                        .condition())
                .doesNotContain("grain = 'M'", "grain = 'D'");
    }

    private static List<String> parts(LocalDate first, LocalDate last, boolean years) {
        return new AggregateStatistics.Days(first, last)
                .rows(years).parts().stream()
                        .map(p -> p.grain() + " " + p.from() + ".." + p.until())
                        .toList();
    }

    @ParameterizedTest
    @MethodSource("ua.zvernennia.storage.TestDatabases#dialects")
    void theMapShowsTheProblemsPlaceAndNothingPersonal(Dialect dialect) {
        storage = TestDatabases.open(dialect, dir, Clock.fixed(NOW, ZoneOffset.UTC));
        Category water = storage.categories().find("water").orElseThrow();
        Appeal typed = submit(water, null, "вул. Робоча, 5", NOW.minus(Duration.ofHours(3)));
        Appeal pinned = submit(water, new GeoPoint(48.46, 35.04), null, NOW.minus(Duration.ofHours(2)));
        var filter = new MapFilter(LocalDate.of(2026, 3, 31), LocalDate.of(2026, 3, 31), null, null, null);
        assertThat(storage.openMap().points(filter, Bbox.WORLD, 100))
                .extracting(p -> p.number())
                .containsExactly(pinned.number().toString());
        assertThat(storage.mapPlaces().place(typed.number()).orElseThrow().source())
                .isEqualTo(MapPlaces.Source.NONE);

        // The geocoder finds the typed place; an operator moves it; taking the correction back asks again.
        GeocodeQueue.Due due = storage.geocodes().nextDue(NOW).orElseThrow();
        assertThat(due.number()).isEqualTo(typed.number());
        assertThat(due.placeAddress()).isEqualTo("вул. Робоча, 5");
        storage.geocodes().answered(due.number(), new GeoPoint(48.47, 35.05), "hash-of-the-place", NOW);
        assertThat(storage.geocodes().nextDue(NOW))
                .as("answered, so no longer due")
                .isEmpty();
        assertThat(storage.geocodes().cached("hash-of-the-place"))
                .contains(new GeocodeQueue.Answer(true, new GeoPoint(48.47, 35.05), NOW));
        assertThat(storage.openMap().points(filter, Bbox.WORLD, 100)).hasSize(2);
        assertThat(storage.openMap().cells(filter, Bbox.WORLD))
                .extracting(c -> c.appeals())
                .containsOnly(1L);
        var year = new MapFilter(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), null, null, null);
        assertThat(storage.openMap().cells(year, Bbox.WORLD))
                .as("a year of the map, from its months")
                .containsExactlyInAnyOrderElementsOf(storage.openMap().cells(filter, Bbox.WORLD));
        assertThat(storage.mapPlaces().correct(typed.number(), new GeoPoint(48.48, 35.06), "operator"))
                .isTrue();
        assertThat(storage.mapPlaces().place(typed.number()).orElseThrow())
                .isEqualTo(new MapPlaces.Place(new GeoPoint(48.48, 35.06), MapPlaces.Source.OPERATOR, "CORRECTED"));
        PublicAppeal shown = storage.openMap().appeal(typed.number()).orElseThrow();
        assertThat(shown.point()).isEqualTo(new GeoPoint(48.48, 35.06));
        assertThat(shown.executor()).isEqualTo("КП «Водоканал»");
        assertThat(shown.toString()).doesNotContain("Тарас", "Шевченко", "+380501234567", "Хрещатик", "Тече вода");
        assertThat(storage.mapPlaces().correct(typed.number(), null, "operator"))
                .isTrue();
        assertThat(storage.geocodes().nextDue(NOW))
                .map(GeocodeQueue.Due::number)
                .contains(typed.number());
        assertThat(storage.openMap().points(filter, Bbox.WORLD, 100)).hasSize(1);
        assertThat(storage.openMap().appeals(LocalDate.of(2026, 3, 31), LocalDate.of(2026, 3, 31), 0, 10))
                .hasSize(2);
    }

    private Appeal submit(Category c, GeoPoint point, String placeAddress, Instant at) {
        var a = new NewAppeal(
                Channel.PHONE,
                null,
                c,
                null,
                "Тече вода з труби вже третій день",
                List.of(),
                point,
                placeAddress,
                new PersonName("Тарас", "Шевченко"),
                "вул. Хрещатик, 1, кв. 2",
                new Phone("+380501234567"));
        return storage.unitOfWork()
                .run(s -> s.appeals().submit(a, at, at.plus(Duration.ofHours(24)), at.plus(Duration.ofDays(30))));
    }

    /** Appeals filed over the three months before {@link #NOW}, and what happened to them since. */
    private List<AppealNumber> randomHistory(Random random, int appeals) {
        List<Category> menu = TestCategories.small();
        List<Executor> executors = storage.write(s -> List.of(
                s.executors().create(new Executor(0, "Бригада 1", null, null, false, true), NOW),
                s.executors().create(new Executor(0, "Бригада 2", null, null, false, true), NOW)));
        var numbers = new ArrayList<AppealNumber>();
        for (int i = 0; i < appeals; i++) {
            Category c = menu.get(random.nextInt(menu.size()));
            Instant created = NOW.minus(Duration.ofMinutes(random.nextInt(90 * 24 * 60)));
            GeoPoint point = random.nextInt(3) == 0
                    ? null
                    : new GeoPoint(48.40 + random.nextDouble() * 0.1, 34.95 + random.nextDouble() * 0.15);
            String address = point == null || random.nextBoolean() ? "вул. Тестова, " + (1 + random.nextInt(40)) : null;
            Channel channel = CHANNELS.get(random.nextInt(CHANNELS.size()));
            var a = new NewAppeal(
                    channel,
                    null,
                    c,
                    null,
                    "Опис проблеми номер " + i,
                    List.of(),
                    point,
                    address,
                    new PersonName("Олена", "Пчілка"),
                    "вул. Лесі Українки, 3",
                    new Phone("+380671112233"));
            Duration span = c.deadlineClass().duration();
            numbers.add(storage.unitOfWork()
                    .run(s -> s.appeals().submit(a, created, created.plus(span), created.plus(Duration.ofDays(30))))
                    .number());
        }
        for (int step = 0; step < appeals * 4; step++) {
            AppealNumber n = numbers.get(random.nextInt(numbers.size()));
            int what = random.nextInt(9);
            storage.unitOfWork().run(s -> {
                Appeal a = s.appeals().find(n).orElseThrow();
                long span = Duration.between(a.createdAt(), NOW).toMinutes();
                Instant at = a.createdAt()
                        .plus(Duration.ofMinutes(1 + (long) (random.nextDouble() * Math.max(1, span - 1))));
                switch (what) {
                    case 0, 1, 2 -> {
                        AppealStatus to = switch (a.status()) {
                            case REGISTERED -> AppealStatus.IN_PROGRESS;
                            case IN_PROGRESS, NEEDS_INFO ->
                                random.nextInt(4) == 0 ? AppealStatus.REJECTED : AppealStatus.RESOLVED;
                            case RESOLVED -> random.nextInt(3) == 0 ? AppealStatus.IN_PROGRESS : null;
                            default -> null;
                        };
                        if (to != null) {
                            s.appeals().changeStatus(n, a.status(), to, "operator", null, null, at);
                        }
                    }
                    case 3 -> s.appeals().rate(n, new Rating(1 + random.nextInt(5)));
                    case 4 -> {
                        if (a.deadline().isBefore(NOW)) {
                            s.deadlines().markOverdue(n, NOW);
                        }
                    }
                    case 5 -> {
                        if (a.legalDeadline().isBefore(NOW)) {
                            s.deadlines().markPastLegalDeadline(n, NOW);
                        }
                    }
                    case 7 -> {
                        // Reassigned to another executor, or handed back to the operators' queue.
                        int to = random.nextInt(3);
                        s.assignments().assign(n, to == 2 ? null : executors.get(to));
                    }
                    case 6 ->
                        ((JdbiStores) s)
                                .geocodes()
                                .answered(
                                        n.toString(),
                                        random.nextBoolean()
                                                ? null
                                                : new GeoPoint(
                                                        48.45 + random.nextDouble() / 20,
                                                        35.0 + random.nextDouble() / 20),
                                        NOW.toEpochMilli());
                    default -> {
                        if (random.nextInt(4) == 0) {
                            s.appeals().anonymise(n, NOW);
                        } else {
                            ((JdbiStores) s)
                                    .geocodes()
                                    .correct(
                                            n.toString(),
                                            random.nextInt(3) == 0
                                                    ? null
                                                    : new GeoPoint(
                                                            48.44 + random.nextDouble() / 20,
                                                            35.01 + random.nextDouble() / 20),
                                            "operator",
                                            NOW.toEpochMilli());
                        }
                    }
                }
                return null;
            });
        }
        return numbers;
    }
}
