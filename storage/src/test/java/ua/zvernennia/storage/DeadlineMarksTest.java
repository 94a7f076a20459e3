package ua.zvernennia.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import ua.zvernennia.core.appeal.Appeal;
import ua.zvernennia.core.appeal.NewAppeal;
import ua.zvernennia.core.appeal.PersonName;
import ua.zvernennia.core.appeal.Phone;
import ua.zvernennia.core.category.Category;
import ua.zvernennia.core.chat.Channel;
import ua.zvernennia.core.chat.ChatKey;
import ua.zvernennia.core.deadline.DeadlineSettings;
import ua.zvernennia.core.deadline.DeadlineWatch;
import ua.zvernennia.core.testing.MovableClock;

/** The deadline control on real database files: marks set once, notices in the outbox, closed appeals left alone. */
class DeadlineMarksTest {
    static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
    static final ChatKey STAFF = ChatKey.of(Channel.TELEGRAM, "-100200300");

    final MovableClock clock = new MovableClock(T0);

    @RegisterExtension
    final OpenStorages databases = new OpenStorages();

    Storage storage;

    Appeal file(String categoryId) {
        Category c = storage.categories().find(categoryId).orElseThrow();
        Instant now = clock.instant();
        return storage.unitOfWork()
                .run(s -> s.appeals()
                        .submit(
                                new NewAppeal(
                                        Channel.HOTLINE,
                                        null,
                                        c,
                                        null,
                                        "Не працює ліфт у під'їзді 2",
                                        List.of(),
                                        null,
                                        "вул. Робоча, 1",
                                        new PersonName("Іван", "Петренко"),
                                        "вул. Робоча, 1",
                                        new Phone("+380501234567")),
                                now,
                                now.plus(c.deadlineClass().duration()),
                                now.plus(Duration.ofDays(30))));
    }

    Long column(Appeal a, String column) {
        return storage.read(s -> s.handle()
                .createQuery("SELECT " + column + " FROM appeal WHERE num = :num")
                .bind("num", a.number().toString())
                .mapTo(Long.class)
                .one());
    }

    /** What the staff chat is to be told, in order (read as rows: on PostgreSQL a dispatcher's look claims them). */
    List<String> staffMessages() {
        return storage
                .read(s -> s.handle()
                        .createQuery("SELECT payload FROM outbox WHERE channel = :channel AND chat_id = :chat "
                                + "AND status = 'PENDING' ORDER BY id")
                        .bind("channel", STAFF.channel().name())
                        .bind("chat", STAFF.id())
                        .mapTo(String.class)
                        .list())
                .stream()
                .map(p -> Json.read(p, ua.zvernennia.core.chat.Reply.class).text())
                .toList();
    }

    @ParameterizedTest
    @MethodSource("ua.zvernennia.storage.TestDatabases#dialects")
    void movingTheClockRemindsMarksOverdueAndPastTheLegalDeadline(Dialect dialect) {
        storage = databases.open(dialect, clock);
        var watch = new DeadlineWatch(
                storage.unitOfWork(), clock, new DeadlineSettings(Optional.of(STAFF), 0.8, TestDatabases.KYIV));
        Appeal lift = file("lifts"); // 6 h
        Appeal road = file("roads"); // 7 days
        Appeal resolved = file("lifts");
        storage.write(s -> s.handle()
                .createUpdate("UPDATE appeal SET status = 'RESOLVED', closed_at = :at WHERE num = :num")
                .bind("at", T0.plusSeconds(600).toEpochMilli())
                .bind("num", resolved.number().toString())
                .execute());

        clock.advance(Duration.ofHours(4).plusMinutes(48));
        assertThat(watch.runOnce()).isEqualTo(new DeadlineWatch.Pass(1, 0, 0));
        assertThat(column(lift, "reminded_at")).isEqualTo(clock.instant().toEpochMilli());
        assertThat(column(road, "reminded_at")).isNull();

        clock.advance(Duration.ofHours(2));
        assertThat(watch.runOnce()).isEqualTo(new DeadlineWatch.Pass(0, 1, 0));
        assertThat(column(lift, "overdue_at")).isEqualTo(clock.instant().toEpochMilli());

        clock.set(T0.plus(Duration.ofDays(7)).plus(Duration.ofMinutes(1)));
        assertThat(watch.runOnce())
                .as("the road was never reminded: its 80%% passed unseen")
                .isEqualTo(new DeadlineWatch.Pass(0, 1, 0));
        assertThat(column(road, "reminded_at")).isNull();

        clock.set(T0.plus(Duration.ofDays(31)));
        assertThat(watch.runOnce()).isEqualTo(new DeadlineWatch.Pass(0, 0, 2));
        assertThat(watch.runOnce().isEmpty()).isTrue();
        assertThat(column(resolved, "overdue_at")).isNull();
        assertThat(column(resolved, "legal_overdue_at")).isNull();
        assertThat(column(resolved, "reminded_at")).isNull();

        assertThat(staffMessages()).hasSize(4);
        assertThat(staffMessages().get(0)).contains("№ " + lift.number(), "Ліфти");
        assertThat(staffMessages().get(3))
                .contains("№ " + lift.number(), "№ " + road.number())
                .doesNotContain(resolved.number().toString());
    }
}
