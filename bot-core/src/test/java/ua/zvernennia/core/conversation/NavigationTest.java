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
        "SUMMARY, PHONE"
    })
    void backGoesOneStepBack(Step from, Step to) {
        ChatDriver chat = city.at(from);
        Draft before = city.draft(chat);

        chat.press("⬅️ Назад");

        chat.expectText(Chats.question(to));
        assertThat(city.step(chat)).isEqualTo(to);
        if (Steps.TABLE.row(to).kind() == StepRow.Kind.DRAFT) {
            assertThat(city.draft(chat)).as("back keeps what was typed").isEqualTo(before);
        }
    }

    @Test
    void backFromDescriptionSkipsTheIssueTypesWhenTheCategoryHasNone() {
        ChatDriver chat = city.at(Step.CATEGORY);
        chat.press("🛗 Ліфти")
                .expectText(Chats.question(Step.DESCRIPTION))
                .press("⬅️ Назад")
                .expectText(Chats.question(Step.CATEGORY))
                .expectButtons("🛗 Ліфти", "💧 Водоканал");
        assertThat(city.step(chat)).isEqualTo(Step.CATEGORY);
    }

    @Test
    void typedBackWorksLikeTheButton() {
        ChatDriver chat = city.at(Step.NAME);
        chat.send("назад").expectText(Chats.question(Step.PLACE));
        assertThat(city.step(chat)).isEqualTo(Step.PLACE);
    }

    @ParameterizedTest
    @EnumSource(
            value = Step.class,
            names = {"CONSENT", "MAIN_MENU"})
    void nothingBeforeTheFirstSteps(Step step) {
        ChatDriver chat = city.at(step);
        chat.send("Назад");
        assertThat(Chats.reasked(chat, step)).contains("Назад уже нікуди");
        assertThat(city.step(chat)).isEqualTo(step);
    }

    @ParameterizedTest
    @EnumSource(
            value = Step.class,
            names = {"CATEGORY", "ISSUE_TYPE", "DESCRIPTION", "PHOTOS", "PLACE", "NAME", "ADDRESS", "PHONE", "SUMMARY"})
    void cancelDropsTheDraft(Step step) {
        ChatDriver chat = city.at(step);
        chat.press("✖️ Скасувати").expectText("Чернетку скасовано").expectText(Chats.question(Step.MAIN_MENU));
        assertThat(city.step(chat)).isEqualTo(Step.MAIN_MENU);
        assertThat(city.draft(chat)).isEqualTo(Draft.EMPTY);
        assertThat(city.stores.appeals()).isEmpty();

        chat.press("📝 Нове звернення")
                .press("💧 Водоканал")
                .press("Протікання")
                .send("Знову тече")
                .press("⏭ Пропустити");
        assertThat(city.draft(chat).placeAddress())
                .as("nothing of the old draft comes back")
                .isNull();
    }

    @ParameterizedTest
    @EnumSource(
            value = Step.class,
            names = {"CATEGORY", "DESCRIPTION", "PLACE", "PHONE", "SUMMARY"})
    void cancelCommandAndTypedCancelToo(Step step) {
        ChatDriver chat = city.at(step);
        chat.send("/cancel").expectText("Чернетку скасовано");
        assertThat(city.step(chat)).isEqualTo(Step.MAIN_MENU);

        ChatDriver other = city.at(step);
        other.send("скасувати").expectText("Чернетку скасовано");
        assertThat(city.step(other)).isEqualTo(Step.MAIN_MENU);
        assertThat(city.stores.appeals()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = Step.class, names = "CONSENT", mode = EnumSource.Mode.EXCLUDE)
    void startAlwaysLeadsToTheMainMenu(Step step) {
        ChatDriver chat = city.at(step);
        chat.send("/start").expectText("З поверненням").expectText(Chats.question(Step.MAIN_MENU));
        assertThat(city.step(chat)).isEqualTo(Step.MAIN_MENU);
        assertThat(city.draft(chat)).isEqualTo(Draft.EMPTY);
    }

    @Test
    void startWithTheBotNameAsInGroupsOfTelegram() {
        ChatDriver chat = city.at(Step.PHOTOS);
        chat.send("/start@zvernennia_bot").expectText(Chats.question(Step.MAIN_MENU));
    }

    @ParameterizedTest
    @EnumSource(Step.class)
    void helpExplainsAndAsksTheSameQuestion(Step step) {
        ChatDriver chat = city.at(step);
        Draft before = city.draft(chat);
        chat.send("/help").expectText("Я приймаю звернення").expectText(Chats.question(step));
        assertThat(city.step(chat)).isEqualTo(step);
        assertThat(city.draft(chat)).isEqualTo(before);
    }

    @Test
    void helpButtonFromTheMainMenu() {
        ChatDriver chat = city.at(Step.MAIN_MENU);
        chat.press("❓ Допомога").expectText("Я приймаю звернення").expectButtons("📝 Нове звернення");
    }

    @ParameterizedTest
    @EnumSource(Step.class)
    void unknownCommandIsExplained(Step step) {
        ChatDriver chat = city.at(step);
        Draft before = city.draft(chat);
        chat.send("/weather");
        assertThat(Chats.reasked(chat, step))
                .contains("Такої команди я не знаю")
                .contains("/start");
        assertThat(city.step(chat)).isEqualTo(step);
        assertThat(city.draft(chat)).isEqualTo(before);
    }
}
