package ua.zvernennia.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ua.zvernennia.storage.AppealGenerator;
import ua.zvernennia.storage.CategoryFile;
import ua.zvernennia.storage.Storage;

/** The command line of {@code copy}: a city on the old default H2 file moves to SQLite. */
class CopyCommandTest {
    private static final ZoneId KYIV = ZoneId.of("Europe/Kyiv");

    @TempDir
    Path dir;

    final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

    @Test
    void anH2CityMovesToSqliteAndTheSecondCopyIsRefused() {
        String h2 = "jdbc:h2:file:" + dir.resolve("zvernennia").toAbsolutePath();
        String sqlite = "jdbc:sqlite:" + dir.resolve("zvernennia.sqlite").toAbsolutePath();
        try (Storage storage = Storage.open(h2, null, null, Clock.systemUTC(), KYIV)) {
            storage.seedCategoriesIfEmpty(CategoryFile.read(Path.of("../config/categories.yaml")));
            AppealGenerator.generate(
                    storage.database(),
                    storage.categories().all(),
                    new AppealGenerator.Plan(200, 2025, 1, KYIV, 30),
                    Clock.systemUTC().instant(),
                    n -> {});
        }

        assertThat(CopyCommand.run(List.of("--from", h2, "--to", sqlite), Map.of(), Clock.systemUTC(), out))
                .isZero();
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .contains("checked appeal: 200 rows")
                .contains("done:");

        printed.reset();
        assertThat(CopyCommand.run(List.of("--from", h2, "--to", sqlite), Map.of(), Clock.systemUTC(), out))
                .isEqualTo(1);
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("the target is not empty");

        // The app then starts on the copy, with DB_URL naming it.
        try (App app = TestApps.start(dir, Clock.systemUTC(), Map.of("DB_URL", sqlite))) {
            assertThat(app.storage().statistics()).isNotNull();
            long appeals = app.storage()
                    .read(s -> s.handle()
                            .createQuery("SELECT COUNT(*) FROM appeal")
                            .mapTo(Long.class)
                            .one());
            assertThat(appeals).isEqualTo(200);
        }
    }

    @Test
    void badArgumentsAreExplained() {
        assertThat(CopyCommand.run(List.of("--from", "jdbc:h2:file:/tmp/x"), Map.of(), Clock.systemUTC(), out))
                .isEqualTo(2);
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .contains("both --from and --to are needed")
                .contains("usage:");
        printed.reset();
        assertThat(CopyCommand.run(
                        List.of("--from", "jdbc:mysql://x/y", "--to", "jdbc:sqlite:/tmp/y"),
                        Map.of(),
                        Clock.systemUTC(),
                        out))
                .isEqualTo(2);
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("unsupported database URL");
    }

    @Test
    void theOldDefaultH2FileIsNotPassedOverByTheNewDefault() {
        String h2 = "jdbc:h2:file:" + dir.resolve("zvernennia").toAbsolutePath();
        try (Storage storage = Storage.open(h2, null, null, Clock.systemUTC(), KYIV)) {
            assertThat(storage.categories().isEmpty()).isTrue();
        }
        String sqlite = "jdbc:sqlite:" + dir.resolve("zvernennia.sqlite").toAbsolutePath();
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> TestApps.start(dir, Clock.systemUTC(), Map.of("DB_URL", sqlite)))
                .hasMessageContaining("there is an H2 database at")
                .hasMessageContaining("copy --from " + h2);
    }
}
