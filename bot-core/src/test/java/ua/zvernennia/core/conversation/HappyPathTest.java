package ua.zvernennia.core.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import ua.zvernennia.core.chat.Channel;
import ua.zvernennia.core.chat.ChatKey;
import ua.zvernennia.core.chat.Keyboard;
import ua.zvernennia.core.testing.ChatDriver;
import ua.zvernennia.core.testing.MemoryStores;
import ua.zvernennia.core.testing.TestCategories;

class HappyPathTest {
    final Clock clock = Clock.fixed(Instant.parse("2026-03-10T08:00:00Z"), ZoneOffset.UTC);
    final MemoryStores stores = new MemoryStores(TestCategories.small());
    final ChatDriver chat = new ChatDriver(stores, clock, ChatKey.of(Channel.TELEGRAM, "42"));

    @Test
    void fromStartToAppealNumber() {
        chat.send("/start")
                .expectText("Вітаю")
                .expectButtons("✅ Погоджуюсь", "❌ Ні")
                .press("✅ Погоджуюсь")
                .expectButtons("📝 Нове звернення", "📋 Мої звернення", "❓ Допомога")
                .press("📝 Нове звернення")
                .expectText("Оберіть напрямок")
                .expectButtons("💧 Водоканал", "🛗 Ліфти")
                .press("🛗 Ліфти")
                .expectText("Опишіть проблему")
                .send("Не працює ліфт у першому підʼїзді третій день")
                .expectText("Додайте фото")
                .press("⏭ Пропустити")
                .expectText("Де проблема?")
                .expectKeyboard(Keyboard.RequestLocation.class)
                .shareLocation(48.4647, 35.0462)
                .expectText("імʼя та прізвище")
                .send("Олена Коваленко")
                .expectText("Ваша адреса")
                .send("вул. Шевченка, 5, кв. 12")
                .expectKeyboard(Keyboard.RequestContact.class)
                .send("050 123 45 67")
                .expectText("Перевірте")
                .expectText("Олена Коваленко")
                .expectText("+380501234567")
                .press("✅ Підтвердити")
                .expectText("№ 2026-000001")
                .expectText("10.03.2026 16:00");

        assertThat(stores.appeals()).singleElement().satisfies(a -> {
            assertThat(a.categoryId()).isEqualTo("lifts");
            assertThat(a.phone().e164()).isEqualTo("+380501234567");
            assertThat(a.name().lastName()).isEqualTo("Коваленко");
            assertThat(a.point().latitude()).isEqualTo(48.4647);
            assertThat(a.deadline()).isEqualTo(Instant.parse("2026-03-10T14:00:00Z"));
            assertThat(a.legalDeadline()).isEqualTo(Instant.parse("2026-04-09T08:00:00Z"));
        });
    }
}
