package ua.zvernennia.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import ua.zvernennia.core.appeal.Appeal;
import ua.zvernennia.core.appeal.AppealNumber;
import ua.zvernennia.core.appeal.GeoPoint;
import ua.zvernennia.core.appeal.NewAppeal;
import ua.zvernennia.core.appeal.PersonName;
import ua.zvernennia.core.appeal.Phone;
import ua.zvernennia.core.appeal.PhotoRef;
import ua.zvernennia.core.category.Category;
import ua.zvernennia.core.category.DeadlineClass;
import ua.zvernennia.core.chat.Button;
import ua.zvernennia.core.chat.Channel;
import ua.zvernennia.core.chat.ChatKey;
import ua.zvernennia.core.chat.Event;
import ua.zvernennia.core.chat.Inbound;
import ua.zvernennia.core.chat.Keyboard;
import ua.zvernennia.core.chat.Reply;
import ua.zvernennia.core.chat.UnsupportedKind;
import ua.zvernennia.core.citizen.Citizen;
import ua.zvernennia.core.conversation.ConversationState;
import ua.zvernennia.core.conversation.Draft;
import ua.zvernennia.core.conversation.Step;
import ua.zvernennia.core.delivery.OutboxMessage;
import ua.zvernennia.core.engine.Inbox;

/** The store ports on real database files; the same suite for H2 and SQLite. */
class StoresTest {
    static final Instant T0 = Instant.parse("2026-05-01T09:00:00Z");
    final Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
    final ChatKey chat = ChatKey.of(Channel.TELEGRAM, "1001");

    @RegisterExtension
    final OpenStorages databases = new OpenStorages();

    Storage storage;

    Storage open(Dialect dialect) {
        storage = databases.open(dialect, clock);
        return storage;
    }

    @ParameterizedTest
    @MethodSource("ua.zvernennia.storage.TestDatabases#dialects")
    void conversationStateRoundTripsAndRefusesAStaleSave(Dialect dialect) {
        var uow = open(dialect).unitOfWork();
        Draft draft = Draft.EMPTY
                .withCategory("water", "leak")
                .withDescription("Тече труба 💧 «тест» 'x'")
                .withPhoto(new PhotoRef("file-1", "u-1"))
                .withPlace(new GeoPoint(48.46, 35.04), null, false)
                .withName(new PersonName("Олена", "Коваленко"))
                .withPhone(new Phone("+380501234567"));
        ConversationState saved =
                uow.run(s -> s.conversations().save(chat, new ConversationState(Step.ADDRESS, draft, 0, "uk", 0)));
        assertThat(saved.version()).isEqualTo(1);

        ConversationState loaded = uow.run(s -> s.conversations().load(chat)).orElseThrow();
        assertThat(loaded).isEqualTo(saved);
        assertThat(loaded.draft().photos()).containsExactly(new PhotoRef("file-1", "u-1"));

        uow.run(s -> s.conversations().save(chat, loaded.at(Step.PHONE, loaded.draft(), 0)));
        assertThatThrownBy(() -> uow.run(s -> s.conversations().save(chat, loaded)))
                .isInstanceOf(IllegalStateException.class);
        ConversationState after = uow.run(s -> s.conversations().load(chat)).orElseThrow();
        assertThat(after.step()).isEqualTo(Step.PHONE);
    }

    @ParameterizedTest
    @MethodSource("ua.zvernennia.storage.TestDatabases#dialects")
    void theInboxKeepsEveryKindOfEventInOrderPerChat(Dialect dialect) {
        var uow = open(dialect).unitOfWork();
        ChatKey other = ChatKey.of(Channel.VIBER, "v-7");
        List<Inbound> inbounds = List.of(
                Inbound.of(chat, new Event.Text("Тече труба 💧 «тест» 'x'"), T0, "11"),
                new Inbound(chat, new Event.ButtonPress("cat:water"), T0.plusMillis(1), "12", "345"),
                Inbound.of(chat, new Event.Command("start"), T0, null),
                Inbound.of(chat, new Event.ContactShared("+380501234567", true), T0, "13"),
                Inbound.of(chat, new Event.LocationShared(48.4647, 35.0462), T0, "14"),
                Inbound.of(chat, new Event.PhotoSent("file-1", "u-1", "підпис"), T0, "15"),
                Inbound.of(chat, new Event.Unsupported(UnsupportedKind.STICKER), T0, "16"),
                Inbound.of(chat, new Event.Reachability(false), T0, "17"));
        var ids = new java.util.ArrayList<Long>();
        for (Inbound inbound : inbounds) {
            ids.add(uow.run(s -> s.inbox().put(inbound, T0)));
            uow.run(s -> s.inbox().put(Inbound.of(other, new Event.Text("інший"), T0, null), T0));
        }
        assertThat(ids).isSorted();
        Map<ChatKey, Integer> waiting = uow.run(s -> s.inbox().waiting());
        assertThat(waiting).containsExactly(Map.entry(chat, 8), Map.entry(other, 8));

        List<Inbox.Queued> first = uow.run(s -> s.inbox().oldest(chat, 5));
        assertThat(first).extracting(Inbox.Queued::inbound).containsExactlyElementsOf(inbounds.subList(0, 5));
        first.forEach(q -> uow.run(s -> {
            s.inbox().remove(q.id());
            return null;
        }));
        List<Inbox.Queued> rest = uow.run(s -> s.inbox().oldest(chat, 100));
        assertThat(rest).extracting(Inbox.Queued::inbound).containsExactlyElementsOf(inbounds.subList(5, 8));
        Map<ChatKey, Integer> after = uow.run(s -> s.inbox().waiting());
        assertThat(after).containsEntry(chat, 3);
    }

    @ParameterizedTest
    @MethodSource("ua.zvernennia.storage.TestDatabases#dialects")
    void citizenConsentDetailsAndReachability(Dialect dialect) {
        var uow = open(dialect).unitOfWork();
        java.util.Optional<Citizen> before = uow.run(s -> s.citizens().find(chat));
        assertThat(before).isEmpty();
        uow.run(s -> {
            s.citizens().recordConsent(chat, T0, "uk");
            s.citizens().recordConsent(chat, T0.plusSeconds(5), "en");
            return null;
        });
        Citizen c = uow.run(s -> s.citizens().find(chat)).orElseThrow();
        assertThat(c.consentAt()).isEqualTo(T0);
        assertThat(c.name()).isNull();
        assertThat(c.reachable()).isTrue();

        uow.run(s -> {
            s.citizens()
                    .saveDetails(
                            chat,
                            new PersonName("Марʼяна", "Іваненко-Петрук"),
                            "вул. Шевченка, 5",
                            new Phone("+380671112233"),
                            T0);
            s.citizens().setReachable(chat, false, "blocked", T0);
            return null;
        });
        c = uow.run(s -> s.citizens().find(chat)).orElseThrow();
        assertThat(c.name().full()).isEqualTo("Марʼяна Іваненко-Петрук");
        assertThat(c.address()).isEqualTo("вул. Шевченка, 5");
        assertThat(c.phone().e164()).isEqualTo("+380671112233");
        assertThat(c.reachable()).isFalse();
    }

    @ParameterizedTest
    @MethodSource("ua.zvernennia.storage.TestDatabases#dialects")
    void appealsGetYearlyNumbersAndKeepEveryField(Dialect dialect) {
        Storage s = open(dialect);
        Category water = s.categories().find("water").orElseThrow();
        NewAppeal a = new NewAppeal(
                Channel.TELEGRAM,
                chat,
                water,
                "no-water",
                "Немає води з ранку",
                List.of(new PhotoRef("f1", "u1"), new PhotoRef("f2", "u2")),
                new GeoPoint(48.5, 35.0),
                null,
                new PersonName("Олена", "Коваленко"),
                "вул. Шевченка, 5",
                new Phone("+380501234567"));
        Appeal first =
                s.unitOfWork().run(st -> st.appeals().submit(a, T0, T0.plusSeconds(3600), T0.plusSeconds(86400)));
        Appeal second = s.unitOfWork().run(st -> st.appeals().submit(a, T0.plusSeconds(60), T0, T0));
        // New Year's night in Kyiv is still the old year in UTC: numbering follows the city's calendar.
        Instant kyivNewYear = Instant.parse("2026-12-31T22:30:00Z");
        Appeal nextYear = s.unitOfWork().run(st -> st.appeals().submit(a, kyivNewYear, kyivNewYear, kyivNewYear));

        assertThat(first.number()).hasToString("2026-000001");
        assertThat(second.number()).hasToString("2026-000002");
        assertThat(nextYear.number()).hasToString("2027-000001");
        assertThat(first.deadlineClass()).isEqualTo(DeadlineClass.EMERGENCY);

        Appeal loaded =
                s.unitOfWork().run(st -> st.appeals().find(first.number())).orElseThrow();
        assertThat(loaded).isEqualTo(first);
        assertThat(loaded.issueTypeName()).isEqualTo("Немає води");
        List<Appeal> mine = s.unitOfWork().run(st -> st.appeals().byChat(chat, 10));
        assertThat(mine)
                .extracting(x -> x.number().toString())
                .containsExactly("2027-000001", "2026-000002", "2026-000001");
        java.util.Optional<Appeal> missing =
                s.unitOfWork().run(st -> st.appeals().find(new AppealNumber(2026, 99)));
        assertThat(missing).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("ua.zvernennia.storage.TestDatabases#dialects")
    void outboxKeepsRepliesUntilSentRetriedOrGivenUp(Dialect dialect) {
        var uow = open(dialect).unitOfWork();
        Reply menu = Reply.of(
                "Оберіть:",
                new Keyboard.Menu(
                        List.of(new Button("cat:water", "Водоканал", "💧")), 2, List.of(Button.of("back", "Назад"))));
        Reply contact = Reply.of(
                "Телефон?", new Keyboard.RequestContact("📱 Поділитися", List.of(Button.of("cancel", "Скасувати"))));
        OutboxMessage m1 = uow.run(s -> s.outbox().enqueue(chat, menu, T0, T0));
        OutboxMessage m2 = uow.run(s -> s.outbox().enqueue(chat, contact, T0.plusSeconds(60), T0));
        OutboxMessage m3 = uow.run(s -> s.outbox().enqueue(chat, Reply.of("x", Keyboard.REMOVE), T0, T0));

        List<OutboxMessage> due = uow.run(s -> s.outbox().due(T0, 10));
        if (dialect == Dialect.POSTGRESQL) {
            // Shared by instances: m2 is held for this instance's in-line send, and m3 waits behind it.
            assertThat(due).extracting(OutboxMessage::reply).containsExactly(menu);
        } else {
            assertThat(due).extracting(OutboxMessage::reply).containsExactly(menu, Reply.of("x", Keyboard.REMOVE));
        }
        uow.run(s -> {
            s.outbox().markSent(m1.id(), "77", T0);
            s.outbox().retryAt(m3.id(), T0.plusSeconds(30), "429");
            return null;
        });
        List<OutboxMessage> dueNow = uow.run(s -> s.outbox().due(T0, 10));
        assertThat(dueNow).isEmpty();
        List<OutboxMessage> dueLater = uow.run(s -> s.outbox().due(T0.plusSeconds(60), 10));
        assertThat(dueLater)
                .extracting(OutboxMessage::id, OutboxMessage::attempts)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(m2.id(), 0),
                        org.assertj.core.groups.Tuple.tuple(m3.id(), 1));
        assertThat(dueLater.get(0).reply()).isEqualTo(contact);

        int released = uow.run(s -> s.outbox().releaseAll(T0));
        // Shared by instances, another one's sends may be under way: nothing is released.
        assertThat(released).isEqualTo(dialect == Dialect.POSTGRESQL ? 0 : 2);
        uow.run(s -> {
            s.outbox()
                    .markSent(List.of(
                            new ua.zvernennia.core.delivery.Outbox.SentMark(m2.id(), "8", T0),
                            new ua.zvernennia.core.delivery.Outbox.SentMark(m3.id(), null, T0)));
            return null;
        });
        List<OutboxMessage> afterBulk = uow.run(s -> s.outbox().due(T0.plusSeconds(3600), 10));
        assertThat(afterBulk).isEmpty();
        OutboxMessage m4 = uow.run(s -> s.outbox().enqueue(chat, contact, T0, T0));
        int givenUp = uow.run(s -> s.outbox().giveUpAll(chat, "blocked", T0));
        assertThat(givenUp).isEqualTo(1);
        assertThat(m4.id()).isGreaterThan(m3.id());
        List<OutboxMessage> none = uow.run(s -> s.outbox().due(T0.plusSeconds(3600), 10));
        assertThat(none).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("ua.zvernennia.storage.TestDatabases#dialects")
    void anUpdateIdIsProcessedOnce(Dialect dialect) {
        var uow = open(dialect).unitOfWork();
        boolean first = uow.run(s -> s.processed().firstTime(chat, "555", T0));
        boolean again = uow.run(s -> s.processed().firstTime(chat, "555", T0));
        boolean otherChannel = uow.run(s -> s.processed().firstTime(ChatKey.of(Channel.VIBER, "1001"), "555", T0));
        int forgotten = uow.run(s -> s.processed().forgetBefore(T0.plusSeconds(1)));
        boolean afterForgetting = uow.run(s -> s.processed().firstTime(chat, "555", T0));
        assertThat(first).isTrue();
        assertThat(again).isFalse();
        assertThat(otherChannel).isTrue();
        assertThat(forgotten).isEqualTo(2);
        assertThat(afterForgetting).isTrue();
    }

    @ParameterizedTest
    @MethodSource("ua.zvernennia.storage.TestDatabases#dialects")
    void theMenuIsSeededOnceAndReplacingItKeepsCategoriesThatAppealsUse(Dialect dialect) {
        Storage s = open(dialect);
        assertThat(s.categories().active())
                .extracting(Category::id)
                .containsExactly("water", "lifts", "lights", "roads");
        assertThat(s.seedCategoriesIfEmpty(List.of())).isFalse();

        Category lifts = s.categories().find("lifts").orElseThrow();
        s.unitOfWork()
                .run(st -> st.appeals()
                        .submit(
                                new NewAppeal(
                                        Channel.VIBER,
                                        ChatKey.of(Channel.VIBER, "v1"),
                                        lifts,
                                        null,
                                        "Не працює ліфт",
                                        List.of(),
                                        null,
                                        "вул. Робоча, 1",
                                        new PersonName("Іван", "Петренко"),
                                        "вул. Робоча, 1",
                                        new Phone("+380501234567")),
                                T0,
                                T0,
                                T0));

        Category roads = s.categories().find("roads").orElseThrow();
        s.unitOfWork().run(st -> {
            s.categories().replaceAll(((JdbiStores) st).handle(), List.of(roads), T0);
            return null;
        });
        s.categories().reload();
        assertThat(s.categories().active()).extracting(Category::id).containsExactly("roads");
        assertThat(s.categories().find("lifts"))
                .get()
                .extracting(Category::active)
                .isEqualTo(false);
        assertThat(s.categories().find("water")).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("ua.zvernennia.storage.TestDatabases#dialects")
    void aFailingStatementDoesNotCarryPersonalDataIntoItsMessage(Dialect dialect) {
        Storage s = open(dialect);
        Runnable insert = () -> s.write(tx -> tx.handle()
                .createUpdate(
                        "INSERT INTO citizen (channel, chat_id, consent_at, lang, "
                                + "reachable, updated_at, first_name, phone) VALUES ('TELEGRAM', 'dup', 1, 'uk', TRUE, 1, :name, :phone)")
                .bind("name", "Секретина")
                .bind("phone", "+380509998877")
                .execute());
        insert.run();
        assertThatThrownBy(insert::run)
                .satisfies(e -> assertThat(String.valueOf(e.getMessage()) + e.getCause())
                        .doesNotContain("Секретина", "+380509998877"));
    }
}
