package ua.zvernennia.core.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import ua.zvernennia.core.appeal.Appeal;
import ua.zvernennia.core.appeal.AppealEvent;
import ua.zvernennia.core.appeal.AppealStatus;
import ua.zvernennia.core.appeal.NewAppeal;
import ua.zvernennia.core.appeal.PersonName;
import ua.zvernennia.core.appeal.Phone;
import ua.zvernennia.core.chat.Channel;
import ua.zvernennia.core.chat.ChatKey;
import ua.zvernennia.core.conversation.ConversationSettings;
import ua.zvernennia.core.refusal.Refusal;
import ua.zvernennia.core.testing.MemoryStores;
import ua.zvernennia.core.testing.TestCategories;

class OperatorDeskTest {
    static final Instant NOW = Instant.parse("2026-03-10T08:00:00Z");
    static final ChatKey CHAT = ChatKey.of(Channel.TELEGRAM, "555");

    final MemoryStores stores = new MemoryStores(TestCategories.small());
    final OperatorDesk desk = new OperatorDesk(Clock.fixed(NOW, ZoneOffset.UTC), ConversationSettings.defaults());

    static final Set<AppealStatus> OPEN =
            Set.of(AppealStatus.REGISTERED, AppealStatus.IN_PROGRESS, AppealStatus.NEEDS_INFO);
    static final Set<AppealStatus> OPERATOR_TARGETS =
            Set.of(AppealStatus.IN_PROGRESS, AppealStatus.NEEDS_INFO, AppealStatus.RESOLVED, AppealStatus.REJECTED);

    static Stream<Arguments> everyPair() {
        var all = new ArrayList<Arguments>();
        for (AppealStatus from : AppealStatus.values()) {
            for (AppealStatus to : AppealStatus.values()) {
                all.add(Arguments.of(from, to, OPEN.contains(from) && OPERATOR_TARGETS.contains(to) && from != to));
            }
        }
        return all.stream();
    }

    NewAppeal newAppeal(Channel channel, ChatKey chat) {
        return new NewAppeal(
                channel,
                chat,
                TestCategories.small().get(1),
                null,
                "Застряг ліфт",
                List.of(),
                null,
                "вул. Шевченка, 5",
                new PersonName("Олена", "Коваленко"),
                "вул. Шевченка, 5, кв. 12",
                new Phone("+380501234567"));
    }

    Appeal appealIn(AppealStatus status) {
        stores.run(s -> {
            s.citizens().recordConsent(CHAT, NOW, "uk");
            return null;
        });
        Appeal a = stores.run(s -> s.appeals()
                .submit(newAppeal(Channel.TELEGRAM, CHAT), NOW, NOW.plusSeconds(3600), NOW.plusSeconds(86400)));
        if (status != AppealStatus.REGISTERED) {
            stores.run(s ->
                    s.appeals().changeStatus(a.number(), AppealStatus.REGISTERED, status, "setup", null, null, NOW));
        }
        return a;
    }

    @ParameterizedTest(name = "{0} → {1}: {2}")
    @MethodSource("everyPair")
    void everyTransition(AppealStatus from, AppealStatus to, boolean legal) {
        Appeal a = appealIn(from);
        int historyBefore = stores.events().size();
        int outboxBefore = stores.outboxRows().size();
        if (legal) {
            OperatorDesk.StatusChanged changed =
                    stores.run(s -> desk.changeStatus(s, a.number(), to, "Коментар оператора", "Оператор"));
            assertThat(changed.from()).isEqualTo(from);
            assertThat(stores.appeals().get(0).status()).isEqualTo(to);
            assertThat(stores.closedAt(a.number()).isPresent()).isEqualTo(to.isClosed());
            assertThat(stores.events()).last().satisfies(e -> {
                assertThat(e.kind()).isEqualTo(AppealEvent.Kind.STATUS);
                assertThat(e.from()).isEqualTo(from);
                assertThat(e.to()).isEqualTo(to);
                assertThat(e.actor()).isEqualTo("Оператор");
                assertThat(e.note()).isEqualTo("Коментар оператора");
                assertThat(e.outboxId()).isEqualTo(changed.outboxId()).isNotNull();
            });
            assertThat(stores.outboxRows()).hasSize(outboxBefore + 1);
            assertThat(stores.outboxRows()).last().satisfies(r -> {
                assertThat(r.message().chat()).isEqualTo(CHAT);
                assertThat(r.notBefore()).as("due at once").isEqualTo(NOW);
                assertThat(r.message().reply().text())
                        .contains("№ " + a.number())
                        .contains("Коментар оператора");
            });
        } else {
            assertThatThrownBy(() ->
                            stores.run(s -> desk.changeStatus(s, a.number(), to, "Коментар оператора", "Оператор")))
                    .isInstanceOfSatisfying(Refusal.class, r -> {
                        assertThat(r.kind()).isEqualTo(Refusal.Kind.CONFLICT);
                        assertThat(r.getMessage()).contains(from.name()).contains(to.name());
                    });
            assertThat(stores.appeals().get(0).status()).isEqualTo(from);
            assertThat(stores.events()).hasSize(historyBefore);
            assertThat(stores.outboxRows()).hasSize(outboxBefore);
        }
    }

    @Test
    void aQuestionOrARefusalNeedsAComment() {
        Appeal a = appealIn(AppealStatus.REGISTERED);
        for (AppealStatus to : List.of(AppealStatus.NEEDS_INFO, AppealStatus.REJECTED)) {
            assertThatThrownBy(() -> stores.run(s -> desk.changeStatus(s, a.number(), to, "  ", "Оператор")))
                    .isInstanceOfSatisfying(Refusal.class, r -> {
                        assertThat(r.kind()).isEqualTo(Refusal.Kind.INVALID);
                        assertThat(r.field()).contains("comment");
                    });
        }
        assertThatThrownBy(() -> stores.run(
                        s -> desk.changeStatus(s, a.number(), AppealStatus.IN_PROGRESS, "я".repeat(2001), "Оператор")))
                .isInstanceOfSatisfying(
                        Refusal.class, r -> assertThat(r.getMessage()).contains("2000"));
        assertThat(stores.outboxRows()).isEmpty();
        stores.run(s -> desk.changeStatus(s, a.number(), AppealStatus.IN_PROGRESS, null, "Оператор"));
        assertThat(stores.outboxRows())
                .singleElement()
                .satisfies(
                        r -> assertThat(r.message().reply().text()).isEqualTo("📬 Звернення № 2026-000001: у роботі."));
    }

    @Test
    void anUnknownAppealIsNotFound() {
        assertThatThrownBy(() -> stores.run(s -> desk.changeStatus(
                        s,
                        new ua.zvernennia.core.appeal.AppealNumber(2026, 99),
                        AppealStatus.IN_PROGRESS,
                        null,
                        "Оператор")))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.kind()).isEqualTo(Refusal.Kind.NOT_FOUND));
    }

    @Test
    void anAppealTakenByPhoneGetsDeadlinesAndNoPush() {
        Appeal a = stores.run(s -> desk.register(s, newAppeal(Channel.PHONE, null), "Оператор Іваненко", null));
        assertThat(a.channel()).isEqualTo(Channel.PHONE);
        assertThat(a.deadline()).isEqualTo(NOW.plus(Duration.ofHours(6)));
        assertThat(a.legalDeadline()).isEqualTo(NOW.plus(Duration.ofDays(30)));
        assertThat(stores.events())
                .extracting(AppealEvent::kind, AppealEvent::actor)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(AppealEvent.Kind.CREATED, "PHONE"),
                        org.assertj.core.groups.Tuple.tuple(AppealEvent.Kind.COMMENT, "Оператор Іваненко"));

        OperatorDesk.StatusChanged changed =
                stores.run(s -> desk.changeStatus(s, a.number(), AppealStatus.RESOLVED, "Готово", "Оператор"));
        assertThat(changed.outboxId()).isNull();
        assertThat(stores.outboxRows()).isEmpty();

        assertThatThrownBy(() -> stores.run(s -> desk.register(s, newAppeal(Channel.TELEGRAM, null), "Оператор", null)))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.kind()).isEqualTo(Refusal.Kind.INVALID));
    }

    @Test
    void aCitizenKnownToBeUnreachableGetsNoAttemptAndTheOperatorSeesIt() {
        Appeal a = appealIn(AppealStatus.REGISTERED);
        stores.run(s -> {
            s.citizens().setReachable(CHAT, false, "blocked the bot", NOW);
            return null;
        });
        stores.run(s -> desk.changeStatus(s, a.number(), AppealStatus.RESOLVED, "Готово", "Оператор"));
        assertThat(stores.outboxRows()).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo("FAILED");
            assertThat(r.lastError()).contains("unreachable");
        });
        assertThat(stores.conversation(CHAT))
                .as("no question waits for a citizen who cannot see it")
                .isEmpty();
    }
}
