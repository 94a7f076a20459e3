package ua.zvernennia.core.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import ua.zvernennia.core.chat.Button;
import ua.zvernennia.core.chat.Reply;
import ua.zvernennia.core.conversation.ButtonId.Fixed;
import ua.zvernennia.core.testing.ChatDriver;
import ua.zvernennia.core.testing.MemoryStores;
import ua.zvernennia.core.testing.TestCategories;

/** Thirty categories: twelve a page, «Далі ▶️» and «◀️ Попередні», the same message edited. */
class PagingTest {
    final Chats city = new Chats(new MemoryStores(TestCategories.many(30)));
    final ChatDriver chat = city.at(Step.MAIN_MENU);

    Set<String> categoriesShown() {
        var out = new LinkedHashSet<String>();
        for (Button b : chat.buttons()) {
            if (ButtonId.parse(b.id()) instanceof ButtonId.ChooseCategory) {
                out.add(b.label());
            }
        }
        return out;
    }

    @Test
    void everyCategoryIsReachable() {
        chat.press("📝 Нове звернення")
                .expectText("сторінка 1 з 3")
                .expectButtons("Далі ▶️")
                .expectNoButton("◀️ Попередні");
        assertThat(chat.lastReplies()).extracting(Reply::replaceRef).containsOnlyNulls();
        var all = new LinkedHashSet<>(categoriesShown());
        assertThat(all).hasSize(12).contains("Напрямок 1", "Напрямок 12");

        chat.press("Далі ▶️").expectText("сторінка 2 з 3").expectButtons("◀️ Попередні", "Далі ▶️");
        assertThat(chat.lastReplies())
                .singleElement()
                .extracting(Reply::replaceRef)
                .isEqualTo("menu-1");
        all.addAll(categoriesShown());

        chat.press("Далі ▶️").expectText("сторінка 3 з 3").expectNoButton("Далі ▶️");
        assertThat(categoriesShown()).hasSize(6);
        all.addAll(categoriesShown());
        assertThat(all).hasSize(30);

        chat.press("◀️ Попередні").expectText("сторінка 2 з 3");
        assertThat(chat.lastReplies())
                .singleElement()
                .extracting(Reply::replaceRef)
                .isEqualTo("menu-1");
        chat.press("Далі ▶️").press("📁 Напрямок 30").expectText(Chats.question(Step.DESCRIPTION));
        assertThat(city.draft(chat).categoryId()).isEqualTo("c30");
    }

    @Test
    void aCategoryOnAnotherPageCanBeTyped() {
        chat.press("📝 Нове звернення").send("напрямок 27").expectText(Chats.question(Step.DESCRIPTION));
        assertThat(city.draft(chat).categoryId()).isEqualTo("c27");
    }

    @Test
    void aNameSharedByManyIsNotGuessed() {
        chat.press("📝 Нове звернення").send("напрямок");
        assertThat(Chats.reasked(chat, Step.CATEGORY)).contains("Не знайшов");
        assertThat(city.step(chat)).isEqualTo(Step.CATEGORY);
    }

    @Test
    void backReturnsToThePageOfTheChosenCategory() {
        chat.press("📝 Нове звернення")
                .press("Далі ▶️")
                .press("Далі ▶️")
                .press("📁 Напрямок 29")
                .press("⬅️ Назад")
                .expectText("сторінка 3 з 3")
                .expectButtons("📁 Напрямок 29");
    }

    @Test
    void pagingBeyondTheEndsStaysOnTheEnds() {
        chat.press("📝 Нове звернення").pressId(Fixed.PREV_PAGE.encode()).expectText("сторінка 1 з 3");
        chat.press("Далі ▶️").press("Далі ▶️").pressId(Fixed.NEXT_PAGE.encode()).expectText("сторінка 3 з 3");
    }
}
