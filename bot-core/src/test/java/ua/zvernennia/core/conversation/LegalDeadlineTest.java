package ua.zvernennia.core.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;
import ua.zvernennia.core.category.DeadlineClass;
import ua.zvernennia.core.chat.Channel;
import ua.zvernennia.core.chat.ChatKey;
import ua.zvernennia.core.testing.ChatDriver;
import ua.zvernennia.core.testing.MemoryStores;
import ua.zvernennia.core.testing.TestCategories;

/** Appeals that need no study get the shorter legal deadline; the rest keep the general one. */
class LegalDeadlineTest {
    final Clock clock = Clock.fixed(Instant.parse("2026-03-10T08:00:00Z"), ZoneOffset.UTC);
    final MemoryStores stores = new MemoryStores(TestCategories.small());
    final ConversationSettings settings =
            new ConversationSettings(ZoneId.of("Europe/Kyiv"), 30, 12, 15, Set.of(DeadlineClass.EMERGENCY));

    void file(String chatId, String category) {
        new ChatDriver(stores, clock, ChatKey.of(Channel.TELEGRAM, chatId), settings)
                .send("/start")
                .press("✅ Погоджуюсь")
                .press("📝 Нове звернення")
                .press(category)
                .send("Не працює третій день, дуже просимо допомогти")
                .press("⏭ Пропустити")
                .send("вул. Робоча, 1")
                .send("Олена Коваленко")
                .send("вул. Шевченка, 5, кв. 12")
                .send("050 123 45 67")
                .press("✅ Підтвердити")
                .expectText("за законом: до");
    }

    @Test
    void fifteenDaysForAnEmergencyThirtyForTheRest() {
        file("1", "🛗 Ліфти");
        file("2", "💡 Вуличне освітлення");
        assertThat(stores.appeals())
                .extracting(a -> a.legalDeadline())
                .containsExactly(Instant.parse("2026-03-25T08:00:00Z"), Instant.parse("2026-04-09T08:00:00Z"));
        assertThat(settings.legalDeadlineDays(DeadlineClass.LONG)).isEqualTo(30);
        assertThat(ConversationSettings.defaults().legalDeadlineDays(DeadlineClass.EMERGENCY))
                .isEqualTo(30);
    }
}
