package ua.zvernennia.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.ReplyKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.ReplyKeyboardRemove;
import ua.zvernennia.core.chat.Button;
import ua.zvernennia.core.chat.Keyboard;
import ua.zvernennia.core.chat.TextSplitter;

class RenderingTest {

    @Test
    void menuChoicesByColumnsNavigationOnItsOwnRows() {
        var menu = new Keyboard.Menu(
                List.of(new Button("a", "A", "💧"), Button.of("b", "B"), Button.of("c", "C")),
                2,
                List.of(Button.of("page_next", "Далі"), Button.of("back", "Назад"), Button.of("cancel", "Скасувати")));
        InlineKeyboardMarkup m = Markups.inline(menu);
        assertThat(m.getKeyboard())
                .extracting(row -> row.stream().map(b -> b.getText()).toList())
                .containsExactly(List.of("💧 A", "B"), List.of("C"), List.of("Далі", "Назад"), List.of("Скасувати"));
        assertThat(m.getKeyboard().get(0).get(0).getCallbackData()).isEqualTo("a");
        assertThat(Markups.inline(new Keyboard.Menu(List.of(), 1, List.of()))).isNull();
    }

    @Test
    void contactRequestAndRemoval() {
        var markup = (ReplyKeyboardMarkup) Markups.of(new Keyboard.RequestContact(
                "📱 Поділитися номером",
                List.of(new Button("use_saved", "+380501234567", "✅"), Button.of("back", "⬅️ Назад"))));
        assertThat(markup.getKeyboard().get(0).get(0).getRequestContact()).isTrue();
        assertThat(markup.getKeyboard().get(1))
                .extracting(b -> b.getText())
                .containsExactly("✅ +380501234567", "⬅️ Назад");
        assertThat(markup.getResizeKeyboard()).isTrue();
        assertThat(Markups.of(Keyboard.REMOVE)).isInstanceOf(ReplyKeyboardRemove.class);
        assertThat(Markups.of(Keyboard.KEEP)).isNull();
    }

    @Test
    void longTextsAreSplitAtLineBreaksWithinTheLimit() {
        String line = "а".repeat(99) + "\n";
        String text = line.repeat(82);
        List<String> parts = TextSplitter.split(text, TextParts.MESSAGE);
        assertThat(parts).hasSize(3).allSatisfy(p -> assertThat(p.length()).isLessThanOrEqualTo(TextParts.MESSAGE));
        assertThat(String.join("\n", parts).strip()).isEqualTo(text.strip());
        assertThat(TextSplitter.split("коротко", TextParts.CAPTION)).containsExactly("коротко");
    }

    @Test
    void aTextWithoutBreaksIsCutOutsideSurrogatePairs() {
        String text = "x" + "😀".repeat(700);
        List<String> parts = TextSplitter.split(text, TextParts.CAPTION);
        assertThat(parts).allSatisfy(p -> {
            assertThat(p.length()).isLessThanOrEqualTo(TextParts.CAPTION);
            assertThat(Character.isHighSurrogate(p.charAt(p.length() - 1))).isFalse();
        });
        assertThat(String.join("", parts)).isEqualTo(text);
    }
}
