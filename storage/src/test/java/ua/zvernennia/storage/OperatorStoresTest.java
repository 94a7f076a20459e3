package ua.zvernennia.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import ua.zvernennia.core.appeal.Appeal;
import ua.zvernennia.core.appeal.AppealEvent;
import ua.zvernennia.core.appeal.AppealNumber;
import ua.zvernennia.core.appeal.AppealStatus;
import ua.zvernennia.core.appeal.NewAppeal;
import ua.zvernennia.core.appeal.PersonName;
import ua.zvernennia.core.appeal.Phone;
import ua.zvernennia.core.appeal.PhotoRef;
import ua.zvernennia.core.appeal.Rating;
import ua.zvernennia.core.chat.Channel;
import ua.zvernennia.core.chat.ChatKey;
import ua.zvernennia.core.chat.Reply;
import ua.zvernennia.core.conversation.ConversationState;
import ua.zvernennia.core.conversation.Draft;
import ua.zvernennia.core.conversation.Step;
import ua.zvernennia.core.desk.AppealSearch;

/** Status changes, histories with pushes, and the operators' search on real database files. */
class OperatorStoresTest {
    static final Instant T0 = Instant.parse("2026-05-01T09:00:00Z");
    final Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
    final ChatKey chat = ChatKey.of(Channel.TELEGRAM, "1001");

    @TempDir
    Path dir;

    Storage storage;

    @AfterEach
    void close() {
        if (storage != null) {
            storage.close();
        }
    }

    Appeal submit(Channel channel, ChatKey from, String categoryId, String description, String lastName, Instant at) {
        return storage.unitOfWork()
                .run(s -> s.appeals()
                        .submit(
                                new NewAppeal(
                                        channel,
                                        from,
                                        s.categories().find(categoryId).orElseThrow(),
                                        null,
                                        description,
                                        List.of(),
                                        null,
                                        "вул. Січових Стрільців, 12",
                                        new PersonName("Олена", lastName),
                                        "вул. Шевченка, 5, кв. 12",
                                        new Phone("+380501234567")),
                                at,
                                at.plus(Duration.ofHours(24)),
                                at.plus(Duration.ofDays(30))));
    }

    @ParameterizedTest
    @MethodSource("ua.zvernennia.storage.TestDatabases#dialects")
    void statusChangesCloseAndReopenAndTheHistoryShowsThePushes(Dialect dialect) {
        storage = TestDatabases.open(dialect, dir, clock);
        Appeal a = submit(Channel.TELEGRAM, chat, "lifts", "Застряг ліфт", "Коваленко", T0);
        var uow = storage.unitOfWork();

        long pushId = uow.run(s -> s.outbox()
                .enqueue(chat, Reply.text("Звернення: вирішено"), T0, T0)
                .id());
        uow.run(s -> s.appeals()
                .changeStatus(
                        a.number(),
                        AppealStatus.REGISTERED,
                        AppealStatus.RESOLVED,
                        "Оператор",
                        "Готово",
                        pushId,
                        T0.plusSeconds(60)));
        assertThat(storage.read(s -> s.appealSearch().find(a.number(), T0)).orElseThrow())
                .satisfies(f -> {
                    assertThat(f.appeal().status()).isEqualTo(AppealStatus.RESOLVED);
                    assertThat(f.closedAt()).isEqualTo(T0.plusSeconds(60));
                });
        assertThatThrownBy(() -> uow.run(s -> s.appeals()
                        .changeStatus(
                                a.number(),
                                AppealStatus.REGISTERED,
                                AppealStatus.IN_PROGRESS,
                                "Оператор",
                                null,
                                null,
                                T0)))
                .isInstanceOf(IllegalStateException.class);

        uow.run(s -> s.appeals()
                .changeStatus(
                        a.number(),
                        AppealStatus.RESOLVED,
                        AppealStatus.IN_PROGRESS,
                        "citizen",
                        "Досі не працює",
                        null,
                        T0.plusSeconds(120)));
        uow.run(s -> s.appeals()
                .addEvent(a.number(), AppealEvent.Kind.ANSWER, "citizen", "Третій підʼїзд", T0.plusSeconds(130)));
        int first = uow.run(s -> s.appeals().addPhoto(a.number(), new PhotoRef("AgACextra", "u1")));
        int second = uow.run(s -> s.appeals().addPhoto(a.number(), new PhotoRef("AgACextra2", "u2")));
        assertThat(first).isZero();
        assertThat(second).isEqualTo(1);
        uow.run(s -> {
            s.appeals().rate(a.number(), new Rating(4));
            return null;
        });

        var found = storage.read(s -> s.appealSearch().find(a.number(), T0)).orElseThrow();
        assertThat(found.closedAt()).as("reopened").isNull();
        assertThat(found.rating()).isEqualTo(4);
        assertThat(found.appeal().photos()).extracting(PhotoRef::fileId).containsExactly("AgACextra", "AgACextra2");

        var history = storage.read(s -> s.appealSearch().history(a.number()));
        assertThat(history)
                .extracting(h -> h.event().kind())
                .containsExactly(
                        AppealEvent.Kind.CREATED,
                        AppealEvent.Kind.STATUS,
                        AppealEvent.Kind.STATUS,
                        AppealEvent.Kind.ANSWER);
        assertThat(history.get(1).push()).satisfies(p -> {
            assertThat(p.outboxId()).isEqualTo(pushId);
            assertThat(p.status()).isEqualTo("PENDING");
        });
        assertThat(history.get(2).push()).isNull();
        assertThat(history.get(2).event().note()).isEqualTo("Досі не працює");

        uow.run(s -> {
            s.outbox().giveUp(pushId, "unreachable: Forbidden: bot was blocked by the user", T0.plusSeconds(200));
            return null;
        });
        assertThat(storage.read(s -> s.appealSearch().history(a.number()))
                        .get(1)
                        .push())
                .satisfies(p -> {
                    assertThat(p.status()).isEqualTo("FAILED");
                    assertThat(p.lastError()).contains("blocked");
                });
        List<AppealEvent> events = uow.run(s -> s.appeals().history(a.number()));
        assertThat(events).extracting(AppealEvent::outboxId).containsExactly(null, pushId, null, null);
    }

    @ParameterizedTest
    @MethodSource("ua.zvernennia.storage.TestDatabases#dialects")
    void theConversationKeepsTheAppealItsStepIsAbout(Dialect dialect) {
        storage = TestDatabases.open(dialect, dir, clock);
        var uow = storage.unitOfWork();
        ConversationState state =
                ConversationState.fresh().at(Step.MAIN_MENU, Draft.EMPTY, 0).about(Step.ANSWER, "2026-000007");
        uow.run(s -> s.conversations().save(chat, state));
        assertThat(uow.run(s -> s.conversations().load(chat)).orElseThrow()).satisfies(st -> {
            assertThat(st.step()).isEqualTo(Step.ANSWER);
            assertThat(st.subject()).isEqualTo("2026-000007");
        });
    }

    @ParameterizedTest
    @MethodSource("ua.zvernennia.storage.TestDatabases#dialects")
    void filtersAndPages(Dialect dialect) {
        storage = TestDatabases.open(dialect, dir, clock);
        Appeal lift = submit(Channel.TELEGRAM, chat, "lifts", "Застряг ліфт у підʼїзді", "Коваленко", T0);
        Appeal road = submit(
                Channel.PHONE, null, "roads", "Яма на дорозі біля школи", "Мельник", T0.plus(Duration.ofDays(1)));
        Appeal water = submit(
                Channel.VIBER,
                ChatKey.of(Channel.VIBER, "v1"),
                "water",
                "Немає води з ранку",
                "Шевчук",
                T0.plus(Duration.ofDays(2)));
        storage.unitOfWork()
                .run(s -> s.appeals()
                        .changeStatus(
                                water.number(),
                                AppealStatus.REGISTERED,
                                AppealStatus.RESOLVED,
                                "Оператор",
                                null,
                                null,
                                T0));
        Instant now = T0.plus(Duration.ofDays(5));

        var all = storage.read(s -> s.appealSearch().find(AppealSearch.Filter.all(0, 50), now));
        assertThat(all.total()).isEqualTo(3);
        assertThat(all.items())
                .extracting(f -> f.appeal().number())
                .as("newest first")
                .containsExactly(water.number(), road.number(), lift.number());
        assertThat(all.items()).extracting(AppealSearch.Found::overdue).containsExactly(false, true, true);

        assertThat(numbers(
                        new AppealSearch.Filter(
                                Set.of(AppealStatus.REGISTERED), null, null, null, null, null, null, null, 0, 50),
                        now))
                .containsExactly(road.number(), lift.number());
        assertThat(numbers(new AppealSearch.Filter(Set.of(), "roads", null, null, null, null, null, null, 0, 50), now))
                .containsExactly(road.number());
        assertThat(numbers(
                        new AppealSearch.Filter(Set.of(), null, Channel.PHONE, null, null, null, null, null, 0, 50),
                        now))
                .containsExactly(road.number());
        assertThat(numbers(
                        new AppealSearch.Filter(Set.of(), null, null, lift.executor(), null, null, null, null, 0, 50),
                        now))
                .containsExactly(lift.number());
        assertThat(numbers(new AppealSearch.Filter(Set.of(), null, null, null, true, null, null, null, 0, 50), now))
                .containsExactly(road.number(), lift.number());
        assertThat(numbers(new AppealSearch.Filter(Set.of(), null, null, null, false, null, null, null, 0, 50), now))
                .containsExactly(water.number());
        assertThat(numbers(
                        new AppealSearch.Filter(Set.of(), null, null, null, null, "коваленко", null, null, 0, 50), now))
                .as("names in any case")
                .containsExactly(lift.number());
        assertThat(numbers(
                        new AppealSearch.Filter(Set.of(), null, null, null, null, "ПІДʼЇЗДІ ліфт", null, null, 0, 50),
                        now))
                .as("every word, in any case")
                .containsExactly(lift.number());
        assertThat(numbers(
                        new AppealSearch.Filter(
                                Set.of(), null, null, null, null, road.number().toString(), null, null, 0, 50),
                        now))
                .containsExactly(road.number());
        assertThat(numbers(new AppealSearch.Filter(Set.of(), null, null, null, null, "100%", null, null, 0, 50), now))
                .isEmpty();
        assertThat(numbers(
                        new AppealSearch.Filter(
                                Set.of(),
                                null,
                                null,
                                null,
                                null,
                                null,
                                T0.plus(Duration.ofHours(1)),
                                T0.plus(Duration.ofDays(2)),
                                0,
                                50),
                        now))
                .containsExactly(road.number());

        var second = storage.read(s -> s.appealSearch().find(AppealSearch.Filter.all(1, 1), now));
        assertThat(second.total()).isEqualTo(3);
        assertThat(second.items()).extracting(f -> f.appeal().number()).containsExactly(road.number());
        assertThatThrownBy(() -> AppealSearch.Filter.all(0, 201)).isInstanceOf(IllegalArgumentException.class);
    }

    List<AppealNumber> numbers(AppealSearch.Filter filter, Instant now) {
        return storage.read(s -> s.appealSearch().find(filter, now)).items().stream()
                .map(f -> f.appeal().number())
                .toList();
    }
}
