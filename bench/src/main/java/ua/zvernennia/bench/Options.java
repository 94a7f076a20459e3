package ua.zvernennia.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The benchmark's command line. */
record Options(
        int citizens,
        double seconds,
        double warmup,
        double rate,
        double rateSeconds,
        int viberCitizens,
        double viberSeconds,
        double rawSeconds,
        int rawThreads,
        List<String> databases,
        String pgUrl,
        String pgUser,
        int chatThreads,
        Path dir,
        Path out,
        int conversations,
        double soakMinutes,
        int appealsPerHour,
        Path appJar,
        double jitWarmup,
        double floodRate,
        int publicAppeals,
        int publicThreads,
        int fakeThreads,
        boolean inStep) {

    static final String USAGE = """
            java -jar bench/target/zvernennia-bench.jar [options]
              --citizens N          simulated Telegram citizens in the closed loop (500)
              --seconds S           measured seconds of the closed loop (20), after --warmup S (5)
              --jit-warmup S        first, S seconds of the pipeline on a scratch database, not measured (20): the JIT
                                    compiles the whole path meanwhile, which would otherwise slow the first database down
              --rate R              offered updates/s for the latency run (1000), for --rate-seconds S (10); 0 skips it
              --public-appeals N    instead: the public-traffic case on SQLite: N appeals of last year (at most 999999, with
                                    points), the public statistics and map timed, then Telegram webhooks at --rate for
                                    --rate-seconds without and with --public-threads T (16) readers of the public pages
              --flood-rate R        the flood case: one chat sending R messages/s while the citizens run, flat out and at
                                    --rate, beside the same runs without it (100); 0 skips it
              --viber-citizens N    simulated citizens posting to the app's webhook (200), for --viber-seconds S (10), once on Viber
                        and once on Telegram in webhook mode; 0 skips both
              --raw-seconds S       seconds of each raw upsert run (3), with 1 and --raw-threads N (4) threads
              --db h2,sqlite        databases to run on (h2,sqlite); none: only --pg-url's
              --pg-url URL          also run on this PostgreSQL database (an empty scratch one); --pg-user U, password from PGPASSWORD;
                                    the webhook runs there also run with two instances of the app on it, in turn
              --chat-threads N      the bot's chat pool (32, as the app)
              --fake-threads N      the threads of the fake Bot API that answer the bot's calls (8)
              --in-step true        a paced run's citizens all begin at once and so go through the appeal in step
                                    (every few seconds all of them file within half a second); by default (false) they
                                    begin one after another over a round of the appeal, at different steps as a city's are
              --dir PATH            where the database files go (bench/target/bench-data)
              --out PATH            the JSON results (bench/target/results.json)
              --conversations N     instead: leave N conversations in progress and measure the heap (run with -Xmx256m), --citizens at a time
              --soak-minutes M      instead: --appeals-per-hour A (20000) for M minutes, watching errors and the heap
              --app-jar PATH        the app's jar for the start-up time (app/target/zvernennia.jar); "none" skips it
            """;

    static Options parse(String[] args) {
        Map<String, String> a = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 == args.length) {
                throw new IllegalArgumentException("expected --name value pairs, got " + args[i]);
            }
            a.put(args[i].substring(2), args[++i]);
        }
        List<String> known = List.of(
                "citizens",
                "seconds",
                "warmup",
                "rate",
                "rate-seconds",
                "viber-citizens",
                "viber-seconds",
                "raw-seconds",
                "raw-threads",
                "db",
                "pg-url",
                "pg-user",
                "chat-threads",
                "dir",
                "out",
                "conversations",
                "soak-minutes",
                "appeals-per-hour",
                "app-jar",
                "jit-warmup",
                "flood-rate",
                "public-appeals",
                "public-threads",
                "fake-threads",
                "in-step");
        for (String k : a.keySet()) {
            if (!known.contains(k)) {
                throw new IllegalArgumentException("unknown option --" + k);
            }
        }
        Path target = Path.of(a.getOrDefault("target", "bench/target"));
        String db = a.getOrDefault("db", "h2,sqlite");
        var dbs = db.equals("none") ? new ArrayList<String>() : new ArrayList<>(List.of(db.split(",")));
        if (a.containsKey("pg-url")) {
            dbs.add("postgresql");
        }
        return new Options(
                Integer.parseInt(a.getOrDefault("citizens", "500")),
                Double.parseDouble(a.getOrDefault("seconds", "20")),
                Double.parseDouble(a.getOrDefault("warmup", "5")),
                Double.parseDouble(a.getOrDefault("rate", "1000")),
                Double.parseDouble(a.getOrDefault("rate-seconds", "10")),
                Integer.parseInt(a.getOrDefault("viber-citizens", "200")),
                Double.parseDouble(a.getOrDefault("viber-seconds", "10")),
                Double.parseDouble(a.getOrDefault("raw-seconds", "3")),
                Integer.parseInt(a.getOrDefault("raw-threads", "4")),
                List.copyOf(dbs),
                a.get("pg-url"),
                a.getOrDefault("pg-user", ""),
                Integer.parseInt(a.getOrDefault("chat-threads", "32")),
                Path.of(a.getOrDefault("dir", target.resolve("bench-data").toString())),
                Path.of(a.getOrDefault("out", target.resolve("results.json").toString())),
                Integer.parseInt(a.getOrDefault("conversations", "0")),
                Double.parseDouble(a.getOrDefault("soak-minutes", "0")),
                Integer.parseInt(a.getOrDefault("appeals-per-hour", "20000")),
                Path.of(a.getOrDefault("app-jar", "app/target/zvernennia.jar")),
                Double.parseDouble(a.getOrDefault("jit-warmup", "20")),
                Double.parseDouble(a.getOrDefault("flood-rate", "100")),
                Integer.parseInt(a.getOrDefault("public-appeals", "0")),
                Integer.parseInt(a.getOrDefault("public-threads", "16")),
                Integer.parseInt(a.getOrDefault("fake-threads", "8")),
                Boolean.parseBoolean(a.getOrDefault("in-step", "false")));
    }
}
