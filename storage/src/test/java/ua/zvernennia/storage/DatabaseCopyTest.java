package ua.zvernennia.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import ua.zvernennia.core.appeal.Appeal;
import ua.zvernennia.core.appeal.AppealEvent;
import ua.zvernennia.core.appeal.AppealNumber;
import ua.zvernennia.core.appeal.NewAppeal;
import ua.zvernennia.core.appeal.PersonName;
import ua.zvernennia.core.appeal.Phone;
import ua.zvernennia.core.appeal.PhotoRef;
import ua.zvernennia.core.category.Category;
import ua.zvernennia.core.chat.Channel;
import ua.zvernennia.core.chat.ChatKey;
import ua.zvernennia.core.chat.Reply;
import ua.zvernennia.core.citizen.Citizen;
import ua.zvernennia.core.conversation.ConversationState;
import ua.zvernennia.core.delivery.OutboxMessage;
import ua.zvernennia.core.desk.ApiTokenStore;
import ua.zvernennia.core.testing.TestCategories;

/** Copies a database with a year of generated appeals and live chats between every pair of kinds. */
class DatabaseCopyTest {
    final Clock clock = Clock.fixed(Instant.parse("2026-02-01T10:00:00Z"), ZoneOffset.UTC);
    final ChatKey chat = ChatKey.of(Channel.TELEGRAM, "7001");

    @TempDir
    Path dir;

    static Stream<Arguments> pairs() {
        List<Dialect> kinds = TestDatabases.dialects().toList();
        List<Arguments> pairs = new ArrayList<>();
        for (Dialect from : kinds) {
            for (Dialect to : kinds) {
                if (from != to) {
                    pairs.add(Arguments.of(from, to));
                }
            }
        }
        return pairs.stream();
    }

    @ParameterizedTest(name = "{0} to {1}")
    @MethodSource("pairs")
    void everythingArrivesAndTheNumberingGoesOn(Dialect from, Dialect to) throws Exception {
        Path a = Files.createDirectories(dir.resolve("from"));
        Path b = Files.createDirectories(dir.resolve("to"));
        Appeal live;
        long lastOutboxId;
        try (Storage source = TestDatabases.open(from, a, clock)) {
            AppealGenerator.generate(
                    source.database(),
                    source.categories().all(),
                    new AppealGenerator.Plan(300, 2025, 7, TestDatabases.KYIV, 30),
                    clock.instant(),
                    n -> {});
            live = source.unitOfWork().run(s -> {
                s.citizens().recordConsent(chat, clock.instant(), "uk");
                s.conversations().save(chat, ConversationState.fresh());
                s.processed().firstTime(chat, "update-1", clock.instant());
                Appeal appeal = s.appeals()
                        .submit(
                                appeal("Ліфт стоїть третій день"),
                                clock.instant(),
                                clock.instant().plus(Duration.ofHours(24)),
                                clock.instant().plus(Duration.ofDays(30)));
                s.appeals().addPhoto(appeal.number(), new PhotoRef("file-1", "unique-1"));
                s.appeals()
                        .addEvent(
                                appeal.number(),
                                AppealEvent.Kind.COMMENT,
                                "Оператор",
                                "Передано «Ліфтсервісу»",
                                clock.instant());
                return appeal;
            });
            lastOutboxId = source.write(s -> {
                s.apiTokens()
                        .create("Оператор Іваненко", "OPERATOR", "secret-token-0123456789", "admin", clock.instant());
                return s.outbox()
                        .enqueue(
                                chat,
                                Reply.text("Дякуємо! Звернення № " + live.number()),
                                clock.instant(),
                                clock.instant())
                        .id();
            });
        }

        String fromUrl = TestDatabases.url(from, a);
        String toUrl = TestDatabases.url(to, b);
        List<DatabaseCopy.Table> report;
        try (Database source = Database.open(fromUrl, null, null);
                Database target = Database.open(toUrl, null, null)) {
            report = DatabaseCopy.copy(source, target, line -> {});
        }
        assertThat(report)
                .extracting(DatabaseCopy.Table::name)
                .contains(
                        "appeal",
                        "appeal_event",
                        "appeal_photo",
                        "citizen",
                        "conversation",
                        "outbox",
                        "api_token",
                        "category");
        assertThat(report)
                .filteredOn(t -> t.name().equals("appeal"))
                .singleElement()
                .extracting(DatabaseCopy.Table::rows)
                .isEqualTo(301L);

        try (Storage source = Storage.open(fromUrl, null, null, clock, TestDatabases.KYIV);
                Storage target = Storage.open(toUrl, null, null, clock, TestDatabases.KYIV)) {
            Optional<Appeal> copied = target.read(s -> s.appeals().find(live.number()));
            Optional<Appeal> copiedOriginal = source.read(s -> s.appeals().find(live.number()));
            assertThat(copied).isPresent().isEqualTo(copiedOriginal);
            assertThat(copied.get().photos()).hasSize(1);
            List<AppealEvent> history = target.read(s -> s.appeals().history(live.number()));
            List<AppealEvent> original = source.read(s -> s.appeals().history(live.number()));
            assertThat(history).isEqualTo(original).hasSize(2);
            AppealNumber generated = AppealNumber.parse("2025-000150").orElseThrow();
            Optional<Appeal> generatedCopy = target.read(s -> s.appeals().find(generated));
            Optional<Appeal> generatedOriginal = source.read(s -> s.appeals().find(generated));
            assertThat(generatedCopy).isPresent().isEqualTo(generatedOriginal);
            Optional<Citizen> citizen = target.read(s -> s.citizens().find(chat));
            Optional<Citizen> citizenOriginal = source.read(s -> s.citizens().find(chat));
            assertThat(citizen).isPresent().isEqualTo(citizenOriginal);
            Optional<ConversationState> state =
                    target.read(s -> s.conversations().load(chat));
            Optional<ConversationState> stateOriginal =
                    source.read(s -> s.conversations().load(chat));
            assertThat(state).isPresent().isEqualTo(stateOriginal);
            Optional<ApiTokenStore.ApiToken> token =
                    target.read(s -> s.apiTokens().findActive("secret-token-0123456789"));
            assertThat(token).isPresent();

            // Numbering and ids go on after the copied ones, in the target.
            Appeal next = target.unitOfWork()
                    .run(s -> s.appeals()
                            .submit(
                                    appeal("Не світить ліхтар"),
                                    clock.instant(),
                                    clock.instant().plus(Duration.ofHours(24)),
                                    clock.instant().plus(Duration.ofDays(30))));
            assertThat(next.number().toString()).isEqualTo("2026-000002");
            OutboxMessage reply = target.unitOfWork()
                    .run(s -> s.outbox().enqueue(chat, Reply.text("Ще одне"), clock.instant(), clock.instant()));
            assertThat(reply.id()).isGreaterThan(lastOutboxId);
            long event = target.unitOfWork()
                    .run(s -> s.appeals()
                            .addEvent(live.number(), AppealEvent.Kind.COMMENT, "Оператор", "Ще", clock.instant()));
            assertThat(event).isPositive();
            target.write(
                    s -> s.apiTokens().create("Адмін", "ADMIN", "another-token-0123456789", "admin", clock.instant()));
            List<ApiTokenStore.ApiToken> tokens = target.read(s -> s.apiTokens().list());
            assertThat(tokens).hasSize(2);
            boolean firstTime =
                    target.unitOfWork().run(s -> s.processed().firstTime(chat, "update-1", clock.instant()));
            assertThat(firstTime).as("the update is known").isFalse();
        }
    }

    @Test
    void aTargetWithRowsIsRefusedAndLeftAsItWas() {
        Path a = dir.resolve("from");
        Path b = dir.resolve("to");
        try (Storage source = TestDatabases.open(Dialect.H2, a, clock);
                Storage target = TestDatabases.open(Dialect.SQLITE, b, clock)) {
            assertThat(target.categories().all()).isNotEmpty();
        }
        try (Database source = Database.open(TestDatabases.url(Dialect.H2, a), null, null);
                Database target = Database.open(TestDatabases.url(Dialect.SQLITE, b), null, null)) {
            assertThatThrownBy(() -> DatabaseCopy.copy(source, target, line -> {}))
                    .isInstanceOf(DatabaseCopy.CopyException.class)
                    .hasMessageContaining("the target is not empty");
        }
    }

    private NewAppeal appeal(String description) {
        Category lifts = TestCategories.small().stream()
                .filter(c -> c.id().equals("lifts"))
                .findFirst()
                .orElseThrow();
        return new NewAppeal(
                Channel.TELEGRAM,
                chat,
                lifts,
                null,
                description,
                List.of(),
                null,
                "вул. Центральна, 1",
                new PersonName("Олена", "Коваленко"),
                "вул. Шевченка, 5, кв. 12",
                new Phone("+380501234567"));
    }
}
