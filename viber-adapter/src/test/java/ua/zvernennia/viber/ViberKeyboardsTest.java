package ua.zvernennia.viber;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import ua.zvernennia.core.chat.Button;
import ua.zvernennia.core.chat.Keyboard;

class ViberKeyboardsTest {

    @Test
    void aMenuLaysChoicesOnTheSixColumnGridAndNavigationOnItsOwnRow() {
        var menu = new Keyboard.Menu(
                List.of(
                        Button.of("cat:water", "Водоканал"),
                        Button.of("cat:lifts", "Ліфти"),
                        Button.of("cat:roads", "Дороги")),
                3,
                List.of(Button.of("page_next", "Далі ▶️"), Button.of("back", "⬅️ Назад")));

        var rendered = ViberKeyboards.render(menu).orElseThrow();

        assertThat(rendered.minApiVersion()).isEqualTo(1);
        assertThat(rendered.keyboard().path("Type").asText()).isEqualTo("keyboard");
        var buttons = rendered.keyboard().path("Buttons");
        assertThat(buttons.findValuesAsText("Columns")).containsExactly("2", "2", "2", "3", "3");
        assertThat(buttons.findValuesAsText("ActionType")).containsOnly("reply");
        assertThat(ViberKeyboards.actionBodies(rendered.keyboard()))
                .containsExactly("btn:cat:water", "btn:cat:lifts", "btn:cat:roads", "btn:page_next", "btn:back");
        assertThat(buttons.findValuesAsText("Silent")).isEmpty();
    }

    @Test
    void aMenuNeverExceedsTheButtonLimitAndKeepsItsNavigation() {
        var choices = new ArrayList<Button>();
        for (int i = 1; i <= 40; i++) {
            choices.add(Button.of("cat:c" + i, "Напрямок " + i));
        }
        var menu = new Keyboard.Menu(
                choices, 2, List.of(Button.of("page_next", "Далі ▶️"), Button.of("cancel", "✖️ Скасувати")));

        var bodies = ViberKeyboards.actionBodies(
                ViberKeyboards.render(menu).orElseThrow().keyboard());

        assertThat(bodies)
                .hasSize(ViberKeyboards.MAX_BUTTONS)
                .startsWith("btn:cat:c1")
                .endsWith("btn:page_next", "btn:cancel");
    }

    @Test
    void keepAndRemoveHaveNoKeyboardOfTheirOwn() {
        assertThat(ViberKeyboards.render(Keyboard.KEEP)).isEmpty();
        assertThat(ViberKeyboards.render(Keyboard.REMOVE)).isEmpty();
    }

    @Test
    void theLocationPickerNeedsApiLevelThree() {
        var rendered = ViberKeyboards.render(new Keyboard.RequestLocation(
                        "📍 Надіслати геолокацію", List.of(Button.of("place_home", "🏠 Та сама, що моя адреса"))))
                .orElseThrow();

        assertThat(rendered.minApiVersion()).isEqualTo(3);
        var picker = rendered.keyboard().path("Buttons").get(0);
        assertThat(picker.path("ActionType").asText()).isEqualTo("location-picker");
        assertThat(picker.path("ActionBody").asText()).isNotBlank();
    }

    @Test
    void labelsAreEscapedForViberMarkup() {
        var rendered = ViberKeyboards.render(
                        new Keyboard.Menu(List.of(Button.of("x", "<b>Вода & світло</b>")), 1, List.of()))
                .orElseThrow();
        assertThat(rendered.keyboard().path("Buttons").get(0).path("Text").asText())
                .isEqualTo("&lt;b&gt;Вода &amp; світло&lt;/b&gt;");
    }

    @Test
    void onlyOurActionBodiesReadAsPresses() {
        assertThat(ViberKeyboards.pressedId("btn:cat:water")).contains("cat:water");
        assertThat(ViberKeyboards.pressedId("Водоканал")).isEmpty();
        assertThat(ViberKeyboards.pressedId("btn:")).isEmpty();
        assertThat(ViberKeyboards.pressedId("btn:" + "x".repeat(49))).isEmpty();
        assertThat(ViberKeyboards.pressedId(null)).isEmpty();
    }
}
