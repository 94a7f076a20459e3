package ua.zvernennia.app.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ua.zvernennia.app.web.RouteGroup;
import ua.zvernennia.core.refusal.Refusal;

/**
 * {@code GET /api/backup}: a consistent copy of the running embedded database (H2 or SQLite),
 * streamed to an admin; {@code java -jar zvernennia.jar backup <dir>} calls it. PostgreSQL is
 * backed up with {@code pg_dump} instead.
 */
public final class BackupController implements RouteGroup {
    private static final Logger log = LoggerFactory.getLogger(BackupController.class);
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final DatabaseBackup database;
    private final Clock clock;

    public BackupController(DatabaseBackup database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    @Override
    public void routes(RoutesConfig app) {
        app.get("/api/backup", this::backup, Role.ADMIN);
    }

    private void backup(Context ctx) throws IOException {
        database.refusal().ifPresent(why -> {
            throw Refusal.conflict(why);
        });
        String name = "zvernennia-" + STAMP.format(clock.instant()) + "." + database.extension();
        Path dir = Files.createTempDirectory("zvernennia-backup");
        try {
            Path file = dir.resolve(name);
            database.writeTo(file);
            long size = Files.size(file);
            ctx.status(200)
                    .contentType(name.endsWith(".zip") ? "application/zip" : "application/octet-stream")
                    .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                    .header("Cache-Control", "no-store");
            try (OutputStream out = ctx.outputStream()) {
                Files.copy(file, out);
            }
            log.info("database backup {} sent ({} bytes)", name, size);
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
