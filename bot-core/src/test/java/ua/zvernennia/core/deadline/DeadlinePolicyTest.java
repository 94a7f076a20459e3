package ua.zvernennia.core.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import ua.zvernennia.core.appeal.Appeal;
import ua.zvernennia.core.appeal.NewAppeal;
import ua.zvernennia.core.appeal.PersonName;
import ua.zvernennia.core.appeal.Phone;
import ua.zvernennia.core.category.Category;
import ua.zvernennia.core.category.DeadlineClass;
import ua.zvernennia.core.chat.Channel;
import ua.zvernennia.core.chat.ChatKey;
import ua.zvernennia.core.conversation.ConversationSettings;
import ua.zvernennia.core.desk.OperatorDesk;
import ua.zvernennia.core.testing.ChatDriver;
import ua.zvernennia.core.testing.MemoryStores;

/** The bot and the operators' desk give an appeal the same deadlines, for every deadline class. */
class DeadlinePolicyTest {
    static final Instant NOW = Instant.parse("2026-03-10T08:00:00Z");
    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    static Stream<Arguments> classesWithAndWithoutStudy() {
        var all = new ArrayList<Arguments>();
        for (DeadlineClass c : DeadlineClass.values()) {
            all.add(Arguments.of(c, false));
            all.add(Arguments.of(c, true));
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0}, no study: {1}")
    @MethodSource("classesWithAndWithoutStudy")
    void theBotAndTheDeskAgree(DeadlineClass deadlineClass, boolean noStudy) {
        Category category =
                new Category("c", "Напрямок", "Direction", "📁", deadlineClass, "Виконавець", 1, true, List.of());
        MemoryStores stores = new MemoryStores(List.of(category));
        var settings = new ConversationSettings(
                ZoneId.of("Europe/Kyiv"), 30, 12, 15, noStudy ? Set.of(deadlineClass) : Set.of());

        new ChatDriver(stores, clock, ChatKey.of(Channel.TELEGRAM, "1"), settings)
                .send("/start")
                .press("✅ Погоджуюсь")
                .press("📝 Нове звернення")
                .press("📁 Напрямок")
                .send("Не працює третій день, дуже просимо допомогти")
                .press("⏭ Пропустити")
                .send("вул. Робоча, 1")
                .send("Олена Коваленко")
                .send("вул. Шевченка, 5, кв. 12")
                .send("050 123 45 67")
                .press("✅ Підтвердити")
                .expectText("за законом: до");
        Appeal byPhone = stores.run(s -> new OperatorDesk(clock, settings)
                .register(
                        s,
                        new NewAppeal(
                                Channel.PHONE,
                                null,
                                category,
                                null,
                                "Застряг ліфт",
                                List.of(),
                                null,
                                "вул. Шевченка, 5",
                                new PersonName("Олена", "Коваленко"),
                                "вул. Шевченка, 5, кв. 12",
                                new Phone("+380501234567")),
                        "Оператор",
                        null));
        Appeal inBot = stores.appeals().get(0);

        Duration legal = Duration.ofDays(noStudy ? 15 : 30);
        for (Appeal a : List.of(inBot, byPhone)) {
            assertThat(Duration.between(a.createdAt(), a.deadline())).isEqualTo(deadlineClass.duration());
            assertThat(Duration.between(a.createdAt(), a.legalDeadline())).isEqualTo(legal);
        }
    }
}
