package ua.zvernennia.core.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import ua.zvernennia.core.appeal.Appeal;
import ua.zvernennia.core.appeal.AppealStatus;
import ua.zvernennia.core.appeal.AppealStore;
import ua.zvernennia.core.testing.ChatDriver;

/** «🔐 Мої дані»: the citizen sees what is kept about them and erases it, open appeals aside. */
class MyDataTest {
    final Chats city = new Chats();

    @Test
    void theCitizenSeesWhatIsKept() {
        ChatDriver chat = city.newChat();
        city.file(chat);
        chat.press("🔐 Мої дані")
                .expectText("Що про вас зберігається")
                .expectText("Олена Коваленко")
                .expectText("+380501234567")
                .expectText("Звернень: 1, з них відкритих: 1")
                .expectButtons("🗑 Видалити мої дані", "⬅️ Назад");
        chat.press("⬅️ Назад").expectText(Chats.question(Step.MAIN_MENU));
    }

    @Test
    void erasingWithdrawsConsentAnonymisesClosedAppealsAndKeepsOpenOnes() {
        ChatDriver chat = city.newChat();
        Appeal closed = city.file(chat);
        chat.press("📝 Нове звернення");
        for (StepRow s : Steps.TABLE.draft()) {
            Chats.answer(chat, s.step());
        }
        Appeal open = city.stores.appeals().stream()
                .filter(a -> chat.chat().equals(a.chat()))
                .reduce((a, b) -> b)
                .orElseThrow();
        assertThat(open.number()).isNotEqualTo(closed.number());
        city.operator(closed, AppealStatus.REJECTED, "Не належить до компетенції");

        chat.press("🔐 Мої дані")
                .press("🗑 Видалити мої дані")
                .expectText("Відкриті звернення (№ " + open.number() + ")")
                .expectButtons("↩️ Відкликати № " + open.number(), "🗑 Видалити все, крім відкритих", "⬅️ Назад");
        chat.press("🗑 Видалити все, крім відкритих")
                .expectText("Ваші дані видалено")
                .expectText("Знеособлено закритих звернень: 1")
                .expectText("№ " + open.number());

        assertThat(city.stores.citizen(chat.chat()))
                .as("consent and saved details gone")
                .isEmpty();
        assertThat(city.step(chat)).isEqualTo(Step.CONSENT);
        assertThat(city.draft(chat)).isEqualTo(Draft.EMPTY);
        Appeal anonymised = city.stores.appeals().stream()
                .filter(a -> a.number().equals(closed.number()))
                .findFirst()
                .orElseThrow();
        assertThat(anonymised.phone()).isEqualTo(AppealStore.ANONYMOUS_PHONE);
        assertThat(anonymised.name()).isEqualTo(AppealStore.ANONYMOUS_NAME);
        assertThat(anonymised.chat()).isNull();
        assertThat(anonymised.status()).isEqualTo(AppealStatus.REJECTED);
        Appeal kept = city.stores.appeals().stream()
                .filter(a -> a.number().equals(open.number()))
                .findFirst()
                .orElseThrow();
        assertThat(kept.phone().e164()).isEqualTo("+380501234567");
        assertThat(kept.chat()).isEqualTo(chat.chat());

        chat.send("/start").expectText("Вітаю");
    }

    @Test
    void withoutOpenAppealsTheCitizenIsAskedToConfirm() {
        ChatDriver chat = city.newChat();
        chat.send("/start").press("✅ Погоджуюсь");
        chat.press("🔐 Мої дані")
                .expectText("Звернень: 0")
                .press("🗑 Видалити мої дані")
                .expectText("Це не можна скасувати")
                .expectButtons("🗑 Так, видалити", "⬅️ Назад");
        chat.press("⬅️ Назад").expectText("Що про вас зберігається");
        chat.press("🗑 Видалити мої дані").press("🗑 Так, видалити").expectText("Ваші дані видалено");
        assertThat(city.stores.citizen(chat.chat())).isEmpty();
    }

    @Test
    void photosSentAreQueuedToBeKept() {
        ChatDriver chat = city.at(Step.PHOTOS);
        chat.photo("ph-1", "").photo("ph-2", "");
        assertThat(city.stores.keptPhotos()).contains("ph-1", "ph-2");
    }
}
