package ua.zvernennia.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import ua.zvernennia.core.appeal.Appeal;
import ua.zvernennia.core.appeal.NewAppeal;
import ua.zvernennia.core.appeal.PersonName;
import ua.zvernennia.core.appeal.Phone;
import ua.zvernennia.core.category.Category;
import ua.zvernennia.core.chat.Channel;
import ua.zvernennia.core.chat.ChatKey;
import ua.zvernennia.core.citizen.Citizen;
import ua.zvernennia.core.engine.UnitOfWork;
import ua.zvernennia.core.testing.Await;

class GroupCommitTest {
    final Clock clock = Clock.fixed(Instant.parse("2026-02-01T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @ParameterizedTest
    @MethodSource("ua.zvernennia.storage.TestDatabases#dialects")
    void hundredConcurrentSubmissionsGetHundredDistinctNumbers(Dialect dialect) throws Exception {
        try (Storage storage = TestDatabases.open(dialect, dir, clock)) {
            Category lifts = storage.categories().find("lifts").orElseThrow();
            ExecutorService pool = Executors.newFixedThreadPool(16);
            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<Appeal>> futures = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                ChatKey chat = ChatKey.of(Channel.TELEGRAM, "c" + i);
                NewAppeal appeal = new NewAppeal(
                        Channel.TELEGRAM,
                        chat,
                        lifts,
                        null,
                        "Ліфт стоїть, заявка " + i,
                        List.of(),
                        null,
                        "вул. Центральна, " + i,
                        new PersonName("Іван", "Петренко"),
                        "вул. Центральна, " + i,
                        new Phone("+380501234567"));
                futures.add(CompletableFuture.supplyAsync(
                        () -> {
                            await(start);
                            return storage.unitOfWork()
                                    .run(s -> s.appeals()
                                            .submit(appeal, clock.instant(), clock.instant(), clock.instant()));
                        },
                        pool));
            }
            start.countDown();
            var numbers = new HashSet<String>();
            for (var f : futures) {
                numbers.add(f.get().number().toString());
            }
            pool.shutdown();

            assertThat(numbers).hasSize(100).contains("2026-000001", "2026-000100");
            Integer stored = storage.database()
                    .jdbi()
                    .withHandle(h -> h.createQuery("SELECT COUNT(DISTINCT num) FROM appeal")
                            .mapTo(Integer.class)
                            .one());
            assertThat(stored).isEqualTo(100);
        }
    }

    @ParameterizedTest
    @MethodSource("ua.zvernennia.storage.TestDatabases#dialects")
    void aFailingWorkIsRolledBackAloneWhileItsNeighboursCommit(Dialect dialect) throws Exception {
        try (Storage storage = TestDatabases.open(dialect, dir, clock)) {
            // Hold the writer busy so that the next works queue up and share one transaction.
            CountDownLatch release = new CountDownLatch(1);
            CompletableFuture<Object> blocker = storage.unitOfWork().submit(s -> {
                await(release);
                return null;
            });
            List<CompletableFuture<Object>> works = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                ChatKey chat = ChatKey.of(Channel.VIBER, "v" + i);
                boolean fail = i == 4;
                works.add(storage.unitOfWork().submit(s -> {
                    s.citizens().recordConsent(chat, clock.instant(), "uk");
                    if (fail) {
                        throw new IllegalStateException("boom");
                    }
                    return null;
                }));
            }
            release.countDown();
            blocker.get();
            for (int i = 0; i < works.size(); i++) {
                if (i == 4) {
                    assertThat(works.get(i)).failsWithin(java.time.Duration.ofSeconds(10));
                } else {
                    assertThat(works.get(i)).succeedsWithin(java.time.Duration.ofSeconds(10));
                }
            }
            for (int i = 0; i < 10; i++) {
                ChatKey chat = ChatKey.of(Channel.VIBER, "v" + i);
                java.util.Optional<Citizen> citizen =
                        storage.unitOfWork().run(s -> s.citizens().find(chat));
                assertThat(citizen.isPresent()).as("citizen v" + i).isEqualTo(i != 4);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("ua.zvernennia.storage.TestDatabases#dialects")
    void deferredWorkWaitsForTheNextCommitAndJoinsIt(Dialect dialect) throws Exception {
        try (Storage storage = TestDatabases.open(dialect, dir, clock)) {
            ChatKey early = ChatKey.of(Channel.TELEGRAM, "deferred");
            JdbiUnitOfWork writer = (JdbiUnitOfWork) storage.unitOfWork();
            long looked = writer.idleRounds();
            CompletableFuture<Object> deferred =
                    storage.unitOfWork().submitDeferred(consent(early), Duration.ofMinutes(10));
            // Two empty rounds after the submission: the writer has seen the deferred work and left it.
            Await.until("the writer to look at its queues twice", () -> writer.idleRounds() >= looked + 2);
            assertThat(deferred.isDone())
                    .as("deferred work alone, long before its delay, is done")
                    .isFalse();
            assertThat(known(storage, early)).isFalse();

            storage.unitOfWork().run(consent(ChatKey.of(Channel.TELEGRAM, "turn")));
            deferred.get(10, TimeUnit.SECONDS);
            assertThat(known(storage, early)).isTrue();
        }
    }

    @ParameterizedTest
    @MethodSource("ua.zvernennia.storage.TestDatabases#dialects")
    void deferredWorkRunsAheadOfTheWorkQueuedBehindIt(Dialect dialect) throws Exception {
        try (Storage storage = TestDatabases.open(dialect, dir, clock)) {
            CountDownLatch release = new CountDownLatch(1);
            CompletableFuture<Object> blocker = storage.unitOfWork().submit(s -> {
                await(release);
                return null;
            });
            ChatKey chat = ChatKey.of(Channel.TELEGRAM, "deferred");
            storage.unitOfWork().submitDeferred(consent(chat), Duration.ofMinutes(10));
            CompletableFuture<Boolean> seen =
                    storage.unitOfWork().submit(s -> s.citizens().find(chat).isPresent());
            release.countDown();
            blocker.get(10, TimeUnit.SECONDS);
            assertThat(seen.get(10, TimeUnit.SECONDS))
                    .as("the later work sees what the deferred one wrote")
                    .isTrue();
        }
    }

    @ParameterizedTest
    @MethodSource("ua.zvernennia.storage.TestDatabases#dialects")
    void deferredWorkCommitsAloneOnceItsDelayIsOver(Dialect dialect) throws Exception {
        try (Storage storage = TestDatabases.open(dialect, dir, clock)) {
            ChatKey chat = ChatKey.of(Channel.TELEGRAM, "deferred");
            storage.unitOfWork()
                    .submitDeferred(consent(chat), Duration.ofMillis(50))
                    .get(10, TimeUnit.SECONDS);
            assertThat(known(storage, chat)).isTrue();
        }
    }

    @ParameterizedTest
    @MethodSource("ua.zvernennia.storage.TestDatabases#dialects")
    void closingCommitsDeferredWork(Dialect dialect) throws Exception {
        ChatKey chat = ChatKey.of(Channel.TELEGRAM, "deferred");
        CompletableFuture<Object> deferred;
        try (Storage storage = TestDatabases.open(dialect, dir, clock)) {
            deferred = storage.unitOfWork().submitDeferred(consent(chat), Duration.ofMinutes(10));
        }
        assertThat(deferred.isDone() && !deferred.isCompletedExceptionally())
                .as("committed on close")
                .isTrue();
        try (Storage storage = TestDatabases.open(dialect, dir, clock)) {
            assertThat(known(storage, chat)).isTrue();
        }
    }

    /** Work that records the chat's consent: the citizen row is then there to look for. */
    private UnitOfWork.Work<Object> consent(ChatKey chat) {
        return s -> {
            s.citizens().recordConsent(chat, clock.instant(), "uk");
            return null;
        };
    }

    private static boolean known(Storage storage, ChatKey chat) {
        Boolean found = storage.read(s -> s.citizens().find(chat).isPresent());
        return found;
    }

    static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
