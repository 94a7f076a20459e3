package ua.zvernennia.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import ua.zvernennia.core.chat.Channel;
import ua.zvernennia.core.chat.ChatKey;
import ua.zvernennia.core.chat.Reply;
import ua.zvernennia.core.conversation.ConversationState;
import ua.zvernennia.core.engine.StorageUnavailableException;

/**
 * The PostgreSQL server goes away under the running writer and comes back: work fails with
 * {@link StorageUnavailableException} rather than hanging, readiness says why, and the same
 * storage commits again once the server is back, with every reported commit there once.
 */
class PostgresOutageTest {
    private static final Duration NO_HANG = Duration.ofSeconds(60);

    final Clock clock = Clock.systemUTC();

    @Test
    void aStoppedServerRefusesWorkAndTheStorageHealsWhenItIsBack() throws Exception {
        Path bin = ThrowAwayPostgres.binaries();
        if (!Ci.running()) {
            assumeTrue(bin != null, ThrowAwayPostgres.BIN_ENV + " names no PostgreSQL binaries");
        }
        assertThat(bin).as(ThrowAwayPostgres.BIN_ENV + " on CI").isNotNull();
        try (ThrowAwayPostgres server = ThrowAwayPostgres.start(bin);
                Storage storage = Storage.open(server.url(), null, null, clock, TestDatabases.KYIV)) {
            List<String> committed = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                turn(storage, "before-" + i);
                committed.add("before-" + i);
            }

            server.stopServer();
            ExecutionException refused = null;
            try {
                storage.unitOfWork()
                        .submit(s ->
                                s.conversations().save(ChatKey.of(Channel.VIBER, "during"), ConversationState.fresh()))
                        .get(NO_HANG.toSeconds(), TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                refused = e;
            }
            assertThat(refused).as("work while the server is down").isNotNull();
            assertThat(refused.getCause()).isInstanceOf(StorageUnavailableException.class);
            Storage.Readiness down = storage.readiness(Duration.ofSeconds(10));
            assertThat(down.ready()).isFalse();
            assertThat(down.reason()).isNotBlank();

            server.startServer();
            FullDiskTest.await(() -> storage.readiness(Duration.ofSeconds(10)).ready());
            for (int i = 0; i < 10; i++) {
                turn(storage, "after-" + i);
                committed.add("after-" + i);
            }
            for (String chat : committed) {
                long rows = storage.read(s -> s.handle()
                        .createQuery("SELECT COUNT(*) FROM outbox WHERE chat_id = :c")
                        .bind("c", chat)
                        .mapTo(Long.class)
                        .one());
                assertThat(rows).as(chat).isEqualTo(1);
            }
            long during = storage.read(s -> s.handle()
                    .createQuery("SELECT COUNT(*) FROM conversation WHERE chat_id = 'during'")
                    .mapTo(Long.class)
                    .one());
            assertThat(during).as("refused work").isZero();
        }
    }

    private void turn(Storage storage, String id) throws Exception {
        ChatKey chat = ChatKey.of(Channel.TELEGRAM, id);
        storage.unitOfWork()
                .submit(s -> {
                    s.outbox().enqueue(chat, Reply.text("Вітаю!"), clock.instant(), clock.instant());
                    return s.conversations().save(chat, ConversationState.fresh());
                })
                .get(NO_HANG.toSeconds(), TimeUnit.SECONDS);
    }
}
