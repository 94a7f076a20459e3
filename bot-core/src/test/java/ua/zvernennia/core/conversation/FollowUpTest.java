package ua.zvernennia.core.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import ua.zvernennia.core.appeal.Appeal;
import ua.zvernennia.core.appeal.AppealEvent;
import ua.zvernennia.core.appeal.AppealStatus;
import ua.zvernennia.core.appeal.Rating;
import ua.zvernennia.core.testing.ChatDriver;

/** What follows an appeal in the chat: operators' questions and answers, feedback, withdrawal, the history. */
class FollowUpTest {
    final Chats city = new Chats();
    final ChatDriver chat = city.newChat();
    final Appeal appeal = city.file(chat);

    @Test
    void anOperatorsQuestionIsAnsweredInTheNextMessagesAndAttachedToTheAppeal() {
        city.operator(appeal, AppealStatus.NEEDS_INFO, "Який номер підʼїзду?");
        assertThat(city.lastPush(chat))
                .contains("Звернення № 2026-000001: потрібне уточнення.")
                .contains("Питання від оператора: Який номер підʼїзду?");
        assertThat(city.step(chat)).isEqualTo(Step.ANSWER);

        chat.send("Третій підʼїзд, біля ліфта")
                .expectText("Додано до звернення № 2026-000001")
                .expectButtons("✅ Готово");
        chat.photo("AgACanswer", "ось тут").expectText("Додано до звернення № 2026-000001");
        chat.press("✅ Готово").expectText("передано оператору").expectText(Chats.question(Step.MAIN_MENU));

        assertThat(city.stores.events())
                .filteredOn(e -> e.kind() == AppealEvent.Kind.ANSWER)
                .extracting(AppealEvent::actor, AppealEvent::note)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("citizen", "Третій підʼїзд, біля ліфта"),
                        org.assertj.core.groups.Tuple.tuple("citizen", "photo 0: ось тут"));
        Appeal after = city.stores.appeals().get(0);
        assertThat(after.photos()).extracting(p -> p.fileId()).containsExactly("AgACanswer");
        assertThat(after.status()).isEqualTo(AppealStatus.NEEDS_INFO);

        chat.send("Ще щось").expectText(Chats.question(Step.MAIN_MENU));
        assertThat(city.stores.events())
                .filteredOn(e -> e.kind() == AppealEvent.Kind.ANSWER)
                .hasSize(2);
    }

    @Test
    void aQuestionInTheMiddleOfANewDraftKeepsTheDraftForAfterwards() {
        chat.press("📝 Нове звернення").press("🛗 Ліфти").send("Не працює ліфт у третьому підʼїзді");
        assertThat(city.step(chat)).isEqualTo(Step.PHOTOS);

        city.operator(appeal, AppealStatus.NEEDS_INFO, "Коли з'явилася проблема?");
        assertThat(city.step(chat)).isEqualTo(Step.ANSWER);
        chat.send("Вчора ввечері")
                .press("✅ Готово")
                .expectText("Повертаємось до вашої чернетки")
                .expectText(Chats.question(Step.PLACE));
        assertThat(city.draft(chat).description()).isEqualTo("Не працює ліфт у третьому підʼїзді");
    }

    @Test
    void anAnswerCanBeStartedFromTheListToo() {
        city.operator(appeal, AppealStatus.NEEDS_INFO, "Який номер підʼїзду?");
        chat.send("/start")
                .press("📋 Мої звернення")
                .press("№ 2026-000001")
                .expectText("Коментар: Який номер підʼїзду?")
                .press("✍️ Відповісти")
                .expectText(Chats.question(Step.ANSWER));
        chat.send("Другий").expectText("Додано до звернення");
    }

    @Test
    void solvedMeansARatingThatIsKept() {
        city.operator(appeal, AppealStatus.RESOLVED, "Трубу замінено");
        assertThat(city.lastPush(chat))
                .contains("Звернення № 2026-000001: вирішено.")
                .contains("Коментар: Трубу замінено")
                .contains("Чи вирішено вашу проблему?");
        city.pressInPush(chat, "✅ Так");
        chat.expectText("Радіємо")
                .expectText("Оцініть, будь ласка, як розглянули звернення № 2026-000001")
                .press("⭐ 5")
                .expectText("Дякуємо за оцінку");

        assertThat(city.stores.rating(appeal.number())).contains(5);
        assertThat(city.stores.events())
                .extracting(AppealEvent::kind)
                .endsWith(AppealEvent.Kind.FEEDBACK, AppealEvent.Kind.RATING);
        assertThat(city.stores.appeals().get(0).status()).isEqualTo(AppealStatus.RESOLVED);
        assertThat(city.step(chat)).isEqualTo(Step.MAIN_MENU);
    }

    @Test
    void notSolvedReopensTheAppealWithTheCitizensComment() {
        city.operator(appeal, AppealStatus.RESOLVED, "Трубу замінено");
        assertThat(city.stores.closedAt(appeal.number())).isPresent();

        city.pressInPush(chat, "❌ Ні");
        chat.expectText("що саме не так")
                .send("Вода досі тече з труби")
                .expectText("Звернення № 2026-000001 повернуто в роботу")
                .expectText("Оцініть")
                .send("2")
                .expectText("Дякуємо за оцінку");

        assertThat(city.stores.appeals().get(0).status()).isEqualTo(AppealStatus.IN_PROGRESS);
        assertThat(city.stores.closedAt(appeal.number()))
                .as("reopened: not closed any more")
                .isEmpty();
        assertThat(city.stores.events())
                .filteredOn(e -> e.kind() == AppealEvent.Kind.STATUS)
                .last()
                .satisfies(e -> {
                    assertThat(e.from()).isEqualTo(AppealStatus.RESOLVED);
                    assertThat(e.to()).isEqualTo(AppealStatus.IN_PROGRESS);
                    assertThat(e.actor()).isEqualTo("citizen");
                    assertThat(e.note()).isEqualTo("Вода досі тече з труби");
                });
        assertThat(city.stores.rating(appeal.number())).contains(2);

        // The old push's buttons no longer apply.
        chat.pressId(new ButtonId.OnAppeal(ButtonId.AppealAction.NOT_SOLVED, appeal.number()).encode())
                .expectText("уже має статус «у роботі»");
    }

    @Test
    void theListShowsTheHistoryAndTheCitizenMayWithdraw() {
        city.operator(appeal, AppealStatus.IN_PROGRESS, "Передано бригаді");
        chat.send("/start")
                .press("📋 Мої звернення")
                .press("№ 2026-000001")
                .expectText("Історія:")
                .expectText("зареєстровано")
                .expectText("у роботі. Коментар: Передано бригаді")
                .press("↩️ Відкликати")
                .expectText("Відкликати звернення № 2026-000001?")
                .press("⬅️ Назад")
                .expectText("Ваші звернення");
        assertThat(city.step(chat)).isEqualTo(Step.MY_APPEALS);
        chat.press("№ 2026-000001")
                .press("↩️ Відкликати")
                .press("✅ Так, відкликати")
                .expectText("Звернення № 2026-000001 відкликано")
                .expectText("відкликано");

        assertThat(city.stores.appeals().get(0).status()).isEqualTo(AppealStatus.WITHDRAWN);
        assertThat(city.stores.closedAt(appeal.number())).isPresent();
        assertThat(city.stores.events()).last().satisfies(e -> {
            assertThat(e.to()).isEqualTo(AppealStatus.WITHDRAWN);
            assertThat(e.actor()).isEqualTo("citizen");
            assertThat(e.outboxId()).isNull();
        });

        chat.press("№ 2026-000001").expectNoButton("↩️ Відкликати");
        chat.pressId(new ButtonId.OnAppeal(ButtonId.AppealAction.WITHDRAW, appeal.number()).encode())
                .expectText("уже має статус «відкликано»");
    }

    @Test
    void someoneElsesAppealCannotBeTouched() {
        ChatDriver other = city.at(Step.MAIN_MENU);
        other.pressId(new ButtonId.OnAppeal(ButtonId.AppealAction.WITHDRAW, appeal.number()).encode())
                .expectText("неактуальна");
        other.pressId(new ButtonId.Rate(appeal.number(), new Rating(1)).encode())
                .expectText("неактуальна");
        assertThat(city.stores.appeals().get(0).status()).isEqualTo(AppealStatus.REGISTERED);
        assertThat(city.stores.rating(appeal.number())).isEmpty();
    }

    @Test
    void thePushIsInTheCitizensLanguage() {
        ChatDriver english = city.newChat();
        english.send("/start").press("🌐 English").press("✅ I agree");
        english.press("📝 New appeal")
                .press("🛗 Lifts")
                .send("The lift is stuck")
                .press("⏭ Skip")
                .send(Chats.PLACE)
                .send(Chats.NAME)
                .send(Chats.ADDRESS)
                .send(Chats.PHONE)
                .press("✅ Confirm");
        Appeal mine = city.stores.appeals().stream()
                .filter(a -> english.chat().equals(a.chat()))
                .findFirst()
                .orElseThrow();
        city.operator(mine, AppealStatus.IN_PROGRESS, "Crew on the way");
        assertThat(city.lastPush(english))
                .isEqualTo("📬 Appeal № " + mine.number() + ": in progress.\nComment: Crew on the way");
    }
}
