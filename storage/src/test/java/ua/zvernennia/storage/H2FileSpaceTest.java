package ua.zvernennia.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ua.zvernennia.core.chat.Channel;
import ua.zvernennia.core.chat.ChatKey;
import ua.zvernennia.core.chat.Reply;
import ua.zvernennia.core.conversation.ConversationState;

/**
 * H2 writes each commit as a new chunk of the pages it changed. A chunk whose pages were all
 * rewritten later is free again, but one that still holds a single live page (a full page of
 * outbox rows, say) stays in the file until its live pages are moved: without that the file grows
 * with every commit the app ever made.
 */
class H2FileSpaceTest {
    private static final int CHATS = 200;
    private static final String TEXT =
            "Оберіть напрямок звернення: водопостачання, ліфти, освітлення, дороги, люки. ".repeat(5);

    final Clock clock = Clock.fixed(Instant.parse("2026-02-01T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void theFileStaysNearItsLiveDataUnderManySmallCommits() throws Exception {
        // No retention period: free chunks may be reused at once, so the test need not wait the
        // 45 s that H2 keeps them by default.
        String url = "jdbc:h2:file:" + dir.resolve("zvernennia").toAbsolutePath() + ";RETENTION_TIME=0";
        try (Storage storage = Storage.open(url, null, null, clock, TestDatabases.KYIV)) {
            ConversationState[] states = new ConversationState[CHATS];
            Arrays.fill(states, ConversationState.fresh());
            for (int i = 0; i < 20_000; i++) {
                int k = i % CHATS;
                ChatKey chat = ChatKey.of(Channel.TELEGRAM, "c" + k);
                ConversationState state = states[k];
                CompletableFuture<ConversationState> turn = storage.unitOfWork().submit(s -> {
                    s.outbox().enqueue(chat, Reply.text(TEXT), clock.instant(), clock.instant());
                    return s.conversations().save(chat, state);
                });
                states[k] = turn.get();
            }
            long live = storage.database()
                    .jdbi()
                    .withHandle(h -> h.createQuery("SELECT SUM(LENGTH(payload)) FROM outbox")
                            .mapTo(Long.class)
                            .one());
            long size = Files.size(dir.resolve("zvernennia.mv.db"));
            assertThat(size)
                    .as("bytes in the file, with %d characters of outbox payloads", live)
                    .isLessThan(8 * live);
        }
    }
}
