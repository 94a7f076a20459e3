package ua.zvernennia.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ua.zvernennia.storage.Database;
import ua.zvernennia.storage.Dialect;

/**
 * {@code java -jar zvernennia.jar backup <dir> [--url http://127.0.0.1:8080] [config]}: a consistent
 * copy of the embedded database (H2 or SQLite) in {@code dir}. While the app runs it asks the app
 * for one ({@code GET /api/backup} with {@code ADMIN_TOKEN}), since H2 keeps its file locked;
 * when nothing answers at the URL it copies the database itself. PostgreSQL: {@code pg_dump}.
 */
final class BackupCommand {
    static final String USAGE =
            "usage: java -jar zvernennia.jar backup <dir> [--url http://127.0.0.1:8080] [config/application.conf]\n"
                    + "  <dir>   the folder the backup file is written to (created when missing)\n"
                    + "  --url   the running instance (default: http://127.0.0.1:HTTP_PORT); its ADMIN_TOKEN from the environment";
    private static final Pattern FILE_NAME =
            Pattern.compile("filename=\"(zvernennia-[0-9TZ]+\\.(?:h2\\.zip|sqlite))\"");
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private BackupCommand() {}

    /** Returns the process exit code. */
    static int run(List<String> args, Map<String, String> env, Clock clock, PrintStream out) {
        Path dir = null;
        String url = null;
        Path configFile = Path.of("config/application.conf");
        try {
            for (int i = 0; i < args.size(); i++) {
                String a = args.get(i);
                switch (a) {
                    case "--url" -> {
                        if (++i >= args.size()) {
                            throw new IllegalArgumentException("--url needs a value");
                        }
                        url = args.get(i);
                    }
                    case "--help", "-h" -> {
                        out.println(USAGE);
                        return 0;
                    }
                    default -> {
                        if (a.startsWith("-")) {
                            throw new IllegalArgumentException("unknown option " + a);
                        }
                        if (dir == null) {
                            dir = Path.of(a);
                        } else {
                            configFile = Path.of(a);
                        }
                    }
                }
            }
            if (dir == null) {
                throw new IllegalArgumentException("the folder to write the backup to is missing");
            }
            AppConfig config = AppConfig.load(configFile, env);
            if (Dialect.of(config.db().url()) == Dialect.POSTGRESQL) {
                throw new IllegalArgumentException(
                        "the database is PostgreSQL: back it up with pg_dump (see the README)");
            }
            Files.createDirectories(dir);
            String host = config.httpHost().filter(h -> !h.equals("0.0.0.0")).orElse("127.0.0.1");
            URI base = URI.create(
                    url != null
                            ? url
                            : "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + config.httpPort());
            Optional<Path> fromApp = fromRunningApp(base, config.adminToken(), dir);
            Path written = fromApp.isPresent() ? fromApp.get() : directly(config, dir, clock, out, base);
            out.println("backup written: " + written.toAbsolutePath() + " (" + Files.size(written) + " bytes)");
            return 0;
        } catch (IllegalArgumentException | IllegalStateException e) {
            out.println("cannot back up: " + e.getMessage());
            out.println(USAGE);
            return 2;
        } catch (IOException e) {
            out.println("cannot back up: " + e);
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    /** The backup from the instance at {@code base}; empty when nothing listens there. */
    private static Optional<Path> fromRunningApp(URI base, Optional<String> adminToken, Path dir)
            throws IOException, InterruptedException {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest.Builder request =
                HttpRequest.newBuilder(base.resolve("/api/backup")).GET();
        adminToken.ifPresent(t -> request.header("Authorization", "Bearer " + t));
        HttpResponse<InputStream> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (ConnectException e) {
            return Optional.empty();
        }
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                String reason = new String(body.readNBytes(1000), StandardCharsets.UTF_8);
                throw new IllegalStateException(
                        "the app at " + base + " answered " + response.statusCode() + ": " + reason
                                + (response.statusCode() == 401 ? " (set ADMIN_TOKEN to the running instance's)" : ""));
            }
            Matcher m = FILE_NAME.matcher(
                    response.headers().firstValue("Content-Disposition").orElse(""));
            if (!m.find()) {
                throw new IllegalStateException("the app at " + base + " did not send a backup file");
            }
            Path target = dir.resolve(m.group(1));
            Path part = dir.resolve(m.group(1) + ".part");
            Files.copy(body, part, StandardCopyOption.REPLACE_EXISTING);
            return Optional.of(Files.move(part, target, StandardCopyOption.ATOMIC_MOVE));
        }
    }

    /** Nothing runs at the URL: the database is opened here (H2 refuses while another process holds it). */
    private static Path directly(AppConfig config, Path dir, Clock clock, PrintStream out, URI base) {
        out.println("no app answers at " + base + ": backing up " + config.db().url() + " directly");
        try (Database database = Database.open(
                config.db().url(), config.db().user(), config.db().password().orElse(null))) {
            Path target = dir.resolve("zvernennia-" + STAMP.format(clock.instant()) + "." + database.backupExtension());
            database.backupTo(target);
            return target;
        }
    }
}
