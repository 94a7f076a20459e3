package ua.zvernennia.app;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import ua.zvernennia.storage.AppealGenerator;
import ua.zvernennia.storage.Storage;

/**
 * {@code java -jar zvernennia.jar generate --appeals 1000000 --year 2025 [--seed 1] [config]}:
 * fills the configured database with a synthetic past year of appeals (see {@link AppealGenerator})
 * for load and statistics checks. Run it with the app stopped.
 */
final class GenerateCommand {
    static final String USAGE =
            "usage: java -jar zvernennia.jar generate [--appeals N] [--year YYYY] [--seed S] [config/application.conf]\n"
                    + "  --appeals  how many appeals (default 1000000)\n"
                    + "  --year     a past year in the city's zone (default: last year)\n"
                    + "  --seed     seed of the shuffles, the same seed writes the same data (default 1)";

    private GenerateCommand() {}

    /** Returns the process exit code. */
    static int run(List<String> args, Map<String, String> env, Clock clock, PrintStream out) {
        int appeals = 1_000_000;
        Integer year = null;
        long seed = 1;
        Path configFile = Path.of("config/application.conf");
        try {
            for (int i = 0; i < args.size(); i++) {
                String a = args.get(i);
                switch (a) {
                    case "--appeals" -> appeals = Integer.parseInt(value(args, ++i, a));
                    case "--year" -> year = Integer.parseInt(value(args, ++i, a));
                    case "--seed" -> seed = Long.parseLong(value(args, ++i, a));
                    case "--help", "-h" -> {
                        out.println(USAGE);
                        return 0;
                    }
                    default -> {
                        if (a.startsWith("-")) {
                            throw new IllegalArgumentException("unknown option " + a);
                        }
                        configFile = Path.of(a);
                    }
                }
            }
            AppConfig config = AppConfig.load(configFile, env);
            int y = year != null
                    ? year
                    : LocalDate.now(clock.withZone(config.city().zone())).getYear() - 1;
            var plan = new AppealGenerator.Plan(
                    appeals, y, seed, config.city().zone(), config.city().legalDeadlineDays());
            try (Storage storage = Storage.open(
                    config.db().url(),
                    config.db().user(),
                    config.db().password().orElse(null),
                    clock,
                    config.city().zone())) {
                if (storage.categories().isEmpty()) {
                    storage.seedCategoriesIfEmpty(DefaultMenu.read(config.city().categoriesFile()));
                }
                out.println("writing " + appeals + " appeals of " + y + " into "
                        + AppConfig.Db.masked(config.db().url()));
                int step = Math.max(1, appeals / 10);
                AppealGenerator.Result r = AppealGenerator.generate(
                        storage.database(), storage.categories().all(), plan, clock.instant(), n -> {
                            if (n % step < 5_000 || n == plan.appeals()) {
                                out.println("  " + n);
                            }
                        });
                out.println("done in " + r.took().toMillis() / 1000.0 + " s; by channel " + r.byChannel()
                        + "; by status " + r.byStatus() + "; closed late " + r.closedLate());
                return 0;
            }
        } catch (IllegalArgumentException e) {
            out.println("cannot generate: " + e.getMessage());
            out.println(USAGE);
            return 2;
        }
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(i);
    }
}
