package ua.zvernennia.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import ua.zvernennia.core.chat.Channel;
import ua.zvernennia.core.chat.ChatKey;
import ua.zvernennia.core.chat.Delivery;
import ua.zvernennia.core.chat.Event;
import ua.zvernennia.core.chat.Inbound;
import ua.zvernennia.core.chat.Messenger;
import ua.zvernennia.core.chat.Reply;
import ua.zvernennia.core.conversation.ConversationMachine;
import ua.zvernennia.core.conversation.ConversationSettings;
import ua.zvernennia.core.conversation.ConversationState;
import ua.zvernennia.core.conversation.Step;
import ua.zvernennia.core.delivery.Deliverer;
import ua.zvernennia.core.testing.Await;
import ua.zvernennia.core.testing.MemoryStores;
import ua.zvernennia.core.testing.TestCategories;

class BotTest {
    final Clock clock = Clock.fixed(Instant.parse("2026-04-01T10:00:00Z"), ZoneOffset.UTC);
    final MemoryStores stores = new MemoryStores(TestCategories.small());
    final ExecutorService pool = Executors.newFixedThreadPool(8);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    Bot bot(UnitOfWork uow, Messenger messenger) {
        return new Bot(
                uow,
                new ConversationEngine(new ConversationMachine(ConversationSettings.defaults()), clock),
                new Deliverer(List.of(messenger), uow, clock),
                pool);
    }

    Inbound text(ChatKey chat, String text, String id) {
        return Inbound.of(chat, new Event.Text(text), clock.instant(), id);
    }

    @Test
    void oneChatsUpdatesAreHandledInOrderAndRepliesFollowCommits() throws Exception {
        ChatKey chat = ChatKey.of(Channel.TELEGRAM, "1");
        List<String> seen = new CopyOnWriteArrayList<>();
        List<Boolean> committedBeforeSend = new CopyOnWriteArrayList<>();
        Messenger messenger = messenger(Channel.TELEGRAM, (c, reply) -> {
            // The reply's outbox row must already be committed when it is sent.
            committedBeforeSend.add(stores.outboxRows().stream()
                    .anyMatch(r -> r.message().reply().equals(reply)));
            seen.add(reply.text());
            return new Delivery.Sent("m");
        });
        Bot bot = bot(stores, messenger);
        List<CompletableFuture<Handled>> all = new ArrayList<>();
        all.add(bot.accept(text(chat, "/start", "1")));
        all.add(bot.accept(Inbound.of(chat, new Event.ButtonPress("consent_yes"), clock.instant(), "2")));
        all.add(bot.accept(Inbound.of(chat, new Event.ButtonPress("new"), clock.instant(), "3")));
        all.add(bot.accept(Inbound.of(chat, new Event.ButtonPress("cat:lifts"), clock.instant(), "4")));
        for (var f : all) {
            f.get(10, TimeUnit.SECONDS);
        }
        awaitUntil(() -> bot.busyChats() == 0);

        assertThat(seen).hasSize(5);
        assertThat(seen.get(0)).contains("Вітаю");
        assertThat(seen.get(1)).contains("Дякуємо");
        assertThat(seen.get(3)).contains("Оберіть напрямок");
        assertThat(seen.get(4)).contains("Опишіть проблему");
        assertThat(committedBeforeSend).containsOnly(true);
    }

    @Test
    void aChatWhoseRepliesHangHoldsUpNeitherItsNextUpdateNorAnotherChat() throws Exception {
        ChatKey slow = ChatKey.of(Channel.TELEGRAM, "slow");
        ChatKey fast = ChatKey.of(Channel.TELEGRAM, "fast");
        CountDownLatch release = new CountDownLatch(1);
        List<String> slowSeen = new CopyOnWriteArrayList<>();
        Messenger messenger = messenger(Channel.TELEGRAM, (c, reply) -> {
            if (c.equals(slow)) {
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                slowSeen.add(reply.text());
            }
            return new Delivery.Sent("m");
        });
        Bot bot = bot(stores, messenger);
        bot.accept(text(slow, "/start", "s1")).get(10, TimeUnit.SECONDS);
        // Its first reply is stuck in sending; the next update is still taken and acknowledged.
        Handled slowSecond = bot.accept(text(slow, "/help", "s2")).get(10, TimeUnit.SECONDS);
        Handled fastDone = bot.accept(text(fast, "/start", "f1")).get(10, TimeUnit.SECONDS);

        assertThat(slowSecond.duplicate()).isFalse();
        assertThat(fastDone.replies()).isNotEmpty();
        release.countDown();
        awaitUntil(() -> bot.busyChats() == 0);
        assertThat(slowSeen.get(0)).contains("Вітаю");
        assertThat(slowSeen).hasSizeGreaterThan(1);
    }

    @Test
    void aLongQueueIsAcknowledgedAtOnceKeptInTheInboxAndHandledInOrder() throws Exception {
        ChatKey chat = ChatKey.of(Channel.TELEGRAM, "queue");
        CompletableFuture<Void> gate = new CompletableFuture<>();
        AtomicBoolean first = new AtomicBoolean(true);
        // The chat's first turn (queued for the writer as it arrives, the chat being idle) commits
        // only when the gate opens; everything after it queues, and what is submitted next is the
        // queued ones' records.
        UnitOfWork slowFirst = new UnitOfWork() {
            @Override
            public <T> CompletableFuture<T> submit(Work<T> work) {
                CompletableFuture<T> done = stores.submit(work);
                return first.getAndSet(false) ? gate.thenCompose(x -> done) : done;
            }
        };
        var sent = new CopyOnWriteArrayList<String>();
        Bot bot = bot(slowFirst, messenger(Channel.TELEGRAM, (c, reply) -> {
            sent.add(reply.text());
            return new Delivery.Sent("m");
        }));
        CompletableFuture<Handled> start = bot.accept(text(chat, "/start", "u0"));
        List<Inbound> rest = new ArrayList<>();
        rest.add(Inbound.of(chat, new Event.ButtonPress("consent_yes"), clock.instant(), "u1"));
        rest.add(Inbound.of(chat, new Event.ButtonPress("new"), clock.instant(), "u2"));
        rest.add(Inbound.of(chat, new Event.ButtonPress("cat:lifts"), clock.instant(), "u3"));
        rest.add(text(chat, "Не працює ліфт у підʼїзді вже тиждень", "u4"));
        int more = 3 * Bot.IN_MEMORY_PER_CHAT;
        for (int i = 0; i < more; i++) {
            rest.add(text(chat, "ще одне повідомлення " + i, "m" + i));
        }
        for (Inbound inbound : rest) {
            assertThat(bot.accept(inbound).get(10, TimeUnit.SECONDS)).isEqualTo(Handled.QUEUED);
        }
        assertThat(start).isNotDone();
        assertThat(stores.inbox()).hasSize(rest.size());

        gate.complete(null);
        start.get(10, TimeUnit.SECONDS);
        awaitUntil(() -> bot.busyChats() == 0);
        assertThat(stores.inbox()).isEmpty();
        // Only in order do the presses lead through consent and the menu to the description.
        assertThat(stores.conversation(chat))
                .get()
                .extracting(ConversationState::step)
                .isEqualTo(Step.PHOTOS);
        assertThat(sent).filteredOn(t -> t.contains("Опишіть проблему")).hasSize(1);
        // A re-delivery of a queued update is still a duplicate.
        assertThat(bot.accept(text(chat, "ще одне повідомлення 0", "m0"))
                        .get(10, TimeUnit.SECONDS)
                        .duplicate())
                .isTrue();
    }

    @Test
    void whatTheInboxHoldsFromBeforeARestartIsHandledFirst() throws Exception {
        ChatKey chat = ChatKey.of(Channel.VIBER, "restarted");
        stores.run(s -> s.inbox().put(text(chat, "/start", "r1"), clock.instant()));
        stores.run(s -> s.inbox()
                .put(Inbound.of(chat, new Event.ButtonPress("consent_yes"), clock.instant(), "r2"), clock.instant()));
        var sent = new CopyOnWriteArrayList<String>();
        Bot bot = bot(stores, messenger(Channel.VIBER, (c, reply) -> {
            sent.add(reply.text());
            return new Delivery.Sent("m");
        }));
        bot.resume();
        bot.accept(Inbound.of(chat, new Event.ButtonPress("new"), clock.instant(), "r3"))
                .get(10, TimeUnit.SECONDS);
        awaitUntil(() -> bot.busyChats() == 0);
        assertThat(stores.inbox()).isEmpty();
        assertThat(stores.conversation(chat))
                .get()
                .extracting(ConversationState::step)
                .isEqualTo(Step.CATEGORY);
        assertThat(sent.get(0)).contains("Вітаю");
    }

    @Test
    void aFloodIsToldOnceToSlowDownAndItsExcessDropped() throws Exception {
        ChatKey chat = ChatKey.of(Channel.TELEGRAM, "flood");
        var sent = new CopyOnWriteArrayList<String>();
        Bot bot = new Bot(
                stores,
                new ConversationEngine(new ConversationMachine(ConversationSettings.defaults()), clock),
                new Deliverer(
                        List.of(messenger(Channel.TELEGRAM, (c, reply) -> {
                            sent.add(reply.text());
                            return new Delivery.Sent("m");
                        })),
                        stores,
                        clock),
                pool,
                new FloodSettings(5, Duration.ofMinutes(10), Duration.ofSeconds(2)));
        int dropped = 0;
        for (int i = 0; i < 30; i++) {
            Handled h = bot.accept(text(chat, "/help", "f" + i)).get(10, TimeUnit.SECONDS);
            if (h == Handled.DROPPED) {
                dropped++;
            }
        }
        awaitUntil(() -> bot.busyChats() == 0);
        assertThat(dropped).isEqualTo(25);
        assertThat(sent).filteredOn(t -> t.contains("не так швидко")).hasSize(1);
        assertThat(sent.get(sent.size() - 1))
                .as("the notice comes after the handled ones' replies")
                .contains("не так швидко");
    }

    @Test
    void theSameButtonPressedFiveTimesQuicklyDoesTheThingOnce() throws Exception {
        ChatKey chat = ChatKey.of(Channel.TELEGRAM, "presses");
        var sent = new CopyOnWriteArrayList<String>();
        Bot bot = new Bot(
                stores,
                new ConversationEngine(new ConversationMachine(ConversationSettings.defaults()), clock),
                new Deliverer(
                        List.of(messenger(Channel.TELEGRAM, (c, reply) -> {
                            sent.add(reply.text());
                            return new Delivery.Sent("m");
                        })),
                        stores,
                        clock),
                pool,
                FloodSettings.defaults());
        bot.accept(text(chat, "/start", "p0")).get(10, TimeUnit.SECONDS);
        for (int i = 1; i <= 5; i++) {
            bot.accept(Inbound.of(chat, new Event.ButtonPress("consent_yes"), clock.instant(), "p" + i))
                    .get(10, TimeUnit.SECONDS);
        }
        awaitUntil(() -> bot.busyChats() == 0);
        assertThat(sent).filteredOn(t -> t.contains("Дякуємо")).hasSize(1);
        assertThat(sent).filteredOn(t -> t.contains("не так швидко")).isEmpty();
    }

    @Test
    void aTurnThatThrowsIsAnsweredWithAnApologyAndAcknowledged() throws Exception {
        ChatKey chat = ChatKey.of(Channel.VIBER, "v1");
        AtomicBoolean failNext = new AtomicBoolean(true);
        UnitOfWork failingOnce = new UnitOfWork() {
            @Override
            public <T> CompletableFuture<T> submit(Work<T> work) {
                return stores.submit(s -> {
                    if (failNext.getAndSet(false)) {
                        throw new IllegalStateException("a bug in a turn");
                    }
                    return work.apply(s);
                });
            }
        };
        var sent = new CopyOnWriteArrayList<String>();
        Messenger messenger = messenger(Channel.VIBER, (c, reply) -> {
            sent.add(reply.text());
            return new Delivery.Sent("m");
        });
        Bot bot = bot(failingOnce, messenger);
        Handled handled = bot.accept(text(chat, "/start", "t1")).get(10, TimeUnit.SECONDS);
        assertThat(handled.duplicate()).isFalse();
        awaitUntil(() -> !sent.isEmpty());
        assertThat(sent).singleElement().asString().contains("Вибачте");

        // The update is recorded as handled: a re-delivery does nothing.
        assertThat(bot.accept(text(chat, "/start", "t1"))
                        .get(10, TimeUnit.SECONDS)
                        .duplicate())
                .isTrue();
    }

    /** A messenger of {@code channel} whose sends {@code send} answers. */
    static Messenger messenger(Channel channel, BiFunction<ChatKey, Reply, Delivery> send) {
        return new Messenger() {
            @Override
            public Channel channel() {
                return channel;
            }

            @Override
            public Delivery send(ChatKey chat, Reply reply) {
                return send.apply(chat, reply);
            }
        };
    }

    static void awaitUntil(java.util.function.BooleanSupplier condition) {
        Await.until("the bot's work", condition);
    }
}
