package ua.zvernennia.core.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import ua.zvernennia.core.testing.ChatDriver;

/** «Назад», «Скасувати», /start, /help and commands the bot does not know, from every step. */
class NavigationTest {
    final Chats city = new Chats();

    @ParameterizedTest(name = "back from {0} to {1}")
    @CsvSource({
            "MY_APPEALS, MAIN_MENU",
            "CATEGORY, MAIN_MENU",
            "ISSUE_TYPE, CATEGORY",
            "DESCRIPTION, ISSUE_TYPE",
            "PHOTOS, DESCRIPTION",
            "PLACE, PHOTOS",
            "NAME, PLACE",
            "ADDRESS, NAME",
            "PHONE, ADDRESS",
            "SUMMARY, PHONE"})
    void backGoesOneStepBack(StepName from, StepName to) {
        ChatDriver chat = city.at(from);
        Draft before = city.draft(chat);

        chat.press("⬅️ Назад");

        chat.expectText(Chats.question(to));
        assertThat(city.step(chat)).isEqualTo(to);
        if (to.isDraftStep()) {
            assertThat(city.draft(chat)).as("back keeps what was typed").isEqualTo(before);
        }
    }

    @Test
    void backFromDescriptionSkipsTheIssueTypesWhenTheCategoryHasNone() {
        ChatDriver chat = city.at(StepName.CATEGORY);
        chat.press("🛗 Ліфти").expectText(Chats.question(StepName.DESCRIPTION))
                .press("⬅️ Назад")
                .expectText(Chats.question(StepName.CATEGORY))
                .expectButtons("🛗 Ліфти", "💧 Водоканал");
        assertThat(city.step(chat)).isEqualTo(StepName.CATEGORY);
    }

    @Test
    void typedBackWorksLikeTheButton() {
        ChatDriver chat = city.at(StepName.NAME);
        chat.send("назад").expectText(Chats.question(StepName.PLACE));
        assertThat(city.step(chat)).isEqualTo(StepName.PLACE);
    }

    @ParameterizedTest
    @EnumSource(value = StepName.class, names = {"CONSENT", "MAIN_MENU"})
    void nothingBeforeTheFirstSteps(StepName step) {
        ChatDriver chat = city.at(step);
        chat.send("Назад");
        assertThat(Chats.reasked(chat, step)).contains("Назад уже нікуди");
        assertThat(city.step(chat)).isEqualTo(step);
    }

    @ParameterizedTest
    @EnumSource(value = StepName.class, names = {"CATEGORY", "ISSUE_TYPE", "DESCRIPTION", "PHOTOS", "PLACE", "NAME",
            "ADDRESS", "PHONE", "SUMMARY"})
    void cancelDropsTheDraft(StepName step) {
        ChatDriver chat = city.at(step);
        chat.press("✖️ Скасувати")
                .expectText("Чернетку скасовано")
                .expectText(Chats.question(StepName.MAIN_MENU));
        assertThat(city.step(chat)).isEqualTo(StepName.MAIN_MENU);
        assertThat(city.draft(chat)).isEqualTo(Draft.EMPTY);
        assertThat(city.stores.appeals()).isEmpty();

        chat.press("📝 Нове звернення").press("💧 Водоканал").press("Протікання")
                .send("Знову тече").press("⏭ Пропустити");
        assertThat(city.draft(chat).placeAddress()).as("nothing of the old draft comes back").isNull();
    }

    @ParameterizedTest
    @EnumSource(value = StepName.class, names = {"CATEGORY", "DESCRIPTION", "PLACE", "PHONE", "SUMMARY"})
    void cancelCommandAndTypedCancelToo(StepName step) {
        ChatDriver chat = city.at(step);
        chat.send("/cancel").expectText("Чернетку скасовано");
        assertThat(city.step(chat)).isEqualTo(StepName.MAIN_MENU);

        ChatDriver other = city.at(step);
        other.send("скасувати").expectText("Чернетку скасовано");
        assertThat(city.step(other)).isEqualTo(StepName.MAIN_MENU);
        assertThat(city.stores.appeals()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = StepName.class, names = "CONSENT", mode = EnumSource.Mode.EXCLUDE)
    void startAlwaysLeadsToTheMainMenu(StepName step) {
        ChatDriver chat = city.at(step);
        chat.send("/start").expectText("З поверненням").expectText(Chats.question(StepName.MAIN_MENU));
        assertThat(city.step(chat)).isEqualTo(StepName.MAIN_MENU);
        assertThat(city.draft(chat)).isEqualTo(Draft.EMPTY);
    }

    @Test
    void startWithTheBotNameAsInGroupsOfTelegram() {
        ChatDriver chat = city.at(StepName.PHOTOS);
        chat.send("/start@zvernennia_bot").expectText(Chats.question(StepName.MAIN_MENU));
    }

    @ParameterizedTest
    @EnumSource(StepName.class)
    void helpExplainsAndAsksTheSameQuestion(StepName step) {
        ChatDriver chat = city.at(step);
        Draft before = city.draft(chat);
        chat.send("/help").expectText("Я приймаю звернення").expectText(Chats.question(step));
        assertThat(city.step(chat)).isEqualTo(step);
        assertThat(city.draft(chat)).isEqualTo(before);
    }

    @Test
    void helpButtonFromTheMainMenu() {
        ChatDriver chat = city.at(StepName.MAIN_MENU);
        chat.press("❓ Допомога").expectText("Я приймаю звернення").expectButtons("📝 Нове звернення");
    }

    @ParameterizedTest
    @EnumSource(StepName.class)
    void unknownCommandIsExplained(StepName step) {
        ChatDriver chat = city.at(step);
        Draft before = city.draft(chat);
        chat.send("/weather");
        assertThat(Chats.reasked(chat, step)).contains("Такої команди я не знаю").contains("/start");
        assertThat(city.step(chat)).isEqualTo(step);
        assertThat(city.draft(chat)).isEqualTo(before);
    }
}
