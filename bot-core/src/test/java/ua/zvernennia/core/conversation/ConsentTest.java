package ua.zvernennia.core.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import ua.zvernennia.core.conversation.ButtonId.Fixed;
import ua.zvernennia.core.testing.ChatDriver;

class ConsentTest {
    final Chats city = new Chats();
    final ChatDriver chat = city.newChat();

    @Test
    void nothingPersonalIsKeptUntilConsent() {
        chat.send("/start").expectText("персональних даних").expectButtons("✅ Погоджуюсь", "❌ Ні");
        chat.send("Олена Коваленко, 0501234567");
        assertThat(Chats.reasked(chat, Step.CONSENT)).contains("Погоджуюсь");
        chat.shareContact("+380501234567", true);
        chat.press("❌ Ні").expectText("Без згоди");

        assertThat(city.stores.citizen(chat.chat())).isEmpty();
        assertThat(city.stores.appeals()).isEmpty();
        assertThat(city.state(chat).draft()).isEqualTo(Draft.EMPTY);
    }

    @Test
    void declinedThenConsentsLater() {
        chat.send("/start").press("❌ Ні").expectText("Без згоди").expectText("/start");
        assertThat(city.step(chat)).isEqualTo(Step.CONSENT);

        chat.send("Привіт");
        assertThat(Chats.reasked(chat, Step.CONSENT)).isNotBlank();
        chat.send("/start")
                .expectButtons("✅ Погоджуюсь")
                .press("✅ Погоджуюсь")
                .expectText("Дякуємо")
                .expectText("Чим можу допомогти?");
        assertThat(city.stores.citizen(chat.chat())).hasValueSatisfying(c -> {
            assertThat(c.consentAt()).isEqualTo(Chats.NOW);
            assertThat(c.name()).isNull();
            assertThat(c.phone()).isNull();
        });
    }

    @Test
    void theOldConsentButtonStillWorksAfterDeclining() {
        chat.send("/start").press("❌ Ні").pressId(Fixed.CONSENT_YES.encode()).expectText("Чим можу допомогти?");
        assertThat(city.stores.citizen(chat.chat())).isPresent();
    }

    @Test
    void beforeConsentEveryOtherButtonLeadsBackToTheQuestion() {
        chat.send("/start").pressId(Fixed.NEW_APPEAL.encode());
        assertThat(Chats.reasked(chat, Step.CONSENT)).contains("неактуальна");
        chat.pressId(Fixed.CANCEL.encode()).expectText(Chats.question(Step.CONSENT));
        assertThat(city.stores.citizen(chat.chat())).isEmpty();
    }

    @Test
    void typedConsentCounts() {
        chat.send("/start").send("погоджуюсь").expectText("Чим можу допомогти?");
    }

    @Test
    void aCitizenWhoseConversationWasLostIsNotAskedToConsentAgain() {
        chat.send("/start").press("🌐 English").press("✅ I agree");
        city.stores.forgetConversation(chat.chat());

        chat.pressId(Fixed.NEW_APPEAL.encode()).expectText("Choose the direction");
        assertThat(city.step(chat)).isEqualTo(Step.CATEGORY);
    }
}
