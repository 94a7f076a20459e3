package ua.zvernennia.app;

import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import ua.zvernennia.storage.Database;
import ua.zvernennia.storage.DatabaseCopy;

/**
 * {@code java -jar zvernennia.jar copy --from <JDBC URL> --to <JDBC URL>}: copies every row of
 * one database into a new, empty one of any supported kind, then checks the copy table by table
 * (see {@link DatabaseCopy}). Run it with the app stopped. Users go in {@code --from-user} and
 * {@code --to-user} (or the URLs); passwords only in the environment, {@code FROM_DB_PASSWORD}
 * and {@code TO_DB_PASSWORD}.
 */
final class CopyCommand {
    static final String USAGE = """
            usage: java -jar zvernennia.jar copy --from <JDBC URL> --to <JDBC URL> [--from-user U] [--to-user U]
              copies everything from one database into a new, empty one (H2, SQLite or PostgreSQL), with the app stopped,
              and checks the copy by row counts and checksums per table. Passwords: FROM_DB_PASSWORD, TO_DB_PASSWORD.
              e.g. copy --from jdbc:h2:file:./data/zvernennia --to jdbc:sqlite:./data/zvernennia.sqlite""";

    private CopyCommand() {}

    /** Returns the process exit code: 0 copied and checked, 1 the copy failed, 2 bad arguments. */
    static int run(List<String> args, Map<String, String> env, Clock clock, PrintStream out) {
        String from = null;
        String to = null;
        String fromUser = null;
        String toUser = null;
        try {
            for (int i = 0; i < args.size(); i++) {
                String a = args.get(i);
                switch (a) {
                    case "--from" -> from = value(args, ++i, a);
                    case "--to" -> to = value(args, ++i, a);
                    case "--from-user" -> fromUser = value(args, ++i, a);
                    case "--to-user" -> toUser = value(args, ++i, a);
                    case "--help", "-h" -> {
                        out.println(USAGE);
                        return 0;
                    }
                    default -> throw new IllegalArgumentException("unknown argument " + a);
                }
            }
            if (from == null || to == null) {
                throw new IllegalArgumentException("both --from and --to are needed");
            }
            if (from.equals(to)) {
                throw new IllegalArgumentException("--from and --to are the same database");
            }
            ua.zvernennia.storage.Dialect.of(from);
            ua.zvernennia.storage.Dialect.of(to);
        } catch (IllegalArgumentException e) {
            out.println("cannot copy: " + e.getMessage());
            out.println(USAGE);
            return 2;
        }
        long start = clock.millis();
        try (Database source = Database.open(from, fromUser, env.get("FROM_DB_PASSWORD"));
                Database target = Database.open(to, toUser, env.get("TO_DB_PASSWORD"))) {
            out.println("copying " + hidden(from) + " into " + hidden(to));
            List<DatabaseCopy.Table> tables = DatabaseCopy.copy(source, target, out::println);
            long rows = tables.stream().mapToLong(DatabaseCopy.Table::rows).sum();
            out.println("done: " + tables.size() + " tables, " + rows
                    + " rows, every table's count and checksum the same on both sides, in "
                    + (clock.millis() - start) / 1000.0 + " s");
            return 0;
        } catch (RuntimeException e) {
            out.println("the copy failed: " + e.getMessage());
            return 1;
        }
    }

    /** The URL without a password that may be in it. */
    static String hidden(String url) {
        return url.replaceAll("(?i)password=[^;&]*", "password=***");
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(i);
    }
}
