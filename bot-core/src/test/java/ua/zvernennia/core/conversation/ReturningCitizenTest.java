package ua.zvernennia.core.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import ua.zvernennia.core.conversation.ButtonId.Fixed;
import ua.zvernennia.core.testing.ChatDriver;

class ReturningCitizenTest {
    final Chats city = new Chats();
    final ChatDriver chat = city.at(Step.SUMMARY);

    @Test
    void savedDetailsAreOfferedAndUsed() {
        chat.press("✅ Підтвердити");
        assertThat(city.stores.citizen(chat.chat())).hasValueSatisfying(c -> {
            assertThat(c.name().full()).isEqualTo(Chats.NAME);
            assertThat(c.address()).isEqualTo(Chats.ADDRESS);
            assertThat(c.phone().e164()).isEqualTo("+380501234567");
        });

        chat.send("/start")
                .press("📝 Нове звернення")
                .press("🛣 Дороги")
                .send("Яма на дорозі біля школи")
                .press("⏭ Пропустити")
                .send("вул. Шкільна, 3")
                .expectButtons("✅ Олена Коваленко")
                .press("✅ Олена Коваленко")
                .expectButtons("✅ " + Chats.ADDRESS)
                .press("✅ " + Chats.ADDRESS)
                .expectButtons("✅ +380501234567")
                .press("✅ +380501234567")
                .expectText(Chats.question(Step.SUMMARY))
                .expectText(Chats.NAME)
                .expectText(Chats.ADDRESS)
                .press("✅ Підтвердити")
                .expectText("№ 2026-000002");

        assertThat(city.stores.appeals()).hasSize(2);
        assertThat(city.stores.appeals().get(1)).satisfies(a -> {
            assertThat(a.name().full()).isEqualTo(Chats.NAME);
            assertThat(a.address()).isEqualTo(Chats.ADDRESS);
            assertThat(a.phone().e164()).isEqualTo("+380501234567");
        });
    }

    @Test
    void typingSomethingElseReplacesTheSavedDetails() {
        chat.press("✅ Підтвердити")
                .press("📝 Нове звернення")
                .press("🛗 Ліфти")
                .send("Застряг ліфт")
                .press("⏭ Пропустити")
                .press("🏠 Та сама, що моя адреса")
                .send("Петро Мельник")
                .send("вул. Нова, 7")
                .send("067 765 43 21")
                .press("✅ Підтвердити");
        assertThat(city.stores.appeals().get(1).placeAddress()).isEqualTo("вул. Нова, 7");
        assertThat(city.stores.citizen(chat.chat())).hasValueSatisfying(c -> {
            assertThat(c.name().full()).isEqualTo("Петро Мельник");
            assertThat(c.phone().e164()).isEqualTo("+380677654321");
        });
    }

    @Test
    void aNewcomerGetsNoSavedButtons() {
        ChatDriver newcomer = city.at(Step.NAME);
        assertThat(newcomer.buttons()).noneMatch(b -> b.id().equals(Fixed.USE_SAVED.encode()));
        newcomer.pressId(Fixed.USE_SAVED.encode());
        assertThat(Chats.reasked(newcomer, Step.NAME)).contains("неактуальна");
        assertThat(city.draft(newcomer).name()).isNull();
    }
}
