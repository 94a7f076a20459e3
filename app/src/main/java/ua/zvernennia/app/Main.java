package ua.zvernennia.app;

import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar zvernennia.jar [config/application.conf]} runs the app;
 * {@code java -jar zvernennia.jar generate ...} writes a synthetic year of appeals (see {@link GenerateCommand}).
 */
public final class Main {
    private static final Logger log = LoggerFactory.getLogger(Main.class);

    private Main() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("generate")) {
            System.exit(GenerateCommand.run(java.util.List.of(args).subList(1, args.length), System.getenv(),
                    java.time.Clock.systemUTC(), System.out));
            return;
        }
        warmUpInBackground();
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

    /**
     * Start-up is mostly class loading. While the main thread opens and migrates the database,
     * another core loads the HTTP server's and the API's classes, which come next.
     */
    private static void warmUpInBackground() {
        Thread warm = new Thread(() -> {
            try {
                io.javalin.Javalin.create(c -> c.showJavalinBanner = false);
                ua.zvernennia.app.api.ApiJson.MAPPER.writeValueAsString(java.util.Map.of("warm", java.time.Instant.EPOCH));
                new com.fasterxml.jackson.dataformat.yaml.YAMLFactory().createParser("a: 1").nextToken();
                Class.forName("org.eclipse.jetty.server.Server");
                Class.forName("org.eclipse.jetty.servlet.ServletContextHandler");
            } catch (Exception | LinkageError e) {
                log.debug("warm-up skipped", e);
            }
        }, "warm-up");
        warm.setDaemon(true);
        warm.start();
    }
}
