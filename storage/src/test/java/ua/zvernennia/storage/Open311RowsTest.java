package ua.zvernennia.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
import ua.zvernennia.core.open311.Open311Store;

/** Partner keys, the source of WEB appeals and the public-description flag, on every database. */
class Open311RowsTest {
    static final Instant T0 = Instant.parse("2026-05-01T09:00:00Z");
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

    Appeal submit(String categoryId, String issueTypeId, Instant at) {
        return storage.unitOfWork()
                .run(s -> s.appeals()
                        .submit(
                                new NewAppeal(
                                        Channel.WEB,
                                        null,
                                        s.categories().find(categoryId).orElseThrow(),
                                        issueTypeId,
                                        "Немає води",
                                        List.of(),
                                        null,
                                        "вул. Січових Стрільців, 12",
                                        new PersonName("Олена", "Коваленко"),
                                        "вул. Шевченка, 5, кв. 12",
                                        new Phone("+380501234567")),
                                at,
                                at.plus(Duration.ofHours(6)),
                                at.plus(Duration.ofDays(30))));
    }

    List<Open311Store.Request> requests(Open311Store.Query q) {
        return storage.read(s -> Open311Rows.of(s).requests(q));
    }

    @ParameterizedTest
    @MethodSource("ua.zvernennia.storage.TestDatabases#dialects")
    void keysAreKeptHashedAndRevocable(Dialect dialect) {
        storage = TestDatabases.open(dialect, dir, clock);
        long id = storage.write(
                s -> Open311Rows.of(s).createKey("Сайт міста", "WEB", 30, "secret-key-value", "admin", T0));
        Optional<Open311Store.Key> found = storage.read(s -> Open311Rows.of(s).findActiveKey("secret-key-value"));
        assertThat(found).hasValueSatisfying(k -> {
            assertThat(k.id()).isEqualTo(id);
            assertThat(k.perMinute()).isEqualTo(30);
            assertThat(k.source()).isEqualTo("WEB");
        });
        Optional<Open311Store.Key> other = storage.read(s -> Open311Rows.of(s).findActiveKey("another"));
        assertThat(other).isEmpty();
        String stored = storage.read(s -> s.handle()
                .createQuery("SELECT key_hash FROM open311_key")
                .mapTo(String.class)
                .one());
        assertThat(stored).isNotEqualTo("secret-key-value").hasSize(64);
        boolean first = storage.write(s -> Open311Rows.of(s).revokeKey(id, T0));
        boolean again = storage.write(s -> Open311Rows.of(s).revokeKey(id, T0));
        assertThat(first).isTrue();
        assertThat(again).isFalse();
        Optional<Open311Store.Key> revoked = storage.read(s -> Open311Rows.of(s).findActiveKey("secret-key-value"));
        assertThat(revoked).isEmpty();
        List<Open311Store.Key> keys = storage.read(s -> Open311Rows.of(s).keys());
        assertThat(keys).singleElement().satisfies(k -> assertThat(k.active()).isFalse());
    }

    @ParameterizedTest
    @MethodSource("ua.zvernennia.storage.TestDatabases#dialects")
    void requestsAreFilteredAndTheDescriptionIsPublicOnlyWhenMarked(Dialect dialect) {
        storage = TestDatabases.open(dialect, dir, clock);
        Appeal water = submit("water", "no-water", T0);
        Appeal lift = submit("lifts", null, T0.plusSeconds(60));
        storage.write(s -> {
            Open311Rows.of(s).markSource(water.number(), "Київ Цифровий");
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
                                T0.plusSeconds(120)));

        var all = new Open311Store.Query(null, null, null, null, null, null, 0, 10);
        assertThat(requests(all)).extracting(r -> r.appeal().number()).containsExactly(lift.number(), water.number());
        Open311Store.Request w =
                storage.read(s -> Open311Rows.of(s).find(water.number())).orElseThrow();
        assertThat(w.source()).isEqualTo("Київ Цифровий");
        assertThat(w.descriptionPublic()).isFalse();
        assertThat(w.updatedAt()).isEqualTo(T0);
        Open311Store.Request l =
                storage.read(s -> Open311Rows.of(s).find(lift.number())).orElseThrow();
        assertThat(l.updatedAt()).isEqualTo(T0.plusSeconds(120));

        var byType =
                new Open311Store.Query(null, Set.of(), Set.of(Map.entry("water", "no-water")), null, null, null, 0, 10);
        assertThat(requests(byType)).extracting(r -> r.appeal().number()).containsExactly(water.number());
        var closed = new Open311Store.Query(
                List.of(water.number().toString(), lift.number().toString()),
                Set.of("lifts", "water"),
                null,
                EnumSet.of(AppealStatus.RESOLVED),
                T0,
                T0.plusSeconds(3600),
                0,
                10);
        assertThat(requests(closed)).extracting(r -> r.appeal().number()).containsExactly(lift.number());
        var secondPage = new Open311Store.Query(null, null, null, null, null, null, 1, 1);
        assertThat(requests(secondPage)).extracting(r -> r.appeal().number()).containsExactly(water.number());

        boolean published = storage.write(
                s -> Open311Rows.of(s).setDescriptionPublic(water.number(), true, "Оператор", T0.plusSeconds(300)));
        boolean twice = storage.write(
                s -> Open311Rows.of(s).setDescriptionPublic(water.number(), true, "Оператор", T0.plusSeconds(300)));
        assertThat(published).isTrue();
        assertThat(twice).isFalse();
        Open311Store.Request after =
                storage.read(s -> Open311Rows.of(s).find(water.number())).orElseThrow();
        assertThat(after.descriptionPublic()).isTrue();
        List<ua.zvernennia.core.appeal.AppealEvent> history =
                storage.read(s -> s.appeals().history(water.number()));
        assertThat(history).last().satisfies(e -> assertThat(e.note()).isEqualTo(Open311Store.DESCRIPTION_PUBLISHED));
    }
}
