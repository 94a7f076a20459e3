package ua.zvernennia.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import ua.zvernennia.core.appeal.Appeal;
import ua.zvernennia.core.appeal.AppealNumber;
import ua.zvernennia.core.appeal.GeoPoint;
import ua.zvernennia.core.appeal.NewAppeal;
import ua.zvernennia.core.appeal.PersonName;
import ua.zvernennia.core.appeal.Phone;
import ua.zvernennia.core.chat.Channel;
import ua.zvernennia.core.chat.ChatKey;
import ua.zvernennia.core.chat.Keyboard;
import ua.zvernennia.core.chat.Reply;

/** What monitoring reads from the database, and copies of a running database, on every dialect. */
class OperationalFiguresTest {
    static final Instant T0 = Instant.parse("2026-05-01T09:00:00Z");
    final ChatKey chat = ChatKey.of(Channel.TELEGRAM, "2001");

    @TempDir
    Path dir;

    Storage storage;

    @AfterEach
    void close() {
        if (storage != null) {
            storage.close();
        }
    }

    @ParameterizedTest
    @MethodSource("ua.zvernennia.storage.TestDatabases#dialects")
    void theOutboxBacklogAppealsByStatusAndOverdueAppeals(Dialect dialect) {
        storage = TestDatabases.open(dialect, dir, Clock.fixed(T0, ZoneOffset.UTC));
        var uow = storage.unitOfWork();
        assertThat(storage.operationalFigures()).isEqualTo(new OperationalFigures(0, Duration.ZERO, Map.of(), 0));

        var first = uow.run(s ->
                s.outbox().enqueue(chat, Reply.of("перше", Keyboard.REMOVE), T0.minusSeconds(90), T0.minusSeconds(90)));
        uow.run(s -> s.outbox().enqueue(chat, Reply.of("друге", Keyboard.REMOVE), T0, T0));
        NewAppeal appeal = appeal();
        uow.run(s -> s.appeals().submit(appeal, T0.minusSeconds(7200), T0.minusSeconds(60), T0.plusSeconds(86400)));
        uow.run(s -> s.appeals().submit(appeal, T0.minusSeconds(60), T0.plusSeconds(3600), T0.plusSeconds(86400)));

        OperationalFigures figures = storage.operationalFigures();
        assertThat(figures.outboxPending()).isEqualTo(2);
        assertThat(figures.oldestPendingAge()).isEqualTo(Duration.ofSeconds(90));
        assertThat(figures.appealsByStatus()).isEqualTo(Map.of("REGISTERED", 2L));
        assertThat(figures.overdueAppeals()).isEqualTo(1);

        uow.run(s -> {
            s.outbox().markSent(first.id(), "1", T0);
            return null;
        });
        assertThat(storage.operationalFigures().outboxPending()).isEqualTo(1);
        assertThat(storage.operationalFigures().oldestPendingAge()).isEqualTo(Duration.ZERO);
    }

    @ParameterizedTest
    @MethodSource("ua.zvernennia.storage.TestDatabases#dialects")
    void aBackupOfTheOpenDatabaseOpensAsACopy(Dialect dialect) throws IOException {
        storage = TestDatabases.open(
                dialect, Files.createDirectories(dir.resolve("live")), Clock.fixed(T0, ZoneOffset.UTC));
        storage.unitOfWork().run(s -> s.appeals().submit(appeal(), T0, T0.plusSeconds(3600), T0.plusSeconds(86400)));
        Path target = dir.resolve("backup." + storage.database().backupExtension());
        if (dialect == Dialect.POSTGRESQL) {
            assertThatThrownBy(() -> storage.database().backupTo(target))
                    .isInstanceOf(UnsupportedOperationException.class)
                    .hasMessageContaining("pg_dump");
            return;
        }
        storage.database().backupTo(target);
        assertThatThrownBy(() -> storage.database().backupTo(target))
                .as("an existing file is never overwritten")
                .isInstanceOf(IllegalArgumentException.class);
        // The live database goes on; the copy has what was committed before it.
        storage.unitOfWork().run(s -> s.appeals().submit(appeal(), T0, T0.plusSeconds(3600), T0.plusSeconds(86400)));

        Path restored = Files.createDirectories(dir.resolve("restored"));
        if (dialect == Dialect.H2) {
            try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(target))) {
                ZipEntry e = zip.getNextEntry();
                assertThat(e.getName()).isEqualTo("zvernennia.mv.db");
                Files.copy(zip, restored.resolve(e.getName()));
            }
        } else {
            Files.copy(target, restored.resolve("zvernennia.sqlite"));
        }
        try (Storage copy = Storage.open(
                TestDatabases.url(dialect, restored),
                null,
                null,
                Clock.fixed(T0, ZoneOffset.UTC),
                TestDatabases.KYIV)) {
            Optional<Appeal> first = copy.unitOfWork().run(s -> s.appeals().find(new AppealNumber(2026, 1)));
            Optional<Appeal> second = copy.unitOfWork().run(s -> s.appeals().find(new AppealNumber(2026, 2)));
            assertThat(first).isPresent();
            assertThat(second).isEmpty();
        }
    }

    private NewAppeal appeal() {
        var water = storage.categories().find("water").orElseThrow();
        return new NewAppeal(
                Channel.TELEGRAM,
                chat,
                water,
                "no-water",
                "Немає води з ранку",
                List.of(),
                new GeoPoint(48.5, 35.0),
                null,
                new PersonName("Олена", "Коваленко"),
                "вул. Шевченка, 5",
                new Phone("+380501234567"));
    }
}
