package ua.zvernennia.core.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import ua.zvernennia.core.testing.ChatDriver;

class LanguageTest {
    final Chats city = new Chats();
    final ChatDriver chat = city.newChat();

    @Test
    void englishFromTheConsentAndBack() {
        chat.send("/start")
                .press("🌐 English")
                .expectText("Do you consent")
                .expectButtons("✅ I agree", "❌ No")
                .press("✅ I agree")
                .expectText("How can I help?")
                .expectButtons("📝 New appeal", "🌐 Українська");
        assertThat(city.stores.citizen(chat.chat()))
                .hasValueSatisfying(c -> assertThat(c.language()).isEqualTo("en"));

        chat.press("📝 New appeal")
                .expectText("Choose the direction")
                .expectButtons("💧 Water supply", "🛗 Lifts")
                .send("lifts")
                .expectText("Describe the problem")
                .send("The lift is stuck")
                .press("⏭ Skip")
                .expectText("Where is the problem?")
                .press("🏠 Same as my address")
                .send("Olena Kovalenko")
                .send("5 Shevchenka St., flat 12")
                .send("050 123 45 67")
                .expectText("Please check your appeal")
                .expectButtons("✅ Confirm", "✏️ Direction")
                .press("✅ Confirm")
                .expectText("Your appeal is registered")
                .expectText("To be done by: 10.03.2026 16:00");

        chat.press("📋 My appeals")
                .expectText("№ 2026-000001 · Lifts")
                .expectText("registered")
                .press("№ 2026-000001")
                .expectText("Direction: Lifts")
                .press("⬅️ Back");
        chat.press("🌐 Українська").expectText("Чим можу допомогти?").expectButtons("📝 Нове звернення");
        assertThat(city.stores.citizen(chat.chat()))
                .hasValueSatisfying(c -> assertThat(c.language()).isEqualTo("uk"));
    }

    @Test
    void errorsAndHelpInEnglish() {
        chat.send("/start")
                .press("🌐 English")
                .press("✅ I agree")
                .press("📝 New appeal")
                .send("zzz");
        chat.expectText("I could not find that direction").expectText("Choose the direction");
        chat.send("/help").expectText("I accept appeals").send("/nope").expectText("I do not know that command");
        chat.unsupported(ua.zvernennia.core.chat.UnsupportedKind.STICKER).expectText("Nice sticker");
        chat.press("✖️ Cancel").expectText("The draft is cancelled");
        assertThat(chat.texts()).noneMatch(t -> t.matches(".*[а-яіїєґ].*"));
    }
}
