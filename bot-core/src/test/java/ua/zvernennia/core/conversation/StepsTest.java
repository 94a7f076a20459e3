package ua.zvernennia.core.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import ua.zvernennia.core.appeal.Appeal;
import ua.zvernennia.core.appeal.AppealNumber;
import ua.zvernennia.core.category.DeadlineClass;
import ua.zvernennia.core.chat.Keyboard;
import ua.zvernennia.core.conversation.ButtonId.Fixed;
import ua.zvernennia.core.testing.ChatDriver;

/** Each step's happy paths, as a citizen goes through them. */
class StepsTest {
    final Chats city = new Chats();

    Appeal onlyAppeal() {
        assertThat(city.stores.appeals()).hasSize(1);
        return city.stores.appeals().get(0);
    }

    /** From the description on, with the usual answers, to the submitted appeal. */
    static void finish(ChatDriver chat) {
        chat.send(Chats.DESCRIPTION)
                .press("⏭ Пропустити")
                .send(Chats.PLACE)
                .send(Chats.NAME)
                .send(Chats.ADDRESS)
                .send(Chats.PHONE)
                .press("✅ Підтвердити")
                .expectText("№ 2026-");
    }

    // ---- category -----------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"ліфти", "Ліфти", "ЛІФТИ", "🛗 Ліфти", "  ліфти! ", "ліфт"})
    void categoryByTypedName(String typed) {
        ChatDriver chat = city.at(Step.CATEGORY);
        chat.send(typed).expectText(Chats.question(Step.DESCRIPTION));
        assertThat(city.draft(chat).categoryId()).isEqualTo("lifts");
    }

    @Test
    void categoryTypedWithIssueTypesLeadsToThem() {
        ChatDriver chat = city.at(Step.CATEGORY);
        chat.send("Водоканал").expectText("Водоканал: що саме сталося?").expectButtons("Немає води", "Протікання");
        assertThat(city.step(chat)).isEqualTo(Step.ISSUE_TYPE);
    }

    @Test
    void categoryTypedInTheMainMenuStartsAnAppeal() {
        ChatDriver chat = city.at(Step.MAIN_MENU);
        chat.send("ліфти").expectText(Chats.question(Step.DESCRIPTION));
        assertThat(city.draft(chat).categoryId()).isEqualTo("lifts");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ві", "погода", "сміття на вулиці", "12"})
    void unknownOrAmbiguousCategoryIsAskedAgain(String typed) {
        ChatDriver chat = city.at(Step.CATEGORY);
        chat.send(typed);
        assertThat(Chats.reasked(chat, Step.CATEGORY)).contains("Не знайшов такого напрямку");
        chat.expectButtons("💧 Водоканал", "🛗 Ліфти", "💡 Вуличне освітлення", "🛣 Дороги");
        assertThat(city.step(chat)).isEqualTo(Step.CATEGORY);
        assertThat(city.draft(chat).categoryId()).isNull();
    }

    @Test
    void issueTypeByButtonAndByTypedName() {
        ChatDriver chat = city.at(Step.ISSUE_TYPE);
        chat.send("немає води").expectText(Chats.question(Step.DESCRIPTION));
        assertThat(city.draft(chat).issueTypeId()).isEqualTo("no-water");

        ChatDriver other = city.at(Step.ISSUE_TYPE);
        other.press("Протікання").expectText(Chats.question(Step.DESCRIPTION));
        assertThat(city.draft(other).issueTypeId()).isEqualTo("leak");

        ChatDriver third = city.at(Step.ISSUE_TYPE);
        third.send("щось інше");
        assertThat(Chats.reasked(third, Step.ISSUE_TYPE)).contains("один із варіантів");
    }

    // ---- deadlines ----------------------------------------------------------------------

    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvSource({
        "🛗 Ліфти, , EMERGENCY, 10.03.2026 16:00",
        "💧 Водоканал, Немає води, EMERGENCY, 10.03.2026 16:00",
        "💧 Водоканал, Протікання, SHORT, 11.03.2026 10:00",
        "💡 Вуличне освітлення, , MEDIUM, 13.03.2026 10:00",
        "🛣 Дороги, , LONG, 17.03.2026 10:00"
    })
    void deadlineOfTheCategoryOrItsIssueType(String category, String issueType, DeadlineClass expected, String shown) {
        ChatDriver chat = city.at(Step.CATEGORY);
        chat.press(category);
        if (issueType != null) {
            chat.press(issueType);
        }
        finish(chat);

        chat.expectText("Строк виконання: до " + shown)
                // 30 days on, after the switch to summer time: 11:00 in Kyiv.
                .expectText("Граничний строк розгляду за законом: до 09.04.2026 11:00");
        Appeal a = onlyAppeal();
        assertThat(a.deadlineClass()).isEqualTo(expected);
        assertThat(Duration.between(a.createdAt(), a.deadline())).isEqualTo(expected.duration());
        assertThat(a.legalDeadline()).isEqualTo(Chats.NOW.plus(Duration.ofDays(30)));
        assertThat(a.issueTypeId())
                .isEqualTo(issueType == null ? null : issueType.equals("Немає води") ? "no-water" : "leak");
    }

    // ---- description and photos -----------------------------------------------------------

    @Test
    void noPhotos() {
        ChatDriver chat = city.at(Step.PHOTOS);
        chat.expectButtons("⏭ Пропустити").press("⏭ Пропустити").expectText(Chats.question(Step.PLACE));
        assertThat(city.draft(chat).photos()).isEmpty();
    }

    @Test
    void somePhotos() {
        ChatDriver chat = city.at(Step.PHOTOS);
        chat.photo("p1", "")
                .expectText("Додано фото: 1 з 5")
                .expectButtons("✅ Готово")
                .photo("p2", "")
                .expectText("Додано фото: 2 з 5")
                .press("✅ Готово")
                .expectText(Chats.question(Step.PLACE));
        assertThat(city.draft(chat).photos()).extracting(p -> p.fileId()).containsExactly("p1", "p2");

        chat.send(Chats.PLACE)
                .send(Chats.NAME)
                .send(Chats.ADDRESS)
                .send(Chats.PHONE)
                .expectText("Фото: 2")
                .press("✅ Підтвердити");
        assertThat(onlyAppeal().photos()).hasSize(2);
    }

    @Test
    void theFifthPhotoIsTheLastAndMovesOn() {
        ChatDriver chat = city.at(Step.PHOTOS);
        for (int i = 1; i <= 4; i++) {
            chat.photo("p" + i, "");
        }
        chat.photo("p5", "").expectText("це максимум").expectText(Chats.question(Step.PLACE));
        assertThat(city.step(chat)).isEqualTo(Step.PLACE);

        chat.photo("p6", "");
        assertThat(Chats.reasked(chat, Step.PLACE)).contains("не більше 5 фото");
        assertThat(city.draft(chat).photos()).hasSize(5);
    }

    @Test
    void photoWithCaptionAtTheDescriptionStepIsBoth() {
        ChatDriver chat = city.at(Step.DESCRIPTION);
        chat.photo("p1", "Розбита труба біля входу").expectText("Додано фото: 1 з 5");
        assertThat(city.step(chat)).isEqualTo(Step.PHOTOS);
        assertThat(city.draft(chat).description()).isEqualTo("Розбита труба біля входу");
        assertThat(city.draft(chat).photos()).hasSize(1);
    }

    @Test
    void photoWithoutCaptionAtTheDescriptionStepIsKeptAndTheTextAskedFor() {
        ChatDriver chat = city.at(Step.DESCRIPTION);
        chat.photo("p1", "").expectText("Фото збережено").expectText(Chats.question(Step.DESCRIPTION));
        assertThat(city.step(chat)).isEqualTo(Step.DESCRIPTION);
        chat.send("Тече труба").expectText("Додано фото: 1 з 5");
    }

    @Test
    void aCaptionTooLongForTheDescriptionIsSaidSo() {
        ChatDriver chat = city.at(Step.DESCRIPTION);
        chat.photo("p1", "а".repeat(3000));
        assertThat(Chats.reasked(chat, Step.DESCRIPTION))
                .contains("Фото збережено")
                .contains("Опис задовгий: 3000");
        assertThat(city.draft(chat).description()).isNull();
        assertThat(city.draft(chat).photos()).hasSize(1);
    }

    @Test
    void photosBeyondTheLimitAtTheDescriptionStepAreNotClaimedSaved() {
        ChatDriver chat = city.at(Step.DESCRIPTION);
        for (int i = 1; i <= 5; i++) {
            chat.photo("p" + i, "");
        }
        chat.photo("p6", "").expectNoText("Фото збережено").expectText("не більше 5 фото");
        assertThat(city.draft(chat).photos()).hasSize(5);

        chat.send("Тече труба").expectText("це максимум").expectText(Chats.question(Step.PLACE));
        assertThat(city.step(chat)).isEqualTo(Step.PLACE);
    }

    @Test
    void descriptionIsStrippedAndKeptAsTyped() {
        ChatDriver chat = city.at(Step.DESCRIPTION);
        chat.send("  Немає світла\nу під'їзді №3  ");
        assertThat(city.draft(chat).description()).isEqualTo("Немає світла\nу під'їзді №3");
    }

    @Test
    void sqlLikeTextIsJustText() {
        ChatDriver chat = city.at(Step.DESCRIPTION);
        chat.send(BadInputTest.SQL)
                .press("⏭ Пропустити")
                .send(BadInputTest.SQL)
                .send(Chats.NAME)
                .send(Chats.ADDRESS)
                .send(Chats.PHONE)
                .expectText(BadInputTest.SQL)
                .press("✅ Підтвердити");
        assertThat(onlyAppeal().description()).isEqualTo(BadInputTest.SQL);
        assertThat(onlyAppeal().placeAddress()).isEqualTo(BadInputTest.SQL);
    }

    // ---- place --------------------------------------------------------------------------

    @Test
    void placeByLocation() {
        ChatDriver chat = city.at(Step.PLACE);
        chat.expectKeyboard(Keyboard.RequestLocation.class)
                .shareLocation(48.4647, 35.0462)
                .expectText(Chats.question(Step.NAME))
                .expectKeyboard(Keyboard.Remove.class);
        chat.send(Chats.NAME)
                .send(Chats.ADDRESS)
                .send(Chats.PHONE)
                .expectText("геолокація (48.46470, 35.04620)")
                .press("✅ Підтвердити");
        assertThat(onlyAppeal().point().longitude()).isEqualTo(35.0462);
        assertThat(onlyAppeal().placeAddress()).isNull();
    }

    @Test
    void placeOutOfTheWorldIsRefused() {
        ChatDriver chat = city.at(Step.PLACE);
        chat.shareLocation(91, 200);
        assertThat(Chats.reasked(chat, Step.PLACE)).contains("геолокацію");
        assertThat(city.step(chat)).isEqualTo(Step.PLACE);
    }

    @Test
    void placeTyped() {
        ChatDriver chat = city.at(Step.PLACE);
        chat.send("  просп. Науки, 14 ").expectText(Chats.question(Step.NAME));
        chat.send(Chats.NAME)
                .send(Chats.ADDRESS)
                .send(Chats.PHONE)
                .expectText("Місце: просп. Науки, 14")
                .press("✅ Підтвердити");
        assertThat(onlyAppeal().placeAddress()).isEqualTo("просп. Науки, 14");
    }

    @Test
    void placeSameAsHome() {
        ChatDriver chat = city.at(Step.PLACE);
        chat.press("🏠 Та сама, що моя адреса")
                .expectText(Chats.question(Step.NAME))
                .send(Chats.NAME)
                .send(Chats.ADDRESS)
                .send(Chats.PHONE)
                .expectText("Місце: за вашою адресою")
                .press("✅ Підтвердити");
        Appeal a = onlyAppeal();
        assertThat(a.placeAddress()).isEqualTo(Chats.ADDRESS).isEqualTo(a.address());
        assertThat(a.point()).isNull();
    }

    // ---- name, address, phone -------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Олена Коваленко",
                "марʼяна іваненко-петрук",
                "Мар'яна Петрук",
                "Мар’яна Петрук",
                "Ivan Franko",
                "Коваленко Олена Петрівна"
            })
    void namesAccepted(String name) {
        ChatDriver chat = city.at(Step.NAME);
        chat.send(name).expectText(Chats.question(Step.ADDRESS));
        assertThat(city.draft(chat).name().full()).isEqualTo(name);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "Олена | і імʼя, і прізвище",
                "Олена 2 | лише літери",
                "Олена Коваленко1 | лише літери",
                "Олена Ковааааааааааааааааааааааааааааааааааааааааааааааааааааааааааленко | Задовго"
            })
    void namesRefused(String typed, String because) {
        ChatDriver chat = city.at(Step.NAME);
        chat.send(typed);
        assertThat(Chats.reasked(chat, Step.NAME)).contains(because);
        assertThat(city.step(chat)).isEqualTo(Step.NAME);
    }

    @Test
    void addressTooShortIsExplainedWithAnExample() {
        ChatDriver chat = city.at(Step.ADDRESS);
        chat.send("вул");
        assertThat(Chats.reasked(chat, Step.ADDRESS)).contains("закоротка").contains("вул. Шевченка, 5");
    }

    @Test
    void ownContactShared() {
        ChatDriver chat = city.at(Step.PHONE);
        chat.expectKeyboard(Keyboard.RequestContact.class)
                .shareContact("+380501234567", true)
                .expectText(Chats.question(Step.SUMMARY))
                .expectKeyboard(Keyboard.Remove.class);
        assertThat(city.draft(chat).phone().e164()).isEqualTo("+380501234567");
    }

    @Test
    void ownContactWithoutPlusAsViberSendsIt() {
        ChatDriver chat = city.at(Step.PHONE);
        chat.shareContact("380671234567", true).expectText(Chats.question(Step.SUMMARY));
        assertThat(city.draft(chat).phone().e164()).isEqualTo("+380671234567");
    }

    @Test
    void someoneElsesContactIsRefused() {
        ChatDriver chat = city.at(Step.PHONE);
        chat.shareContact("+380671234567", false);
        assertThat(Chats.reasked(chat, Step.PHONE)).contains("власним номером");
        assertThat(city.draft(chat).phone()).isNull();
    }

    @Test
    void ownForeignContactIsRefused() {
        ChatDriver chat = city.at(Step.PHONE);
        chat.shareContact("+12025550100", true);
        assertThat(Chats.reasked(chat, Step.PHONE))
                .contains("український номер")
                .contains("050 123 45 67");
        assertThat(city.draft(chat).phone()).isNull();
    }

    // ---- summary, submit, my appeals ----------------------------------------------------------

    @Test
    void summaryShowsEverything() {
        ChatDriver chat = city.at(Step.SUMMARY);
        chat.expectText("💧 Водоканал — Протікання")
                .expectText(Chats.DESCRIPTION)
                .expectText("Фото: 0")
                .expectText(Chats.PLACE)
                .expectText(Chats.NAME)
                .expectText(Chats.ADDRESS)
                .expectText("+380501234567")
                .expectButtons(
                        "✅ Підтвердити",
                        "✏️ Напрямок",
                        "✏️ Опис",
                        "✏️ Фото",
                        "✏️ Місце",
                        "✏️ Імʼя",
                        "✏️ Адреса",
                        "✏️ Телефон",
                        "⬅️ Назад",
                        "✖️ Скасувати");
        assertThat(city.stores.appeals())
                .as("nothing is stored before confirming")
                .isEmpty();
    }

    @Test
    void submitGivesNumberAndExecutorAndThenTheMenu() {
        ChatDriver chat = city.at(Step.SUMMARY);
        chat.press("✅ Підтвердити")
                .expectText("№ 2026-000001")
                .expectText("КП «Водоканал»")
                .expectText(Chats.question(Step.MAIN_MENU));
        assertThat(city.step(chat)).isEqualTo(Step.MAIN_MENU);
        assertThat(city.draft(chat)).isEqualTo(Draft.EMPTY);
        Appeal a = onlyAppeal();
        assertThat(a.chat()).isEqualTo(chat.chat());
        assertThat(a.name().full()).isEqualTo(Chats.NAME);
        assertThat(a.address()).isEqualTo(Chats.ADDRESS);
        assertThat(a.executor()).isEqualTo("КП «Водоканал»");
    }

    @Test
    void aSecondPressOfConfirmFilesNothingMore() {
        ChatDriver chat = city.at(Step.SUMMARY);
        chat.press("✅ Підтвердити").pressId(Fixed.CONFIRM.encode());
        assertThat(Chats.reasked(chat, Step.MAIN_MENU)).contains("неактуальна");
        assertThat(city.stores.appeals()).hasSize(1);
    }

    @Test
    void myAppealsListsTheSubmittedOnes() {
        ChatDriver chat = city.at(Step.MAIN_MENU);
        chat.press("📋 Мої звернення").expectText("У вас ще немає звернень").press("⬅️ Назад");
        chat.press("📝 Нове звернення").press("🛗 Ліфти");
        finish(chat);
        chat.press("📝 Нове звернення").press("🛣 Дороги");
        finish(chat);

        chat.press("📋 Мої звернення")
                .expectText("№ 2026-000001")
                .expectText("№ 2026-000002")
                .expectText("зареєстровано")
                .expectButtons("№ 2026-000001", "№ 2026-000002");
        String list = chat.lastText();
        assertThat(list.indexOf("2026-000002")).as("newest first").isLessThan(list.indexOf("2026-000001"));

        chat.press("№ 2026-000001")
                .expectText("Ліфти")
                .expectText(Chats.DESCRIPTION)
                .expectText("Подано: 10.03.2026 10:00");
        assertThat(city.step(chat)).isEqualTo(Step.MY_APPEALS);
    }

    @Test
    void aNewAppealStraightFromTheEmptyListOfAppeals() {
        ChatDriver chat = city.at(Step.MY_APPEALS);
        chat.expectButtons("📝 Нове звернення").press("📝 Нове звернення").expectText(Chats.question(Step.CATEGORY));
        assertThat(city.step(chat)).isEqualTo(Step.CATEGORY);
    }

    @Test
    void someoneElsesAppealIsNotShown() {
        ChatDriver first = city.at(Step.SUMMARY);
        first.press("✅ Підтвердити");
        ChatDriver other = city.at(Step.MAIN_MENU);
        other.press("📋 Мої звернення")
                .expectText("У вас ще немає звернень")
                .pressId(new ButtonId.OnAppeal(ButtonId.AppealAction.SHOW, new AppealNumber(2026, 1)).encode());
        assertThat(Chats.reasked(other, Step.MY_APPEALS)).contains("неактуальна");
        other.expectNoText(Chats.DESCRIPTION);
    }

    @Test
    void allInOneGoWithTheListOfPhotos() {
        ChatDriver chat = city.at(Step.PHOTOS);
        chat.photo("a", "")
                .photo("b", "")
                .press("✅ Готово")
                .send(Chats.PLACE)
                .send(Chats.NAME)
                .send(Chats.ADDRESS)
                .send(Chats.PHONE)
                .press("✅ Підтвердити");
        assertThat(onlyAppeal().photos()).extracting(p -> p.fileUniqueId()).isEqualTo(List.of("a-u", "b-u"));
        assertThat(onlyAppeal().createdAt()).isEqualTo(Instant.parse("2026-03-10T08:00:00Z"));
    }
}
