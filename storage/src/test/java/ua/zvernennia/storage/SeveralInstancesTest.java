package ua.zvernennia.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ua.zvernennia.core.appeal.Appeal;
import ua.zvernennia.core.appeal.AppealNumber;
import ua.zvernennia.core.appeal.NewAppeal;
import ua.zvernennia.core.appeal.PersonName;
import ua.zvernennia.core.appeal.Phone;
import ua.zvernennia.core.chat.Button;
import ua.zvernennia.core.chat.Channel;
import ua.zvernennia.core.chat.ChatKey;
import ua.zvernennia.core.chat.Delivery;
import ua.zvernennia.core.chat.Event;
import ua.zvernennia.core.chat.Inbound;
import ua.zvernennia.core.chat.Messenger;
import ua.zvernennia.core.chat.Reply;
import ua.zvernennia.core.conversation.ConversationMachine;
import ua.zvernennia.core.conversation.ConversationSettings;
import ua.zvernennia.core.delivery.Deliverer;
import ua.zvernennia.core.delivery.Outbox;
import ua.zvernennia.core.delivery.OutboxDispatcher;
import ua.zvernennia.core.delivery.OutboxMessage;
import ua.zvernennia.core.engine.Bot;
import ua.zvernennia.core.engine.ConversationEngine;
import ua.zvernennia.core.engine.Handled;
import ua.zvernennia.core.lease.Lease;

/**
 * Two instances of the core, each with its own storage (writer, pool, leases), on one PostgreSQL
 * database, as two app instances behind a load balancer: a chat's updates land on either.
 */
class SeveralInstancesTest {
    static final Duration WITHIN = Duration.ofSeconds(60);
    /** A citizen's way through the bot, as presses of labelled buttons and typed text. */
    static final List<String> SCRIPT = List.of(
            "/start",
            "press:✅ Погоджуюсь",
            "press:📝 Нове звернення",
            "press:💧 Водоканал",
            "press:Немає води",
            "Третій день немає холодної води в будинку",
            "press:⏭ Пропустити",
            "вул. Європейська, 8",
            "Олена Коваленко",
            "вул. Європейська, 8, кв. 3",
            "+38 (067) 111-22-33",
            "press:✅ Підтвердити");

    final Clock clock = Clock.systemUTC();
    final ConversationEngine engine =
            new ConversationEngine(new ConversationMachine(ConversationSettings.defaults()), clock);

    @TempDir
    Path dir;

    Storage a;
    Storage b;

    @BeforeEach
    void open() {
        TestDatabases.requirePostgres();
        a = TestDatabases.open(Dialect.POSTGRESQL, dir, clock);
        b = TestDatabases.open(Dialect.POSTGRESQL, dir, clock);
    }

    @AfterEach
    void close() {
        for (Storage s : new Storage[] {a, b}) {
            if (s != null) {
                s.close();
            }
        }
    }

    @Test
    void eachInstanceAnswersFromTheDatabaseNotFromAStaleCopy() {
        List<Inbound> script = learn(ChatKey.of(Channel.VIBER, "learner"));
        for (int chatNo = 0; chatNo < 3; chatNo++) {
            ChatKey chat = ChatKey.of(Channel.VIBER, "alternating-" + chatNo);
            List<String> texts = new ArrayList<>();
            for (int i = 0; i < script.size(); i++) {
                Storage on = i % 2 == 0 ? a : b;
                Handled h = step(on, again(script.get(i), chat));
                h.replies().forEach(m -> texts.add(m.reply().text()));
                markSent(on, h);
            }
            assertThat(texts).noneMatch(t -> t.contains("неактуальна")).anyMatch(t -> t.contains("№ "));
        }
        List<Appeal> filed = b.read(s -> s.appeals().byChat(ChatKey.of(Channel.VIBER, "alternating-2"), 10));
        assertThat(filed)
                .singleElement()
                .satisfies(x -> assertThat(x.phone().e164()).isEqualTo("+380671112233"));
    }

    @Test
    void twoUpdatesOfOneChatAtTheSameMomentOnTwoInstancesAreHandledOneAfterTheOther() throws Exception {
        List<Inbound> script = learn(ChatKey.of(Channel.TELEGRAM, "learner"));
        Event consent = script.get(1).event();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < 20; round++) {
                ChatKey chat = ChatKey.of(Channel.TELEGRAM, "same-moment-" + round);
                markSent(a, step(a, again(script.get(0), chat)));
                // The consent pressed twice, one press landing on each instance at once, and the
                // first press re-delivered to the other instance at the same moment.
                Inbound first = Inbound.of(chat, consent, clock.instant(), "u-" + round + "-a");
                Inbound second = Inbound.of(chat, consent, clock.instant(), "u-" + round + "-b");
                Inbound repeat = Inbound.of(chat, consent, clock.instant(), "u-" + round + "-a");
                CountDownLatch go = new CountDownLatch(1);
                var results = new ArrayList<CompletableFuture<Handled>>();
                for (var pair : List.of(Map.entry(a, first), Map.entry(b, second), Map.entry(b, repeat))) {
                    results.add(CompletableFuture.supplyAsync(
                            () -> {
                                awaitLatch(go);
                                return pair.getKey()
                                        .unitOfWork()
                                        .submit(chat, s -> engine.handle(s, pair.getValue()))
                                        .join();
                            },
                            pool));
                }
                go.countDown();
                List<Handled> handled =
                        results.stream().map(CompletableFuture::join).toList();
                assertThat(handled.stream().filter(h -> !h.duplicate()))
                        .as("distinct updates")
                        .hasSize(2);
                assertThat(handled.stream().filter(Handled::duplicate))
                        .as("the repeat")
                        .hasSize(1);
                List<String> replies = a
                        .read(s -> s.handle()
                                .createQuery("SELECT payload FROM outbox WHERE chat_id = :c ORDER BY id")
                                .bind("c", chat.id())
                                .mapTo(String.class)
                                .list())
                        .stream()
                        .map(p -> Json.read(p, Reply.class).text())
                        .toList();
                // One after the other: the first press consented, the second found the consent given
                // (run side by side, both would have read the same state, and one failed to save it).
                assertThat(replies).as("round %d", round).noneMatch(t -> t.contains("Вибачте, сталася помилка"));
                assertThat(replies.subList(replies.size() - 2, replies.size()))
                        .as("round %d", round)
                        .satisfiesExactly(
                                t -> assertThat(t).startsWith("Чим можу допомогти?"),
                                t -> assertThat(t).contains("неактуальна"));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void citizensOnTwoBotsAreHandledInOrderOnceAndTheirRepliesSentOnceInOrder() throws Exception {
        List<Inbound> script = learn(ChatKey.of(Channel.TELEGRAM, "learner"));
        var delivered = Collections.synchronizedList(new ArrayList<Sent>());
        try (Core one = new Core(a, "a", delivered);
                Core two = new Core(b, "b", delivered)) {
            int citizens = 12;
            ExecutorService drivers = Executors.newFixedThreadPool(citizens);
            var done = new ArrayList<CompletableFuture<Void>>();
            for (int c = 0; c < citizens; c++) {
                ChatKey chat = ChatKey.of(Channel.TELEGRAM, "citizen-" + c);
                int start = c % 2;
                done.add(CompletableFuture.runAsync(
                        () -> {
                            // Three updates at once to one instance, then, once they are acknowledged
                            // (recorded, not answered), the next three to the other: each chat's queue
                            // builds up in one instance's inbox while the other takes the next updates.
                            for (int i = 0; i < script.size(); i += 3) {
                                Core on = (i / 3 + start) % 2 == 0 ? one : two;
                                var acks = new ArrayList<CompletableFuture<Handled>>();
                                for (int j = i; j < Math.min(i + 3, script.size()); j++) {
                                    acks.add(on.bot.accept(again(script.get(j), chat)));
                                }
                                acks.forEach(CompletableFuture::join);
                            }
                        },
                        drivers));
            }
            CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get(WITHIN.toSeconds(), TimeUnit.SECONDS);
            drivers.shutdown();
            awaitUntil(() -> pendingOutbox(a) == 0 && inboxRows(a) == 0);

            for (int c = 0; c < citizens; c++) {
                ChatKey chat = ChatKey.of(Channel.TELEGRAM, "citizen-" + c);
                List<Appeal> filed = a.read(s -> s.appeals().byChat(chat, 10));
                List<String> queued = a
                        .read(s -> s.handle()
                                .createQuery("SELECT payload FROM outbox WHERE chat_id = :c ORDER BY id")
                                .bind("c", chat.id())
                                .mapTo(String.class)
                                .list())
                        .stream()
                        .map(p -> Json.read(p, Reply.class).text())
                        .toList();
                assertThat(filed).as("%s filed once; replies %s", chat, queued).singleElement();
                List<String> sent;
                synchronized (delivered) {
                    sent = delivered.stream()
                            .filter(d -> d.chat().equals(chat))
                            .map(d -> d.reply().text())
                            .toList();
                }
                assertThat(sent)
                        .as("%s: every reply sent once, in the order queued", chat)
                        .containsExactlyElementsOf(queued);
                assertThat(sent)
                        .as("%s: every update handled in its turn", chat)
                        .noneMatch(t -> t.contains("неактуальна"));
            }
            Set<String> numbers = new HashSet<>(a.read(s -> s.handle()
                    .createQuery("SELECT num FROM appeal WHERE chat_id LIKE 'citizen-%'")
                    .mapTo(String.class)
                    .list()));
            assertThat(numbers).hasSize(citizens);
        }
    }

    @Test
    void aDispatcherNeverTakesWhatAnotherInstanceHoldsWhileItLives() {
        ChatKey chat = ChatKey.of(Channel.TELEGRAM, "held");
        Instant now = clock.instant();
        // a's in-line reply, then a push due at once behind it.
        OutboxMessage inLine =
                a.unitOfWork().run(s -> s.outbox().enqueue(chat, Reply.text("відповідь"), now.plusSeconds(60), now));
        OutboxMessage push = b.unitOfWork().run(s -> s.outbox().enqueue(chat, Reply.text("статус"), now, now));
        List<OutboxMessage> whileALives = b.unitOfWork().run(s -> s.outbox().due(now, 10));
        assertThat(whileALives).as("b while a lives").isEmpty();
        boolean bInLine = b.unitOfWork().run(s -> s.outbox().inLine(chat));
        assertThat(bInLine).as("b's replies would overtake a's").isFalse();
        boolean aInLine = a.unitOfWork().run(s -> s.outbox().inLine(chat));
        assertThat(aInLine).as("a's next replies would overtake the push").isFalse();

        a.close();
        a = null;
        // a stopped: what it held is b's to send, in order.
        List<OutboxMessage> afterA = b.unitOfWork().run(s -> s.outbox().due(clock.instant(), 10));
        assertThat(afterA).extracting(OutboxMessage::id).containsExactly(inLine.id(), push.id());
        List<OutboxMessage> again = b.unitOfWork().run(s -> s.outbox().due(clock.instant(), 10));
        assertThat(again).as("claimed once").isEmpty();
    }

    @Test
    void dispatchersOnTwoInstancesClaimEachMessageOnceAndEachChatInOrder() throws Exception {
        Instant now = clock.instant();
        int chats = 30;
        int perChat = 10;
        a.unitOfWork().run(s -> {
            for (int i = 0; i < perChat; i++) {
                for (int c = 0; c < chats; c++) {
                    s.outbox()
                            .enqueue(ChatKey.of(Channel.VIBER, "push-" + c), Reply.text("повідомлення " + i), now, now);
                }
            }
            return null;
        });
        Map<Long, String> claimedBy = new ConcurrentHashMap<>();
        Map<ChatKey, List<Long>> order = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        var passes = new ArrayList<CompletableFuture<Void>>();
        for (int p = 0; p < 4; p++) {
            Storage on = p % 2 == 0 ? a : b;
            String name = p % 2 == 0 ? "a" : "b";
            passes.add(CompletableFuture.runAsync(
                    () -> {
                        while (claimedBy.size() < chats * perChat) {
                            // A small batch each time, so that the two instances interleave.
                            List<OutboxMessage> due =
                                    on.unitOfWork().run(s -> s.outbox().due(clock.instant(), 7));
                            for (OutboxMessage m : due) {
                                assertThat(claimedBy.putIfAbsent(m.id(), name))
                                        .as("message %d claimed twice", m.id())
                                        .isNull();
                                order.computeIfAbsent(m.chat(), k -> Collections.synchronizedList(new ArrayList<>()))
                                        .add(m.id());
                            }
                            // Sent at once: the chat's next messages are free for whoever comes.
                            on.unitOfWork().run(s -> {
                                s.outbox()
                                        .markSent(due.stream()
                                                .map(m -> new Outbox.SentMark(m.id(), null, clock.instant()))
                                                .toList());
                                return null;
                            });
                        }
                    },
                    pool));
        }
        CompletableFuture.allOf(passes.toArray(CompletableFuture[]::new)).get(WITHIN.toSeconds(), TimeUnit.SECONDS);
        pool.shutdown();
        assertThat(claimedBy).hasSize(chats * perChat);
        assertThat(new HashSet<>(claimedBy.values()))
                .as("both instances dispatched")
                .containsExactlyInAnyOrder("a", "b");
        order.values().forEach(ids -> assertThat(ids).isSorted());
    }

    @Test
    void aLeaseIsHeldByOneInstanceAtATimeAndTakenOverWhenItsHolderStops() {
        Lease onA = a.lease("job");
        Lease onB = b.lease("job");
        assertThat(onA.held()).isTrue();
        assertThat(onB.held()).isFalse();
        a.close();
        a = null;
        awaitUntil(onB::held);
    }

    @Test
    void aQueueLeftInTheInboxByAStoppedInstanceIsTakenUpByAnother() throws Exception {
        ChatKey chat = ChatKey.of(Channel.VIBER, "left-behind");
        Instant now = clock.instant();
        // a recorded three inbounds of a busy chat and stopped before their turns.
        a.unitOfWork().run(s -> {
            for (String text : List.of("/start", "/help", "/start")) {
                s.inbox().put(Inbound.of(chat, new Event.Text(text), now, null), now);
            }
            return null;
        });
        // A new inbound on b queues behind them rather than jumping ahead.
        Handled h = b.unitOfWork()
                .submit(chat, s -> engine.handle(s, Inbound.of(chat, new Event.Text("/help"), now, "x-1")))
                .join();
        assertThat(h.readInbox()).isTrue();
        var delivered = Collections.synchronizedList(new ArrayList<Sent>());
        try (Core two = new Core(b, "b", delivered)) {
            assertThat(two.bot.takeUpLeftBehind(clock.instant().plusSeconds(1))).isEqualTo(1);
            awaitUntil(() -> inboxRows(b) == 0 && pendingOutbox(b) == 0);
        }
        long queued = b.read(s -> s.handle()
                .createQuery("SELECT COUNT(*) FROM outbox WHERE chat_id = :c")
                .bind("c", chat.id())
                .mapTo(Long.class)
                .one());
        assertThat(queued).isGreaterThanOrEqualTo(4);
        assertThat(delivered).hasSize((int) queued);
    }

    // ---- plumbing -----------------------------------------------------------------------------

    record Sent(String instance, ChatKey chat, Reply reply) {}

    /** The core as the app wires it, on one storage: the bot, the deliverer and the outbox dispatcher. */
    final class Core implements AutoCloseable {
        final ExecutorService pool = Executors.newFixedThreadPool(8);
        final Bot bot;
        final OutboxDispatcher dispatcher;

        Core(Storage storage, String name, List<Sent> delivered) {
            Messenger recording = new Recording(Channel.TELEGRAM, name, delivered);
            Messenger viber = new Recording(Channel.VIBER, name, delivered);
            var deliverer = new Deliverer(List.of(recording, viber), storage.unitOfWork(), clock);
            bot = new Bot(storage.unitOfWork(), engine, deliverer, pool);
            dispatcher = new OutboxDispatcher(storage.unitOfWork(), deliverer, clock, Duration.ofMillis(50));
            dispatcher.start();
        }

        @Override
        public void close() throws InterruptedException {
            dispatcher.close();
            pool.shutdown();
            pool.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    /**
     * A year's first appeals, filed at the same moment by two citizens on two instances: the
     * year's number counter is created by one of them and both appeals get a number (the other
     * instance waits for the counter, it does not fail).
     */
    @Test
    void theFirstAppealsOfAYearFiledAtTheSameMomentOnTwoInstancesBothGetANumber() throws Exception {
        for (int year = 2031; year < 2051; year++) {
            Instant at = java.time.LocalDate.of(year, 3, 1).atTime(10, 0).toInstant(java.time.ZoneOffset.UTC);
            String prefix = "first-of-" + year + "-";
            List<AppealNumber> numbers = onBothAtOnce(on -> {
                ChatKey chat = ChatKey.of(Channel.VIBER, prefix + (on == a ? "a" : "b"));
                NewAppeal appeal = appeal(Channel.VIBER, chat, null, "вул. Європейська, 8");
                return on.unitOfWork()
                        .submit(
                                chat,
                                s -> s.appeals()
                                        .submit(appeal, at, at.plus(Duration.ofDays(1)), at.plus(Duration.ofDays(15))))
                        .join()
                        .number();
            });
            assertThat(numbers.stream().map(AppealNumber::year))
                    .as("year %d", year)
                    .containsOnly(year);
            assertThat(numbers.stream().map(AppealNumber::sequence))
                    .as("year %d", year)
                    .containsExactlyInAnyOrder(1L, 2L);
        }
    }

    /**
     * One appeal changed at the same moment on two instances (an operator resolves it on one while
     * the deadline control marks it overdue, or the geocoder finds its typed address, on the
     * other): the public statistics and the map count each change once, as a recount from the
     * appeals does.
     */
    @Test
    void changesOfOneAppealAtTheSameMomentOnTwoInstancesAreCountedOnceEach() throws Exception {
        Instant filed = clock.instant().minus(Duration.ofDays(3));
        for (int round = 0; round < 40; round++) {
            ChatKey chat = ChatKey.of(Channel.VIBER, "changed-twice-" + round);
            // Odd rounds: a typed address, which the geocoder answers at the same moment.
            boolean geocoded = round % 2 == 1;
            NewAppeal appeal = appeal(
                    Channel.VIBER,
                    chat,
                    geocoded ? null : new ua.zvernennia.core.appeal.GeoPoint(48.46, 35.04),
                    geocoded ? "вул. Європейська, 8" : null);
            AppealNumber number = a.unitOfWork()
                    .run(s -> s.appeals()
                            .submit(appeal, filed, filed.plus(Duration.ofDays(1)), filed.plus(Duration.ofDays(15))))
                    .number();
            Instant now = clock.instant();
            onBothAtOnce(on -> on.unitOfWork().run(s -> {
                if (on == a) {
                    s.appeals()
                            .changeStatus(
                                    number,
                                    ua.zvernennia.core.appeal.AppealStatus.REGISTERED,
                                    ua.zvernennia.core.appeal.AppealStatus.RESOLVED,
                                    "operator",
                                    null,
                                    null,
                                    now);
                } else if (geocoded) {
                    ((JdbiStores) s)
                            .geocodes()
                            .answered(
                                    number.toString(),
                                    new ua.zvernennia.core.appeal.GeoPoint(48.47, 35.05),
                                    now.toEpochMilli());
                } else {
                    assertThat(s.deadlines().markOverdue(number, now)).isTrue();
                }
                return true;
            }));
        }
        Map<String, Map<List<Object>, List<Long>>> kept =
                a.read(s -> counts(((JdbiStores) s).aggregates().snapshot()));
        Map<String, Map<List<Object>, List<Long>>> recounted =
                a.read(s -> counts(((JdbiStores) s).aggregates().recount()));
        assertThat(kept).isEqualTo(recounted);
        Map<String, List<Object>> points =
                a.read(s -> ((JdbiStores) s).aggregates().points());
        Map<String, List<Object>> pointsRecounted =
                a.read(s -> ((JdbiStores) s).aggregates().recountPoints());
        assertThat(points).isEqualTo(pointsRecounted);
    }

    /**
     * Two operators, on two instances, move one appeal at the same moment (a phone appeal, and a
     * citizen's from Viber): the changes are made one after the other, the second from where the
     * first left the appeal, or the second is refused as a conflict; never failed, each change
     * pushed once.
     */
    @Test
    void twoOperatorsMovingOneAppealAtTheSameMomentOnTwoInstancesMakeOneChange() throws Exception {
        var desk = new ua.zvernennia.core.desk.OperatorDesk(clock, ConversationSettings.defaults());
        for (int round = 0; round < 30; round++) {
            ChatKey chat = round % 2 == 0 ? null : ChatKey.of(Channel.VIBER, "moved-twice-" + round);
            NewAppeal appeal = appeal(chat == null ? Channel.PHONE : Channel.VIBER, chat, null, "вул. Європейська, 8");
            Instant at = clock.instant();
            AppealNumber number = a.unitOfWork()
                    .run(s -> s.appeals().submit(appeal, at, at.plus(Duration.ofDays(1)), at.plus(Duration.ofDays(15))))
                    .number();
            List<Object> outcomes = onBothAtOnce(on -> {
                var to = on == a
                        ? ua.zvernennia.core.appeal.AppealStatus.IN_PROGRESS
                        : ua.zvernennia.core.appeal.AppealStatus.RESOLVED;
                try {
                    return on.unitOfWork().run(s -> desk.changeStatus(s, number, to, "Бригада виїхала", "operator"));
                } catch (ua.zvernennia.core.refusal.Refusal r) {
                    return r.kind();
                }
            });
            // One after the other (the second from where the first left it), or the second refused.
            var changes = outcomes.stream()
                    .filter(o -> o instanceof ua.zvernennia.core.desk.OperatorDesk.StatusChanged)
                    .map(o -> (ua.zvernennia.core.desk.OperatorDesk.StatusChanged) o)
                    .sorted(java.util.Comparator.comparingLong(
                            ua.zvernennia.core.desk.OperatorDesk.StatusChanged::eventId))
                    .toList();
            assertThat(outcomes)
                    .as("round %d", round)
                    .allMatch(o -> o instanceof ua.zvernennia.core.desk.OperatorDesk.StatusChanged
                            || o == ua.zvernennia.core.refusal.Refusal.Kind.CONFLICT);
            assertThat(changes).as("round %d", round).isNotEmpty();
            assertThat(changes.get(0).from()).isEqualTo(ua.zvernennia.core.appeal.AppealStatus.REGISTERED);
            if (changes.size() == 2) {
                assertThat(changes.get(1).from()).isEqualTo(changes.get(0).to());
            }
            if (chat != null) {
                long pushes = a.read(s -> s.handle()
                        .createQuery("SELECT COUNT(*) FROM outbox WHERE chat_id = :c")
                        .bind("c", chat.id())
                        .mapTo(Long.class)
                        .one());
                assertThat(pushes).as("a push for each change").isEqualTo(changes.size());
            }
        }
    }

    /**
     * Admins on two instances add a category each at the same moment: the menu has both, in
     * distinct places, and each instance's menu is the database's once it has looked.
     */
    @Test
    void menuEditsAtTheSameMomentOnTwoInstancesAreMadeOneAfterTheOther() throws Exception {
        a.seedCategoriesIfEmpty(ua.zvernennia.core.testing.TestCategories.small());
        ua.zvernennia.core.category.Category model =
                ua.zvernennia.core.testing.TestCategories.small().get(0);
        for (int round = 0; round < 10; round++) {
            String added = "added" + round;
            onBothAtOnce(on -> {
                String id = added + (on == a ? "a" : "b");
                var category = new ua.zvernennia.core.category.Category(
                        id,
                        "Нова " + id,
                        "New " + id,
                        "🆕",
                        model.deadlineClass(),
                        model.executor(),
                        null,
                        0,
                        true,
                        model.issueTypes());
                return on.menuEditor().add(category, 0, "admin", clock.instant());
            });
        }
        List<ua.zvernennia.core.category.Category> menu = a.menuEditor().menu();
        assertThat(menu.stream().map(ua.zvernennia.core.category.Category::id))
                .as("every category added")
                .hasSize(ua.zvernennia.core.testing.TestCategories.small().size() + 20);
        assertThat(menu.stream().map(ua.zvernennia.core.category.Category::position))
                .as("each in a place of its own")
                .doesNotHaveDuplicates();
        for (Storage on : List.of(a, b)) {
            on.read(s -> on.categories().refreshIfChanged(s.handle()));
            assertThat(on.categories().all()).isEqualTo(menu);
        }
    }

    /** Instances probing the database's readiness at the same moment are both answered ready. */
    @Test
    void readinessProbesAtTheSameMomentOnTwoInstancesAreBothReady() throws Exception {
        for (int round = 0; round < 30; round++) {
            assertThat(onBothAtOnce(on -> on.probe(Duration.ofSeconds(10))))
                    .as("round %d", round)
                    .allMatch(Storage.Readiness::ready);
        }
    }

    /**
     * Admins on two instances write the same record at the same moment (a report's narrative, a
     * topic's mapping, a new executor's name): one after the other, never failed by the other's
     * row; a name taken meanwhile is refused as taken.
     */
    @Test
    void adminWritesOfOneRecordAtTheSameMomentOnTwoInstancesAreMadeOneAfterTheOther() throws Exception {
        for (int round = 0; round < 15; round++) {
            String period = "2031-Q" + (1 + round % 4) + "-" + round;
            String name = "КП «Світло-" + round + "»";
            List<String> outcomes = onBothAtOnce(on -> {
                on.write(s -> {
                    s.register().putNarrative(period, "Підсумки кварталу", "admin", clock.instant());
                    s.register().putMapping("water", null, "0" + (on == a ? "1" : "2"), clock.instant());
                    return null;
                });
                try {
                    on.write(s -> s.executors()
                            .create(
                                    new ua.zvernennia.core.executor.Executor(0, name, null, null, false, true),
                                    clock.instant()));
                    return "created";
                } catch (IllegalArgumentException e) {
                    return "taken";
                }
            });
            assertThat(outcomes).as("round %d", round).containsExactlyInAnyOrder("created", "taken");
        }
    }

    /**
     * Two instances at the same moment: two chats send one photo (one download queued), an admin
     * adds one staff member to an executor (one row), admins add intake channels to a register
     * that has only its defaults to come (the defaults written once, both channels added).
     */
    @Test
    void photosStaffAndChannelsAddedAtTheSameMomentOnTwoInstancesAreWrittenOnce() throws Exception {
        long executor = a.write(s -> s.executors()
                        .create(
                                new ua.zvernennia.core.executor.Executor(0, "КП «Ліфтсервіс»", null, null, false, true),
                                clock.instant()))
                .id();
        for (int round = 0; round < 15; round++) {
            var photo = new ua.zvernennia.core.appeal.PhotoRef("file-" + round, "unique-" + round);
            String user = Long.toString(100_000 + round);
            String code = "HOTLINE_" + round;
            onBothAtOnce(on -> on.write(s -> {
                s.media().keep(ChatKey.of(Channel.TELEGRAM, on == a ? "7001" : "7002"), photo, clock.instant());
                s.executors().addStaff(new ua.zvernennia.core.executor.StaffMember(executor, user, "Іван"));
                s.register()
                        .addChannel(
                                new ua.zvernennia.core.register.IntakeChannel(
                                        code + (on == a ? "A" : "B"), "Гаряча лінія", "Телефон", false, false, true, 0),
                                clock.instant());
                return null;
            }));
            String file = photo.fileId();
            long downloads = a.read(s -> s.handle()
                    .createQuery("SELECT COUNT(*) FROM media WHERE file_id = :f")
                    .bind("f", file)
                    .mapTo(Long.class)
                    .one());
            assertThat(downloads).as("round %d: one download", round).isEqualTo(1L);
            long staff = a.read(s -> s.executors().staff(executor).stream()
                    .filter(m -> m.telegramUserId().equals(user))
                    .count());
            assertThat(staff).as("round %d: one staff member", round).isEqualTo(1L);
        }
        List<String> codes = a.read(s -> s.register().channels().stream()
                .map(ua.zvernennia.core.register.IntakeChannel::code)
                .toList());
        assertThat(codes).doesNotHaveDuplicates();
        assertThat(codes)
                .containsAll(ua.zvernennia.core.register.IntakeChannel.DEFAULTS.stream()
                        .map(ua.zvernennia.core.register.IntakeChannel::code)
                        .toList());
        assertThat(codes).hasSize(ua.zvernennia.core.register.IntakeChannel.DEFAULTS.size() + 30);
    }

    /** Runs {@code work} on both instances at the same moment, each on a thread of its own; what each returned, a's first. */
    private <T> List<T> onBothAtOnce(java.util.function.Function<Storage, T> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch go = new CountDownLatch(1);
            var done = new ArrayList<CompletableFuture<T>>();
            for (Storage on : List.of(a, b)) {
                done.add(CompletableFuture.supplyAsync(
                        () -> {
                            awaitLatch(go);
                            return work.apply(on);
                        },
                        pool));
            }
            go.countDown();
            var out = new ArrayList<T>();
            for (var f : done) {
                out.add(f.get(WITHIN.toSeconds(), TimeUnit.SECONDS));
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    /** A citizen's appeal about water, at a point or at a typed address. */
    private static NewAppeal appeal(
            Channel channel, ChatKey chat, ua.zvernennia.core.appeal.GeoPoint point, String placeAddress) {
        return new NewAppeal(
                channel,
                chat,
                ua.zvernennia.core.testing.TestCategories.small().get(0),
                null,
                "Третій день немає холодної води в будинку",
                List.of(),
                point,
                placeAddress,
                new PersonName("Олена", "Коваленко"),
                "вул. Європейська, 8, кв. 3",
                new Phone("+380671112233"));
    }

    /** The aggregates' counts by table and key (their sums of times are not compared exactly). */
    private static Map<String, Map<List<Object>, List<Long>>> counts(
            Map<String, Map<List<Object>, OpenMapAggregates.Values>> tables) {
        var out = new java.util.TreeMap<String, Map<List<Object>, List<Long>>>();
        tables.forEach((table, rows) -> {
            var byKey = new java.util.HashMap<List<Object>, List<Long>>();
            rows.forEach((key, v) -> {
                if (!v.isZero()) {
                    byKey.put(key, java.util.Arrays.stream(v.counts()).boxed().toList());
                }
            });
            out.put(table, byKey);
        });
        return out;
    }

    /** The script's inbounds as the bot takes them, learnt by driving one chat step by step on a. */
    private List<Inbound> learn(ChatKey chat) {
        var inbounds = new ArrayList<Inbound>();
        List<Reply> last = List.of();
        for (String step : SCRIPT) {
            Event event;
            if (step.startsWith("press:")) {
                String label = step.substring("press:".length());
                Button button = last.stream()
                        .flatMap(r -> r.keyboard().buttons().stream())
                        .filter(x -> x.display().equals(label) || x.label().equals(label))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError("no button «" + label + "»"));
                event = new Event.ButtonPress(button.id());
            } else {
                event = new Event.Text(step);
            }
            Inbound in = Inbound.of(chat, event, clock.instant(), null);
            inbounds.add(in);
            Handled h = step(a, in);
            markSent(a, h);
            last = h.replies().stream().map(OutboxMessage::reply).toList();
        }
        assertThat(last).anyMatch(r -> r.text().contains("№ "));
        return inbounds;
    }

    private static final java.util.concurrent.atomic.AtomicLong UPDATE_IDS =
            new java.util.concurrent.atomic.AtomicLong();

    private Inbound again(Inbound learnt, ChatKey chat) {
        return Inbound.of(chat, learnt.event(), clock.instant(), "update-" + UPDATE_IDS.incrementAndGet());
    }

    private Handled step(Storage on, Inbound in) {
        return on.unitOfWork().submit(in.chat(), s -> engine.handle(s, in)).join();
    }

    /** As the in-line send would, once the replies went out. */
    private void markSent(Storage on, Handled h) {
        on.unitOfWork().run(s -> {
            s.outbox()
                    .markSent(h.replies().stream()
                            .map(m -> new Outbox.SentMark(m.id(), null, clock.instant()))
                            .toList());
            return null;
        });
    }

    private static long pendingOutbox(Storage s) {
        return s.read(st -> st.handle()
                .createQuery("SELECT COUNT(*) FROM outbox WHERE status = 'PENDING'")
                .mapTo(Long.class)
                .one());
    }

    private static long inboxRows(Storage s) {
        return s.read(st -> st.handle()
                .createQuery("SELECT COUNT(*) FROM inbox")
                .mapTo(Long.class)
                .one());
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void awaitUntil(BooleanSupplier condition) {
        long until = System.nanoTime() + WITHIN.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("within " + WITHIN).isLessThan(until);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** A messenger of {@code channel} that records what instance {@code name} sent. */
    private record Recording(Channel channel, String name, List<Sent> delivered) implements Messenger {
        @Override
        public Delivery send(ChatKey chat, Reply reply) {
            delivered.add(new Sent(name, chat, reply));
            return new Delivery.Sent(null);
        }
    }
}
