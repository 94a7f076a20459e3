package ua.zvernennia.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import ua.zvernennia.storage.Database;
import ua.zvernennia.storage.Dialect;

/**
 * The floor under the pipeline: single-row upserts of a conversation's state, each its own
 * durable transaction (auto-commit) through Jdbi, on the same database file with the same
 * settings as the app. What the pipeline would do with one transaction per update.
 */
final class RawUpserts {
    static final String CHANNEL = "BENCH_RAW";
    private static final String DRAFT = "{\"categoryId\":\"water\",\"issueTypeId\":\"no-water\",\"description\":"
            + "\"Немає холодної води в під'їзді з самого ранку, тиск нульовий\",\"photos\":[],\"point\":null,"
            + "\"placeText\":null,\"placeHome\":false,\"firstName\":null,\"lastName\":null,\"address\":null,\"phone\":null,"
            + "\"editing\":false,\"saveAddress\":false}";

    record Result(int threads, double seconds, long upserts) {
        double perSecond() {
            return upserts / seconds;
        }
    }

    private RawUpserts() {}

    static String sql(Dialect dialect) {
        String columns = "(channel, chat_id, step, lang, page, draft, version, updated_at)";
        String values = "(:channel, :chat, 'DESCRIPTION', 'uk', 0, :draft, :version, :now)";
        if (dialect == Dialect.H2) {
            return "MERGE INTO conversation " + columns + " KEY (channel, chat_id) VALUES " + values;
        }
        return "INSERT INTO conversation " + columns + " VALUES " + values
                + " ON CONFLICT (channel, chat_id) DO UPDATE SET step = excluded.step, lang = excluded.lang, page = excluded.page,"
                + " draft = excluded.draft, version = excluded.version, updated_at = excluded.updated_at";
    }

    /** Upserts from {@code threads} threads for {@code seconds}; the rows are removed afterwards. */
    static Result run(String url, String user, String password, int threads, double seconds)
            throws InterruptedException {
        try (Database db = Database.open(url, user, password)) {
            String sql = sql(db.dialect());
            LongAdder done = new LongAdder();
            AtomicBoolean running = new AtomicBoolean(true);
            List<Thread> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Thread w = new Thread(
                        () -> {
                            long version = 0;
                            while (running.get()) {
                                long v = ++version;
                                String chat =
                                        "raw-" + ThreadLocalRandom.current().nextInt(10_000);
                                db.jdbi()
                                        .useHandle(h -> h.createUpdate(sql)
                                                .bind("channel", CHANNEL)
                                                .bind("chat", chat)
                                                .bind("draft", DRAFT)
                                                .bind("version", v)
                                                .bind("now", System.currentTimeMillis())
                                                .execute());
                                done.increment();
                            }
                        },
                        "raw-upsert-" + t);
                workers.add(w);
            }
            long start = System.nanoTime();
            workers.forEach(Thread::start);
            Thread.sleep((long) (seconds * 1000));
            running.set(false);
            for (Thread w : workers) {
                w.join();
            }
            double elapsed = (System.nanoTime() - start) / 1e9;
            db.jdbi().useHandle(h -> h.execute("DELETE FROM conversation WHERE channel = ?", CHANNEL));
            return new Result(threads, elapsed, done.sum());
        }
    }
}
