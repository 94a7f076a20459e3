package ua.zvernennia.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import ua.zvernennia.core.appeal.Appeal;
import ua.zvernennia.core.chat.Channel;
import ua.zvernennia.core.chat.ChatKey;
import ua.zvernennia.core.chat.Event;
import ua.zvernennia.core.chat.Inbound;
import ua.zvernennia.core.testing.ChatDriver;

/** The conversation over real database files, across a restart of everything but the file. */
class ConversationOnDatabaseTest {
    final Clock clock = Clock.fixed(Instant.parse("2026-06-15T07:00:00Z"), ZoneOffset.UTC);
    final ChatKey chat = ChatKey.of(Channel.TELEGRAM, "500");

    @TempDir
    Path dir;

    @ParameterizedTest
    @MethodSource("ua.zvernennia.storage.TestDatabases#dialects")
    void aNewEngineOverTheSameDatabaseContinuesAHalfFinishedConversation(Dialect dialect) {
        try (Storage first = TestDatabases.open(dialect, dir, clock)) {
            new ChatDriver(first.unitOfWork(), clock, chat)
                    .consented()
                    .press("📝 Нове звернення")
                    .press("💧 Водоканал")
                    .press("Немає води")
                    .send("Третій день немає холодної води в будинку")
                    .press("⏭ Пропустити")
                    .send("вул. Європейська, 8")
                    .expectText("імʼя та прізвище");
            // As the app's in-line sends would: else, on PostgreSQL, the next instance finds this
            // one's replies pending and leaves its own to the outbox dispatcher, behind them.
            first.write(s -> s.handle().execute("UPDATE outbox SET status = 'SENT' WHERE status = 'PENDING'"));
        }

        try (Storage second = TestDatabases.open(dialect, dir, clock)) {
            ChatDriver chatAgain = new ChatDriver(second.unitOfWork(), clock, chat);
            chatAgain
                    .send("Олена Коваленко")
                    .expectText("Ваша адреса")
                    .send("вул. Європейська, 8, кв. 3")
                    .send("+38 (067) 111-22-33")
                    .expectText("Третій день немає холодної води")
                    .expectText("вул. Європейська, 8")
                    .press("✅ Підтвердити")
                    .expectText("№ 2026-000001");
            List<Appeal> appeals = second.unitOfWork().run(s -> s.appeals().byChat(chat, 10));
            assertThat(appeals).singleElement().satisfies(a -> {
                assertThat(a.issueTypeId()).isEqualTo("no-water");
                assertThat(a.placeAddress()).isEqualTo("вул. Європейська, 8");
                assertThat(a.phone().e164()).isEqualTo("+380671112233");
                assertThat(a.deadline()).isEqualTo(clock.instant().plusSeconds(6 * 3600));
            });
        }
    }

    @ParameterizedTest
    @MethodSource("ua.zvernennia.storage.TestDatabases#dialects")
    void aReDeliveredUpdateChangesNothing(Dialect dialect) {
        try (Storage storage = TestDatabases.open(dialect, dir, clock)) {
            ChatDriver driver = new ChatDriver(storage.unitOfWork(), clock, chat)
                    .consented()
                    .press("📝 Нове звернення");
            Inbound lifts = new Inbound(chat, new Event.ButtonPress("cat:lifts"), clock.instant(), "update-77", null);
            driver.deliver(lifts).expectText("Опишіть проблему");
            driver.deliver(lifts).expectNoReply();
            driver.send("Ліфт зупинився між поверхами").expectText("Додайте фото");
        }
    }
}
