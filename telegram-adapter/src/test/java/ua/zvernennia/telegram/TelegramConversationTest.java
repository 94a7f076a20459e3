package ua.zvernennia.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import ua.zvernennia.core.chat.Channel;
import ua.zvernennia.core.chat.ChatKey;
import ua.zvernennia.core.testing.TestCategories;
import ua.zvernennia.telegram.FakeBotApi.Shown;

/** The citizen conversation through the real telegrambots client and a fake Bot API, polling. */
class TelegramConversationTest {
    private Harness h;

    @AfterEach
    void close() {
        if (h != null) {
            h.close();
        }
    }

    @Test
    void fromStartToAppealNumberWithButtonsContactLocationPhotoAndAnEditFromTheSummary() throws Exception {
        h = Harness.polling(TestCategories.small());
        TelegramChat chat = h.chat(4242);

        chat.send("/start")
                .expect("Вітаю")
                .press("✅ Погоджуюсь")
                .expect("Дякуємо")
                .press("📝 Нове звернення")
                .expect("Оберіть напрямок");
        Shown categories = chat.shownWith("Оберіть напрямок");
        assertThat(rows(categories.markup()))
                .as("categories two to a row, navigation on its own row")
                .containsExactly(
                        List.of("💧 Водоканал", "🛗 Ліфти"),
                        List.of("💡 Вуличне освітлення", "🛣 Дороги"),
                        List.of("⬅️ Назад", "✖️ Скасувати"));
        assertThat(Harness.callbackData(categories.markup(), "🛗 Ліфти")).isEqualTo("cat:lifts");

        chat.press("💧 Водоканал")
                .expect("що саме сталося")
                .press("Немає води")
                .expect("Опишіть проблему")
                .send("Немає холодної води в будинку з самого ранку")
                .expect("Додайте фото")
                .photo("photo-big", null)
                .expect("Додано фото: 1")
                .press("✅ Готово")
                .expect("Де проблема?");
        JsonNode place = chat.shownWith("Де проблема?").markup();
        assertThat(place.path("keyboard").get(0).get(0).path("request_location").asBoolean())
                .isTrue();
        assertThat(place.path("keyboard").get(0).get(0).path("text").asText()).isEqualTo("📍 Надіслати геолокацію");
        assertThat(buttonTexts(place)).contains("🏠 Та сама, що моя адреса", "⬅️ Назад");

        chat.shareLocation(48.4647, 35.0462).expect("імʼя та прізвище");
        assertThat(chat.since())
                .as("the location keyboard is taken away")
                .anyMatch(s ->
                        s.markup() != null && s.markup().path("remove_keyboard").asBoolean());
        chat.send("Олена Коваленко")
                .expect("Ваша адреса")
                .send("вул. Шевченка, 5, кв. 12")
                .expect("Ваш номер телефону");
        JsonNode phone = chat.shownWith("Ваш номер телефону").markup();
        assertThat(phone.path("keyboard").get(0).get(0).path("request_contact").asBoolean())
                .isTrue();

        chat.shareContact("+380501234567", false)
                .expect("власним номером")
                .shareContact("380501234567", true)
                .expect("Перевірте")
                .expect("Олена Коваленко")
                .press("✏️ Імʼя")
                .expect("імʼя та прізвище")
                .send("Марʼяна Іваненко")
                .expect("Перевірте")
                .expect("Марʼяна Іваненко")
                .press("✅ Підтвердити")
                .expect("№ 2026-000001");

        assertThat(h.stores.appeals()).singleElement().satisfies(a -> {
            assertThat(a.categoryId()).isEqualTo("water");
            assertThat(a.phone().e164()).isEqualTo("+380501234567");
            assertThat(a.name().full()).isEqualTo("Марʼяна Іваненко");
            assertThat(a.point().latitude()).isEqualTo(48.4647);
            assertThat(a.photos())
                    .singleElement()
                    .satisfies(p -> assertThat(p.fileId()).isEqualTo("photo-big"));
        });
        h.settle();
        int presses = (int) h.api.calls().stream()
                .filter(c -> c.method().equals("answerCallbackQuery"))
                .count();
        assertThat(presses).as("every button press answered").isEqualTo(7);
        assertThat(h.api.calls("sendMessage"))
                .allSatisfy(c -> assertThat(c.chatId()).isEqualTo(4242));
    }

    @Test
    void menuPagesAreEditedInPlaceAndAFailedEditSendsANewMessage() throws Exception {
        h = Harness.polling(TestCategories.many(20));
        TelegramChat chat = h.chat(77);
        chat.send("/start").press("✅ Погоджуюсь").press("📝 Нове звернення").expect("сторінка 1 з 2");
        Shown first = chat.shownWith("сторінка 1 з 2");
        int sentBefore = h.api.calls("sendMessage").size();

        chat.press("Далі ▶️").expect("сторінка 2 з 2");
        Shown second = chat.shownWith("сторінка 2 з 2");
        assertThat(second.messageId()).as("the same message, edited").isEqualTo(first.messageId());
        assertThat(h.api.calls("sendMessage")).as("no new message for the page").hasSize(sentBefore);
        assertThat(h.api.calls("editMessageText")).last().satisfies(c -> {
            assertThat(c.params().path("message_id").asInt()).isEqualTo(first.messageId());
            assertThat(c.params().path("reply_markup").path("inline_keyboard").size())
                    .isPositive();
        });
        assertThat(Harness.hasInlineButton(second.markup(), "📁 Напрямок 13")).isTrue();
        assertThat(rows(second.markup())).contains(List.of("◀️ Попередні", "⬅️ Назад"), List.of("✖️ Скасувати"));

        h.api.failNext("editMessageText", 400, "Bad Request: message is not modified", null);
        chat.press("◀️ Попередні").expect("сторінка 1 з 2");
        Shown again = chat.shownWith("сторінка 1 з 2");
        assertThat(again.messageId()).as("a new message after the failed edit").isNotEqualTo(first.messageId());
        assertThat(h.api.calls("sendMessage")).hasSize(sentBefore + 1);

        chat.press("📁 Напрямок 2").expect("Опишіть проблему");
        assertThat(chat.shownWith("Опишіть проблему").messageId())
                .as("the chosen category replaces the menu")
                .isEqualTo(again.messageId());
        assertThat(h.stores.citizen(ChatKey.of(Channel.TELEGRAM, "77"))).isPresent();
    }

    @Test
    void twoChatsInterleavedEachGetTheirOwnRepliesInOrder() throws Exception {
        h = Harness.polling(TestCategories.small());
        h.deliver(
                Updates.text(1, "/start"),
                Updates.text(2, "/start"),
                Updates.text(1, "/help"),
                Updates.text(2, "/cancel"),
                Updates.text(1, "/cancel"),
                Updates.text(2, "/help"));
        h.settle();
        assertThat(texts(1)).containsExactly("Вітаю", "Я приймаю звернення", "Вітаю", "Вітаю");
        assertThat(texts(2)).containsExactly("Вітаю", "Вітаю", "Я приймаю звернення", "Вітаю");
    }

    /** The first words of what chat {@code id} was shown, in order, by what they start with. */
    private List<String> texts(long id) {
        var out = new ArrayList<String>();
        for (Shown s : h.api.shown(id)) {
            out.add(
                    s.text().contains("Я приймаю звернення")
                            ? "Я приймаю звернення"
                            : s.text().contains("Вітаю") ? "Вітаю" : s.text());
        }
        return out;
    }

    static List<List<String>> rows(JsonNode markup) {
        var rows = new ArrayList<List<String>>();
        for (JsonNode row : markup.path("inline_keyboard")) {
            var labels = new ArrayList<String>();
            row.forEach(b -> labels.add(b.path("text").asText()));
            rows.add(labels);
        }
        return rows;
    }

    static List<String> buttonTexts(JsonNode markup) {
        var out = new ArrayList<String>();
        markup.path("keyboard")
                .forEach(row -> row.forEach(b -> out.add(b.path("text").asText())));
        return out;
    }
}
