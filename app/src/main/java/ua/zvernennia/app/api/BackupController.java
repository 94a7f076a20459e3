package ua.zvernennia.app.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ua.zvernennia.storage.Database;

/**
 * {@code GET /api/backup}: a consistent copy of the running embedded database (H2 or SQLite),
 * streamed to an admin; {@code java -jar zvernennia.jar backup <dir>} calls it. PostgreSQL is
 * backed up with {@code pg_dump} instead.
 */
final class BackupController {
    private static final Logger log = LoggerFactory.getLogger(BackupController.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private BackupController() {
    }

    static void register(RoutesConfig app, Api.Deps deps) {
        app.get("/api/backup", ctx -> backup(ctx, deps), Role.ADMIN);
    }

    private static void backup(Context ctx, Api.Deps deps) throws IOException {
        Database database = deps.storage().database();
        if (database.dialect() == ua.zvernennia.storage.Dialect.POSTGRESQL) {
            throw ApiException.conflict("the database is PostgreSQL: back it up with pg_dump");
        }
        String name = "zvernennia-" + STAMP.format(deps.clock().instant()) + "." + database.backupExtension();
        Path dir = Files.createTempDirectory("zvernennia-backup");
        try {
            Path file = dir.resolve(name);
            database.backupTo(file);
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
