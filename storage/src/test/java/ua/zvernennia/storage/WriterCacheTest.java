package ua.zvernennia.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import ua.zvernennia.core.chat.Channel;
import ua.zvernennia.core.chat.ChatKey;
import ua.zvernennia.core.citizen.Citizen;
import ua.zvernennia.core.conversation.ConversationState;
import ua.zvernennia.core.conversation.Draft;
import ua.zvernennia.core.conversation.Step;

/** The writer keeps recent chats' rows in memory: it must only ever show what was committed. */
class WriterCacheTest {
    static final Instant T0 = Instant.parse("2026-07-01T10:00:00Z");
    final Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
    final ChatKey chat = ChatKey.of(Channel.TELEGRAM, "cache-1");

    @TempDir
    Path dir;

    Storage storage;

    @AfterEach
    void close() {
        storage.close();
    }

    @ParameterizedTest
    @MethodSource("ua.zvernennia.storage.TestDatabases#dialects")
    void aSaveRolledBackWithItsUnitIsNotRemembered(Dialect dialect) throws Exception {
        storage = TestDatabases.open(dialect, dir, clock);
        var uow = storage.unitOfWork();
        ConversationState first = uow.run(
                s -> s.conversations().save(chat, new ConversationState(Step.MAIN_MENU, Draft.EMPTY, 0, "uk", 0)));
        ConversationState read = uow.run(s -> s.conversations().load(chat)).orElseThrow();
        assertThat(read).isEqualTo(first);

        // A neighbour in the same group commit keeps the transaction alive while this unit rolls back.
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Object> blocker = uow.submit(s -> {
            GroupCommitTest.await(release);
            return null;
        });
        CompletableFuture<Object> failing = uow.submit(s -> {
            s.conversations().save(chat, first.at(Step.CATEGORY, Draft.EMPTY, 0));
            throw new IllegalStateException("rolled back");
        });
        CompletableFuture<Object> neighbour = uow.submit(s -> {
            s.citizens().recordConsent(ChatKey.of(Channel.VIBER, "n"), T0, "uk");
            return null;
        });
        release.countDown();
        blocker.get();
        assertThatThrownBy(failing::join).hasRootCauseMessage("rolled back");
        neighbour.get();

        ConversationState after = uow.run(s -> s.conversations().load(chat)).orElseThrow();
        assertThat(after.step()).isEqualTo(Step.MAIN_MENU);
        assertThat(after.version()).isEqualTo(first.version());
        ConversationState fromDisk =
                storage.read(s -> s.conversations().load(chat)).orElseThrow();
        assertThat(after).isEqualTo(fromDisk);
    }

    @ParameterizedTest
    @MethodSource("ua.zvernennia.storage.TestDatabases#dialects")
    void citizenChangesAreSeenByTheNextTurn(Dialect dialect) {
        storage = TestDatabases.open(dialect, dir, clock);
        var uow = storage.unitOfWork();
        Optional<Citizen> none = uow.run(s -> s.citizens().find(chat));
        assertThat(none).isEmpty();
        // Known absent, then consent in a later unit: the next find must see the citizen.
        uow.run(s -> {
            s.citizens().recordConsent(chat, T0, "uk");
            return null;
        });
        Optional<Citizen> consented = uow.run(s -> s.citizens().find(chat));
        assertThat(consented).isPresent().get().extracting(Citizen::reachable).isEqualTo(true);

        uow.run(s -> {
            s.citizens().setReachable(chat, false, "blocked", T0);
            // Within the same transaction the change is visible too.
            assertThat(s.citizens().find(chat))
                    .get()
                    .extracting(Citizen::reachable)
                    .isEqualTo(false);
            return null;
        });
        Optional<Citizen> blocked = uow.run(s -> s.citizens().find(chat));
        assertThat(blocked).get().extracting(Citizen::reachable).isEqualTo(false);
    }
}
