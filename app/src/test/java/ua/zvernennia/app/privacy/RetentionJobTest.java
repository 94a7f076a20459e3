package ua.zvernennia.app.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ua.zvernennia.core.appeal.Appeal;
import ua.zvernennia.core.appeal.AppealStatus;
import ua.zvernennia.core.appeal.AppealStore;
import ua.zvernennia.core.appeal.NewAppeal;
import ua.zvernennia.core.appeal.PersonName;
import ua.zvernennia.core.appeal.Phone;
import ua.zvernennia.core.appeal.PhotoRef;
import ua.zvernennia.core.chat.Channel;
import ua.zvernennia.core.chat.ChatKey;
import ua.zvernennia.core.chat.Reply;
import ua.zvernennia.core.media.PhotoStore;
import ua.zvernennia.core.testing.MovableClock;
import ua.zvernennia.storage.Storage;

/** Personal data goes after its time, with the clock moved forward; the statistics' columns stay. */
class RetentionJobTest {
    static final ChatKey CHAT = ChatKey.of(Channel.TELEGRAM, "9001");

    @TempDir
    Path dir;

    final Instant t0 = Instant.parse("2026-01-10T09:00:00Z");
    final MovableClock clock = new MovableClock(t0);
    Storage storage;

    @AfterEach
    void close() {
        storage.close();
    }

    Appeal file(String description) {
        Instant now = clock.instant();
        return storage.write(s -> {
            s.citizens().recordConsent(CHAT, now, "uk");
            s.media().keep(CHAT, new PhotoRef("AgAC-" + description.length(), ""), now);
            return s.appeals()
                    .submit(
                            new NewAppeal(
                                    Channel.TELEGRAM,
                                    CHAT,
                                    s.categories().find("lifts").orElseThrow(),
                                    null,
                                    description,
                                    List.of(new PhotoRef("AgAC-" + description.length(), "")),
                                    null,
                                    "вул. Січових Стрільців, 12",
                                    new PersonName("Олена", "Коваленко"),
                                    "вул. Шевченка, 5, кв. 12",
                                    new Phone("+380501234567")),
                            now,
                            now.plus(Duration.ofHours(6)),
                            now.plus(Duration.ofDays(30)));
        });
    }

    @Test
    void closedAppealsSentMessagesAndLogEntriesGoAfterTheirTime() {
        storage = Storage.open("jdbc:sqlite:" + dir.resolve("db.sqlite"), null, null, clock, ZoneId.of("Europe/Kyiv"));
        storage.seedCategoriesIfEmpty(ua.zvernennia.storage.CategoryFile.read(Path.of("../config/categories.yaml")));
        Appeal closed = file("Застряг ліфт між поверхами");
        Appeal open = file("Не працює кнопка виклику ліфта");
        storage.write(s -> {
            s.appeals()
                    .changeStatus(
                            closed.number(),
                            AppealStatus.REGISTERED,
                            AppealStatus.RESOLVED,
                            "operator",
                            "Полагоджено",
                            null,
                            clock.instant());
            var m = s.outbox()
                    .enqueue(
                            CHAT,
                            Reply.text("Олена Коваленко, +380501234567: ваше звернення зареєстровано"),
                            clock.instant(),
                            clock.instant());
            s.outbox().markSent(m.id(), "1", clock.instant());
            s.outbox()
                    .enqueue(
                            CHAT,
                            Reply.text("ще не надіслано"),
                            clock.instant().plus(Duration.ofDays(400)),
                            clock.instant());
            s.accessLog()
                    .record(
                            clock.instant(),
                            "operator",
                            "API",
                            "DETAIL",
                            List.of(closed.number().toString()));
            return null;
        });
        var job = new RetentionJob(storage.personalData(), storage.accessLog(), clock, 1826, 30, 1095);

        assertThat(job.runOnce()).isEqualTo(new RetentionJob.Report(0, 0, 0));

        clock.advance(Duration.ofDays(31));
        assertThat(job.runOnce()).isEqualTo(new RetentionJob.Report(0, 1, 0));
        assertThat(payloads())
                .as("the sent message lost its text; the pending one kept it")
                .containsExactlyInAnyOrder(
                        "{}",
                        payloads().stream()
                                .filter(p -> p.contains("ще не надіслано"))
                                .findFirst()
                                .orElseThrow());

        clock.set(t0.plus(Duration.ofDays(1096)));
        assertThat(job.runOnce()).isEqualTo(new RetentionJob.Report(0, 0, 1));

        clock.set(t0.plus(Duration.ofDays(1827)));
        assertThat(job.runOnce()).isEqualTo(new RetentionJob.Report(1, 0, 0));
        assertThat(job.runOnce()).as("done once").isEqualTo(new RetentionJob.Report(0, 0, 0));

        Appeal gone = storage.read(s -> s.appeals().find(closed.number())).orElseThrow();
        assertThat(gone.name()).isEqualTo(AppealStore.ANONYMOUS_NAME);
        assertThat(gone.phone()).isEqualTo(AppealStore.ANONYMOUS_PHONE);
        assertThat(gone.address()).isEqualTo(AppealStore.ANONYMOUS_TEXT);
        assertThat(gone.description()).isEqualTo(AppealStore.ANONYMOUS_TEXT);
        assertThat(gone.chat()).isNull();
        assertThat(gone.status()).as("what statistics count stays").isEqualTo(AppealStatus.RESOLVED);
        assertThat(gone.categoryId()).isEqualTo("lifts");
        assertThat(gone.createdAt()).isEqualTo(closed.createdAt());
        Optional<PhotoStore.Kept> photo = storage.read(
                s -> s.media().find(Channel.TELEGRAM, closed.photos().get(0).fileId()));
        assertThat(photo).as("its photo erased").isEmpty();
        assertThat(storage.read(s -> s.appeals().find(open.number()))
                        .orElseThrow()
                        .phone()
                        .e164())
                .as("open: kept")
                .isEqualTo("+380501234567");
        assertThat(storage.read(s -> s.appealSearch()
                                .find(
                                        new ua.zvernennia.core.desk.AppealSearch.Filter(
                                                null, null, null, null, null, "коваленко", null, null, 0, 10),
                                        clock.instant()))
                        .items())
                .extracting(f -> f.appeal().number())
                .containsExactly(open.number());
    }

    private List<String> payloads() {
        return storage.read(s -> s.handle()
                .createQuery("SELECT payload FROM outbox")
                .mapTo(String.class)
                .list());
    }
}
