package ua.zvernennia.core.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import ua.zvernennia.core.appeal.Appeal;
import ua.zvernennia.core.appeal.AppealStatus;
import ua.zvernennia.core.appeal.NewAppeal;
import ua.zvernennia.core.appeal.PersonName;
import ua.zvernennia.core.appeal.Phone;
import ua.zvernennia.core.category.Category;
import ua.zvernennia.core.chat.Channel;
import ua.zvernennia.core.chat.ChatKey;
import ua.zvernennia.core.testing.MemoryStores;
import ua.zvernennia.core.testing.MovableClock;
import ua.zvernennia.core.testing.TestCategories;

/** Reminders, overdue and legal-deadline marks by moving the clock; notices to the staff chat through the outbox. */
class DeadlineWatchTest {
    static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
    static final ChatKey STAFF = ChatKey.of(Channel.TELEGRAM, "-1001234567890");

    final MovableClock clock = new MovableClock(T0);
    final MemoryStores stores = new MemoryStores(TestCategories.small());
    final DeadlineWatch watch =
            new DeadlineWatch(stores, clock, new DeadlineSettings(Optional.of(STAFF), 0.8, ZoneId.of("Europe/Kyiv")));

    Appeal file(String categoryId, Duration deadline, Duration legal) {
        Category c = TestCategories.small().stream()
                .filter(x -> x.id().equals(categoryId))
                .findFirst()
                .orElseThrow();
        Instant now = clock.instant();
        return stores.run(s -> s.appeals()
                .submit(
                        new NewAppeal(
                                Channel.PHONE,
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
                        now.plus(deadline),
                        now.plus(legal)));
    }

    List<String> staffMessages() {
        return stores.outboxRows().stream()
                .filter(r -> r.message().chat().equals(STAFF))
                .map(r -> r.message().reply().text())
                .toList();
    }

    @Test
    void remindsAt80PercentThenMarksOverdueOnceTheDeadlinePasses() {
        Appeal lift = file("lifts", Duration.ofHours(6), Duration.ofDays(30));

        clock.advance(Duration.ofHours(4).plusMinutes(47));
        assertThat(watch.runOnce().isEmpty()).isTrue();
        assertThat(staffMessages()).isEmpty();

        clock.advance(Duration.ofMinutes(1)); // 4 h 48 min = 80% of 6 h
        assertThat(watch.runOnce()).isEqualTo(new DeadlineWatch.Pass(1, 0, 0));
        assertThat(staffMessages()).hasSize(1);
        assertThat(staffMessages().get(0))
                .startsWith("⏳")
                .contains("№ " + lift.number(), "Ліфти", "КП «Ліфтове господарство»", "02.03.2026 16:00");
        assertThat(stores.deadlineMarks(lift.number())).containsEntry("reminded", clock.instant());

        clock.advance(Duration.ofMinutes(72)); // exactly at the deadline: not yet overdue
        assertThat(watch.runOnce().isEmpty()).isTrue();

        clock.advance(Duration.ofSeconds(1));
        assertThat(watch.runOnce()).isEqualTo(new DeadlineWatch.Pass(0, 1, 0));
        assertThat(staffMessages()).hasSize(2);
        assertThat(staffMessages().get(1)).startsWith("⏰").contains("№ " + lift.number());
        assertThat(stores.deadlineMarks(lift.number())).containsKey("overdue");

        clock.advance(Duration.ofDays(1));
        assertThat(watch.runOnce().isEmpty()).as("each mark is set once").isTrue();
        assertThat(staffMessages()).hasSize(2);

        clock.advance(Duration.ofDays(30));
        assertThat(watch.runOnce()).isEqualTo(new DeadlineWatch.Pass(0, 0, 1));
        assertThat(staffMessages().get(2)).startsWith("⚠️").contains("№ " + lift.number());
    }

    @Test
    void anAppealMissedWhileTheAppWasDownIsMarkedOverdueWithoutAReminder() {
        Appeal a = file("lights", Duration.ofHours(72), Duration.ofDays(30));
        clock.advance(Duration.ofDays(4));
        assertThat(watch.runOnce()).isEqualTo(new DeadlineWatch.Pass(0, 1, 0));
        assertThat(stores.deadlineMarks(a.number())).containsOnlyKeys("overdue");
    }

    @Test
    void closedAppealsAreLeftAlone() {
        for (AppealStatus closed : List.of(AppealStatus.RESOLVED, AppealStatus.REJECTED, AppealStatus.WITHDRAWN)) {
            Appeal a = file("lifts", Duration.ofHours(6), Duration.ofDays(30));
            stores.putAppeal(a.withStatus(closed));
        }
        Appeal open = file("lifts", Duration.ofHours(6), Duration.ofDays(30));
        stores.putAppeal(open.withStatus(AppealStatus.NEEDS_INFO));
        clock.advance(Duration.ofDays(40));
        assertThat(watch.runOnce()).isEqualTo(new DeadlineWatch.Pass(0, 1, 1));
        assertThat(staffMessages()).hasSize(2).allSatisfy(m -> assertThat(m).contains("№ " + open.number()));
    }

    @Test
    void aBacklogIsOneMessageNamingTheFirstAppealsAndCountingTheRest() {
        for (int i = 0; i < DeadlineWatch.LISTED + 5; i++) {
            file("roads", Duration.ofDays(7), Duration.ofDays(30));
        }
        clock.advance(Duration.ofDays(8));
        assertThat(watch.runOnce().overdue()).isEqualTo(DeadlineWatch.LISTED + 5);
        assertThat(staffMessages()).hasSize(1);
        String text = staffMessages().get(0);
        assertThat(text).contains("Звернень: 25", "…і ще 5");
        assertThat(text.lines().filter(l -> l.startsWith("№ "))).hasSize(DeadlineWatch.LISTED);
    }

    @Test
    void moreThanOneBatchIsMarkedInOnePass() {
        for (int i = 0; i < DeadlineWatch.BATCH + 3; i++) {
            file("roads", Duration.ofDays(7), Duration.ofDays(30));
        }
        clock.advance(Duration.ofDays(8));
        assertThat(watch.runOnce().overdue()).isEqualTo(DeadlineWatch.BATCH + 3);
        assertThat(staffMessages()).hasSize(2);
        assertThat(watch.runOnce().isEmpty()).isTrue();
    }

    @Test
    void withoutAStaffChatAppealsAreStillMarkedButNobodyIsMessaged() {
        var quiet =
                new DeadlineWatch(stores, clock, new DeadlineSettings(Optional.empty(), 0.8, ZoneId.of("Europe/Kyiv")));
        Appeal a = file("lifts", Duration.ofHours(6), Duration.ofDays(30));
        clock.advance(Duration.ofHours(7));
        assertThat(quiet.runOnce().overdue()).isEqualTo(1);
        assertThat(stores.deadlineMarks(a.number())).containsKey("overdue");
        assertThat(stores.outboxRows()).isEmpty();
    }
}
