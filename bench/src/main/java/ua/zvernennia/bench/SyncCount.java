package ua.zvernennia.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import ua.zvernennia.core.chat.Channel;
import ua.zvernennia.core.chat.ChatKey;
import ua.zvernennia.core.chat.Reply;
import ua.zvernennia.core.conversation.ConversationState;
import ua.zvernennia.storage.Storage;

/**
 * Commits a number of turns (a conversation state and an outbox row each) through the app's
 * group-committing writer and prints how many units and transactions it committed. Not a timed
 * run: {@code bench/sync-count.sh} runs it under {@code strace -f -c -e trace=fsync,fdatasync}
 * to count the syncs to the disk per commit.
 *
 * <pre>java -cp bench/target/zvernennia-bench.jar ua.zvernennia.bench.SyncCount [--db sqlite|h2|JDBC-URL] [--commits N] [--threads T] [--dir D]</pre>
 */
public final class SyncCount {
    private SyncCount() {}

    public static void main(String[] args) throws Exception {
        String db = "sqlite";
        int commits = 2_000;
        int threads = 1;
        Path dir = Path.of("bench/target/sync-count");
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--db" -> db = args[i + 1];
                case "--commits" -> commits = Integer.parseInt(args[i + 1]);
                case "--threads" -> threads = Integer.parseInt(args[i + 1]);
                case "--dir" -> dir = Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Files.createDirectories(dir);
        String url = switch (db) {
            case "sqlite" -> "jdbc:sqlite:" + dir.toAbsolutePath().resolve("zvernennia.sqlite");
            case "h2" -> "jdbc:h2:file:" + dir.toAbsolutePath().resolve("zvernennia");
            default -> db;
        };
        Clock clock = Clock.systemUTC();
        try (Storage storage = Storage.open(url, null, System.getenv("PGPASSWORD"), clock, ZoneId.of("Europe/Kyiv"))) {
            long before = storage.transactions();
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<CompletableFuture<?>> all = new ArrayList<>();
            int perThread = commits / threads;
            for (int t = 0; t < threads; t++) {
                int thread = t;
                all.add(CompletableFuture.runAsync(
                        () -> {
                            for (int i = 0; i < perThread; i++) {
                                ChatKey chat = ChatKey.of(Channel.TELEGRAM, "sync-" + thread + "-" + i);
                                storage.unitOfWork().run(s -> {
                                    s.outbox()
                                            .enqueue(
                                                    chat,
                                                    Reply.text("Дякуємо, звернення прийнято."),
                                                    clock.instant(),
                                                    clock.instant());
                                    return s.conversations().save(chat, ConversationState.fresh());
                                });
                            }
                        },
                        pool));
            }
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
            pool.shutdown();
            System.out.println("units " + perThread * threads + " transactions " + (storage.transactions() - before));
        }
    }
}
