package ua.zvernennia.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import ua.zvernennia.core.chat.Channel;
import ua.zvernennia.core.chat.ChatKey;
import ua.zvernennia.core.chat.Reply;
import ua.zvernennia.core.conversation.ConversationState;
import ua.zvernennia.core.engine.StorageUnavailableException;
import ua.zvernennia.core.testing.Await;

/**
 * The database's disk runs full under the running writer, then gets room again: work fails with
 * {@link StorageUnavailableException} (never hangs), readiness says why, and once there is room
 * the same storage commits again without being reopened, with every reported commit there once
 * and nothing of the refused work. On a real tmpfs of 3 MB (needs root, as on CI).
 */
class FullDiskTest {
    private static final Duration NO_HANG = Duration.ofSeconds(60);
    private static final String TEXT = "Опишіть проблему якомога докладніше: адреса, під'їзд, поверх. ".repeat(30);

    final Clock clock = Clock.systemUTC();

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(
            value = Dialect.class,
            names = {"H2", "SQLITE"})
    void aFullDiskRefusesWorkAndTheStorageHealsWhenThereIsRoomAgain(Dialect dialect) throws Exception {
        if (!Ci.running()) {
            assumeTrue(SmallDisk.canMount(), "mounting a small tmpfs needs root");
        }
        try (SmallDisk disk = SmallDisk.mount(dir, "32m");
                Storage storage = TestDatabases.open(dialect, disk.path(), clock)) {
            List<String> committed = new ArrayList<>();
            List<String> refused = new ArrayList<>();
            int n = 0;
            for (; n < 20; n++) {
                turn(storage, "c" + n).get(NO_HANG.toSeconds(), TimeUnit.SECONDS);
                committed.add("c" + n);
            }
            assertThat(storage.readiness(Duration.ofSeconds(5)).ready()).isTrue();

            disk.fill();
            // Whatever still fits in the file's free pages commits; the rest is refused, quickly.
            while (refused.isEmpty() && n < 5_000) {
                String chat = "c" + n++;
                try {
                    turn(storage, chat).get(NO_HANG.toSeconds(), TimeUnit.SECONDS);
                    committed.add(chat);
                } catch (ExecutionException e) {
                    assertThat(e.getCause()).isInstanceOf(StorageUnavailableException.class);
                    refused.add(chat);
                }
            }
            assertThat(refused).as("work refused on a full disk").isNotEmpty();
            // Right after a refusal the check says so, whether or not its own tiny commit would fit.
            for (int i = 0; i < 3; i++) {
                assertThat(storage.readiness(Duration.ofSeconds(5)).ready())
                        .as("ready right after a refused commit")
                        .isFalse();
            }
            await(() -> {
                Storage.Readiness r = storage.readiness(Duration.ofSeconds(5));
                return !r.ready() && r.reason() != null;
            });

            disk.free();
            await(() -> storage.readiness(Duration.ofSeconds(5)).ready());
            for (int i = 0; i < 20; i++) {
                String chat = "c" + n++;
                turn(storage, chat).get(NO_HANG.toSeconds(), TimeUnit.SECONDS);
                committed.add(chat);
            }

            for (String chat : committed) {
                assertThat(outboxRows(storage, chat))
                        .as("reported commit of %s", chat)
                        .isEqualTo(1);
            }
            for (String chat : refused) {
                assertThat(outboxRows(storage, chat))
                        .as("refused work of %s", chat)
                        .isZero();
            }
        }
    }

    private CompletableFuture<ConversationState> turn(Storage storage, String id) {
        ChatKey chat = ChatKey.of(Channel.TELEGRAM, id);
        return storage.unitOfWork().submit(s -> {
            s.outbox().enqueue(chat, Reply.text(TEXT), clock.instant(), clock.instant());
            return s.conversations().save(chat, ConversationState.fresh());
        });
    }

    private static long outboxRows(Storage storage, String chat) {
        return storage.read(s -> s.handle()
                .createQuery("SELECT COUNT(*) FROM outbox WHERE chat_id = :c")
                .bind("c", chat)
                .mapTo(Long.class)
                .one());
    }

    /** Polls until the condition holds; fails after a minute (a hang, not a slow machine). */
    static void await(BooleanSupplier condition) {
        Await.until("the storage's state", condition);
    }
}
