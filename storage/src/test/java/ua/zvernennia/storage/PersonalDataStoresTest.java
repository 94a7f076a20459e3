package ua.zvernennia.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import ua.zvernennia.core.appeal.Appeal;
import ua.zvernennia.core.appeal.AppealEvent;
import ua.zvernennia.core.appeal.AppealNumber;
import ua.zvernennia.core.appeal.AppealStatus;
import ua.zvernennia.core.appeal.AppealStore;
import ua.zvernennia.core.appeal.NewAppeal;
import ua.zvernennia.core.appeal.PersonName;
import ua.zvernennia.core.appeal.Phone;
import ua.zvernennia.core.appeal.PhotoRef;
import ua.zvernennia.core.chat.Channel;
import ua.zvernennia.core.chat.ChatKey;
import ua.zvernennia.core.chat.Reply;
import ua.zvernennia.core.citizen.Citizen;
import ua.zvernennia.core.desk.AppealSearch;
import ua.zvernennia.core.media.PhotoStore;
import ua.zvernennia.core.privacy.AccessLogStore;

/** Kept photos, anonymised appeals, retention batches and the access log on every database. */
class PersonalDataStoresTest {
    static final Instant T0 = Instant.parse("2026-05-01T09:00:00Z");
    final Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
    final ChatKey chat = ChatKey.of(Channel.TELEGRAM, "2001");

    @TempDir
    Path dir;

    Storage storage;

    @AfterEach
    void close() {
        if (storage != null) {
            storage.close();
        }
    }

    /** Reads typed for AssertJ, whose overloads cannot infer a lambda's result. */
    private java.util.List<Object> readAs(java.util.function.Function<JdbiStores, ?> work) {
        Object v = storage.read(work::apply);
        return v instanceof java.util.Collection<?> c ? List.copyOf(c) : List.of(v);
    }

    private java.util.List<Object> writeAs(java.util.function.Function<JdbiStores, ?> work) {
        Object v = storage.write(work::apply);
        return v instanceof java.util.Collection<?> c ? List.copyOf(c) : List.of(v);
    }

    Appeal submit(String description, List<PhotoRef> photos) {
        return storage.unitOfWork().run(s -> {
            photos.forEach(p -> s.media().keep(chat, p, T0));
            return s.appeals()
                    .submit(
                            new NewAppeal(
                                    Channel.TELEGRAM,
                                    chat,
                                    s.categories().find("lifts").orElseThrow(),
                                    null,
                                    description,
                                    photos,
                                    null,
                                    "вул. Січових Стрільців, 12",
                                    new PersonName("Олена", "Коваленко"),
                                    "вул. Шевченка, 5, кв. 12",
                                    new Phone("+380501234567")),
                            T0,
                            T0.plus(Duration.ofHours(24)),
                            T0.plus(Duration.ofDays(30)));
        });
    }

    @ParameterizedTest
    @MethodSource("ua.zvernennia.storage.TestDatabases#dialects")
    void photosAreQueuedOnceClaimedOnceAndKeptWithTheirBytes(Dialect dialect) {
        storage = TestDatabases.open(dialect, dir, clock);
        storage.write(s -> {
            s.media().keep(chat, new PhotoRef("AgAC1", ""), T0);
            s.media().keep(chat, new PhotoRef("AgAC1", ""), T0);
            return null;
        });
        List<PhotoStore.Pending> due = storage.read(s -> s.media().due(T0, 10));
        assertThat(due).hasSize(1);
        long id = due.get(0).id();
        assertThat(writeAs(s -> s.media().claim(id, T0, T0.plusSeconds(300)))).containsExactly(true);
        assertThat(writeAs(s -> s.media().claim(id, T0, T0.plusSeconds(300))))
                .as("taken once")
                .containsExactly(false);
        byte[] bytes = new byte[70_000];
        bytes[0] = (byte) 0xFF;
        bytes[69_999] = 7;
        storage.write(s -> {
            s.media().kept(id, "image/jpeg", bytes.length, bytes, null, new byte[] {1, 2, 3}, T0);
            return null;
        });
        PhotoStore.Kept kept =
                storage.read(s -> s.media().find(Channel.TELEGRAM, "AgAC1")).orElseThrow();
        assertThat(kept.status()).isEqualTo(PhotoStore.Status.KEPT);
        assertThat(kept.bytes()).isEqualTo(bytes);
        assertThat(kept.thumbnail()).containsExactly(1, 2, 3);

        storage.write(s -> {
            s.media().eraseChat(chat, Set.of());
            return null;
        });
        Optional<PhotoStore.Kept> gone = storage.read(s -> s.media().find(Channel.TELEGRAM, "AgAC1"));
        assertThat(gone).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("ua.zvernennia.storage.TestDatabases#dialects")
    void anErasedCitizenAndAnAnonymisedAppealKeepNothingPersonal(Dialect dialect) {
        storage = TestDatabases.open(dialect, dir, clock);
        Appeal a = submit("Застряг ліфт між поверхами", List.of(new PhotoRef("AgAC2", "")));
        storage.unitOfWork().run(s -> {
            s.citizens().recordConsent(chat, T0, "uk");
            s.citizens()
                    .saveDetails(
                            chat,
                            new PersonName("Олена", "Коваленко"),
                            "вул. Шевченка, 5",
                            new Phone("+380501234567"),
                            T0);
            var m = s.outbox().enqueue(chat, Reply.text("Олена Коваленко, +380501234567"), T0, T0);
            s.outbox().markSent(m.id(), "1", T0);
            s.outbox().enqueue(chat, Reply.text("ще не надіслано"), T0, T0);
            s.appeals()
                    .changeStatus(
                            a.number(), AppealStatus.REGISTERED, AppealStatus.RESOLVED, "Оператор", "Готово", null, T0);
            s.appeals()
                    .addEvent(
                            a.number(),
                            AppealEvent.Kind.ANSWER,
                            AppealEvent.CITIZEN,
                            "Я Олена з третього підʼїзду",
                            T0);
            return null;
        });
        assertThat(readAs(s -> s.retention().chatsWithPhone("+380501234567"))).containsExactly(chat);
        assertThat(readAs(s -> s.retention().appealsWithPhone("+380501234567"))).containsExactly(a.number());

        boolean erased = storage.unitOfWork().run(s -> {
            s.appeals().anonymise(a.number(), T0);
            s.appeals().anonymise(a.number(), T0);
            return s.citizens().erase(chat);
        });
        assertThat(erased).isTrue();
        Optional<Citizen> citizen = storage.unitOfWork().run(s -> s.citizens().find(chat));
        assertThat(citizen).isEmpty();
        Appeal after = storage.read(s -> s.appeals().find(a.number())).orElseThrow();
        assertThat(after.name()).isEqualTo(AppealStore.ANONYMOUS_NAME);
        assertThat(after.phone()).isEqualTo(AppealStore.ANONYMOUS_PHONE);
        assertThat(after.chat()).isNull();
        assertThat(after.photos()).extracting(PhotoRef::fileId).containsExactly("erased");
        List<AppealEvent> history = storage.read(s -> s.appeals().history(a.number()));
        assertThat(history)
                .filteredOn(e -> e.kind() == AppealEvent.Kind.ANSWER)
                .extracting(AppealEvent::note)
                .containsOnlyNulls();
        assertThat(readAs(s -> s.retention().chatsWithPhone("+380501234567"))).isEmpty();
        assertThat(readAs(s -> s.retention().appealsWithPhone("+380501234567"))).isEmpty();
        assertThat(readAs(s -> s.retention().closedBefore(T0.plusSeconds(1), 10)))
                .as("done once")
                .isEmpty();
        assertThat(storage.read(s -> s.appealSearch()
                                .find(
                                        new AppealSearch.Filter(
                                                null, null, null, null, null, "коваленко", null, null, 0, 10),
                                        T0))
                        .total())
                .isZero();
        List<String> payloads = storage.read(s -> s.handle()
                .createQuery("SELECT payload FROM outbox ORDER BY id")
                .mapTo(String.class)
                .list());
        assertThat(payloads.get(0)).isEqualTo("{}");
        assertThat(payloads.get(1)).as("not yet sent: kept").contains("ще не надіслано");
    }

    @ParameterizedTest
    @MethodSource("ua.zvernennia.storage.TestDatabases#dialects")
    void retentionBatchesAndTheAccessLog(Dialect dialect) {
        storage = TestDatabases.open(dialect, dir, clock);
        Appeal a = submit("Застряг ліфт", List.of());
        storage.unitOfWork().run(s -> {
            s.appeals()
                    .changeStatus(
                            a.number(), AppealStatus.REGISTERED, AppealStatus.REJECTED, "Оператор", "Ні", null, T0);
            for (int i = 0; i < 3; i++) {
                var m = s.outbox().enqueue(chat, Reply.text("повідомлення " + i), T0, T0);
                s.outbox().markSent(m.id(), "1", T0);
            }
            return null;
        });
        List<AppealNumber> due = storage.read(s -> s.retention().closedBefore(T0.plusSeconds(1), 10));
        assertThat(due).containsExactly(a.number());
        assertThat(writeAs(s -> s.retention().eraseSentBefore(T0.plusSeconds(1), T0, 2)))
                .containsExactly(2);
        assertThat(writeAs(s -> s.retention().eraseSentBefore(T0.plusSeconds(1), T0, 2)))
                .containsExactly(1);
        assertThat(writeAs(s -> s.retention().eraseSentBefore(T0.plusSeconds(1), T0, 2)))
                .containsExactly(0);

        storage.write(s -> {
            s.accessLog()
                    .record(T0, "Оператор", "API", "SEARCH", List.of(a.number().toString(), "2026-000999"));
            s.accessLog()
                    .record(
                            T0.plusSeconds(5),
                            "admin",
                            "CONSOLE",
                            "DETAIL",
                            List.of(a.number().toString()));
            s.accessLog().record(T0.plusSeconds(6), "admin", "API", "ERASE", List.of());
            return null;
        });
        List<AccessLogStore.Entry> all = storage.read(s -> s.accessLog().list(null, null, null, null, 0, 10));
        assertThat(all).extracting(AccessLogStore.Entry::action).containsExactly("ERASE", "DETAIL", "SEARCH", "SEARCH");
        assertThat(readAs(s -> s.accessLog().list(a.number().toString(), null, null, null, 0, 10)))
                .hasSize(2);
        assertThat(readAs(s -> s.accessLog().list(null, "admin", T0.plusSeconds(6), null, 0, 10)))
                .hasSize(1);
        assertThat(writeAs(s -> s.accessLog().deleteBefore(T0.plusSeconds(5), 1)))
                .containsExactly(1);
        assertThat(writeAs(s -> s.accessLog().deleteBefore(T0.plusSeconds(5), 10)))
                .containsExactly(1);
        assertThat(readAs(s -> s.accessLog().list(null, null, null, null, 0, 10)))
                .hasSize(2);
    }
}
