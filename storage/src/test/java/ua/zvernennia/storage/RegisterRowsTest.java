package ua.zvernennia.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import ua.zvernennia.core.appeal.Appeal;
import ua.zvernennia.core.appeal.AppealStatus;
import ua.zvernennia.core.appeal.NewAppeal;
import ua.zvernennia.core.appeal.PersonName;
import ua.zvernennia.core.appeal.Phone;
import ua.zvernennia.core.chat.Channel;
import ua.zvernennia.core.register.Classification;
import ua.zvernennia.core.register.IntakeChannel;
import ua.zvernennia.core.register.RegisterCounts;
import ua.zvernennia.core.register.RegisterEntry;

/** The register's rows and counts on real database files (and PostgreSQL where the suite runs on it). */
class RegisterRowsTest {
    static final Instant T0 = Instant.parse("2026-02-01T09:00:00Z");
    final Clock clock = Clock.fixed(T0, ZoneOffset.UTC);

    @TempDir
    Path dir;

    Storage storage;

    @AfterEach
    void close() {
        if (storage != null) {
            storage.close();
        }
    }

    Appeal submit(Channel channel, String categoryId, Instant at) {
        return storage.unitOfWork()
                .run(s -> s.appeals()
                        .submit(
                                new NewAppeal(
                                        channel,
                                        null,
                                        s.categories().find(categoryId).orElseThrow(),
                                        null,
                                        "Не працює ліфт у під'їзді",
                                        List.of(),
                                        null,
                                        "вул. Січових Стрільців, 12",
                                        new PersonName("Олена", "Коваленко"),
                                        "вул. Шевченка, 5, кв. 12",
                                        new Phone("+380501234567")),
                                at,
                                at.plus(Duration.ofHours(24)),
                                at.plus(Duration.ofDays(30))));
    }

    @ParameterizedTest
    @MethodSource("ua.zvernennia.storage.TestDatabases#dialects")
    void classificationChannelsMappingAndCountsOfAPeriod(Dialect dialect) {
        storage = TestDatabases.open(dialect, dir, clock);
        storage.write(s -> {
            s.register().putMapping("lifts", null, "009", T0);
            s.register().putMapping("roads", null, "010", T0);
            s.register()
                    .addChannel(
                            new IntakeChannel(
                                    "RADA_MAIL", "Лист до ради", "Письмові звернення", false, false, true, 55),
                            T0);
            return null;
        });
        List<IntakeChannel> channels = storage.read(s -> s.register().channels());
        assertThat(channels)
                .extracting(IntakeChannel::code)
                .contains("GOV_HOTLINE", "REGIONAL_HOTLINE", "RADA_MAIL", "TELEGRAM");

        Appeal lift = submit(Channel.PHONE, "lifts", T0.minus(Duration.ofDays(3)));
        Appeal housing = submit(Channel.OTHER, "roads", T0.minus(Duration.ofDays(2)));
        Appeal unmapped = submit(Channel.EMAIL, "water", T0.minus(Duration.ofDays(1)));
        storage.write(s -> {
            s.register().registered(housing.number(), "RADA_MAIL", T0);
            s.register()
                    .save(
                            housing.number(),
                            new Classification(
                                    "3.3",
                                    "5.2",
                                    12,
                                    "2.2",
                                    lift.number(),
                                    List.of("7.21", "7.5"),
                                    List.of("010", "006", "009"),
                                    null));
            return null;
        });
        storage.unitOfWork()
                .run(s -> s.appeals()
                        .changeStatus(
                                lift.number(),
                                AppealStatus.REGISTERED,
                                AppealStatus.RESOLVED,
                                "Оператор",
                                null,
                                null,
                                T0.plus(Duration.ofDays(40))));
        storage.write(s -> {
            s.register()
                    .save(
                            lift.number(),
                            new Classification("3.2", "5.1", null, "2.1", null, List.of(), List.of("009"), "positive"));
            return null;
        });

        RegisterEntry entry =
                storage.read(s -> s.register().find(housing.number())).orElseThrow();
        assertThat(entry.channelCode()).isEqualTo("RADA_MAIL");
        assertThat(entry.registeredAt()).isEqualTo(T0);
        assertThat(entry.classification().questions()).containsExactly("010", "006", "009");
        assertThat(entry.classification().citizenCategories()).containsExactlyInAnyOrder("7.21", "7.5");
        assertThat(entry.classification().earlier()).isEqualTo(lift.number());
        assertThat(storage.read(s -> s.register().find(lift.number()))
                        .orElseThrow()
                        .classification()
                        .questions())
                .containsExactly("009");

        RegisterCounts c = storage.register()
                .counts(T0.minus(Duration.ofDays(10)), T0, T0, Map.of("lifts", "009", "roads", "010"), "025");
        assertThat(c.appeals()).isEqualTo(3);
        assertThat(c.byChannel()).isEqualTo(Map.of("PHONE", 1L, "RADA_MAIL", 1L, "EMAIL", 1L));
        // The water appeal has no mapping and no questions: one question of the fallback topic.
        assertThat(c.questionsByTopic()).isEqualTo(Map.of("009", 2L, "010", 1L, "006", 1L, "025", 1L));
        assertThat(c.questions()).isEqualTo(5);
        assertThat(c.byType()).isEqualTo(Map.of("3.3", 1L, "3.2", 1L, RegisterCounts.UNKNOWN, 1L));
        assertThat(c.signatories()).isEqualTo(12);
        assertThat(c.citizenCategories()).isEqualTo(Map.of("7.21", 1L, "7.5", 1L));
        assertThat(c.closed()).isEqualTo(1);
        assertThat(c.byOutcome()).isEqualTo(Map.of("positive", 1L));
        assertThat(c.closedLate()).isEqualTo(1);
        assertThat(c.openInTime()).isEqualTo(2);

        storage.write(s -> {
            s.register().putNarrative("2026-Q1", "Проведено 3 засідання комісії.", "admin", T0);
            return null;
        });
        assertThat(storage.read(s -> s.register().narrative("2026-Q1"))
                        .orElseThrow()
                        .body())
                .isEqualTo("Проведено 3 засідання комісії.");
    }

    @ParameterizedTest
    @MethodSource("ua.zvernennia.storage.TestDatabases#dialects")
    void theDefaultChannelsAreReadUntilTheFirstChangeAndOpeningWritesNone(Dialect dialect) {
        storage = TestDatabases.open(dialect, dir, clock);
        // Opening writes no channel: a full disk or a read-only database still opens, and copy finds a new database
        // empty.
        assertThat(rows()).isZero();
        assertThat(storage.register().channels()).isEqualTo(IntakeChannel.DEFAULTS);

        storage.write(s -> {
            IntakeChannel mail = s.register().channels().stream()
                    .filter(c -> c.code().equals("MAIL"))
                    .findFirst()
                    .orElseThrow();
            s.register()
                    .updateChannel(
                            new IntakeChannel("MAIL", "Листом (Укрпошта)", mail.reportGroup(), false, false, false, 50),
                            T0);
            return null;
        });
        assertThat(rows()).isEqualTo(IntakeChannel.DEFAULTS.size());
        List<IntakeChannel> after = storage.register().channels();
        assertThat(after)
                .extracting(IntakeChannel::code)
                .isEqualTo(
                        IntakeChannel.DEFAULTS.stream().map(IntakeChannel::code).toList());
        assertThat(after.stream()
                        .filter(c -> c.code().equals("MAIL"))
                        .findFirst()
                        .orElseThrow())
                .extracting(IntakeChannel::nameUk, IntakeChannel::active)
                .containsExactly("Листом (Укрпошта)", false);
    }

    private int rows() {
        return storage.read(s -> s.handle()
                .createQuery("SELECT COUNT(*) FROM intake_channel")
                .mapTo(Integer.class)
                .one());
    }
}
