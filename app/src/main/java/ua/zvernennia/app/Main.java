package ua.zvernennia.app;

import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar zvernennia.jar [config/application.conf]} runs the app;
 * {@code java -jar zvernennia.jar generate ...} writes a synthetic year of appeals (see {@link GenerateCommand});
 * {@code java -jar zvernennia.jar copy --from URL --to URL} copies the data into another database (see {@link CopyCommand});
 * {@code java -jar zvernennia.jar backup <dir>} copies the embedded database (see {@link BackupCommand}).
 */
public final class Main {
    private static final Logger log = LoggerFactory.getLogger(Main.class);

    private Main() {}

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("generate")) {
            System.exit(GenerateCommand.run(
                    java.util.List.of(args).subList(1, args.length),
                    System.getenv(),
                    java.time.Clock.systemUTC(),
                    System.out));
            return;
        }
        if (args.length > 0 && args[0].equals("copy")) {
            System.exit(CopyCommand.run(
                    java.util.List.of(args).subList(1, args.length),
                    System.getenv(),
                    java.time.Clock.systemUTC(),
                    System.out));
            return;
        }
        if (args.length > 0 && args[0].equals("backup")) {
            System.exit(BackupCommand.run(
                    java.util.List.of(args).subList(1, args.length),
                    System.getenv(),
                    java.time.Clock.systemUTC(),
                    System.out));
            return;
        }
        Path configFile = Path.of(args.length > 0 ? args[0] : "config/application.conf");
        AppConfig config;
        try {
            config = AppConfig.load(configFile, System.getenv());
        } catch (IllegalArgumentException e) {
            log.error("cannot start: {}", e.getMessage());
            System.exit(2);
            return;
        }
        App app = App.start(config);
        Runtime.getRuntime().addShutdownHook(new Thread(app::close, "shutdown"));
    }
}
