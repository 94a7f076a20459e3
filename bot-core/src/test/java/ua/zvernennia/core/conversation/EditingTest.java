package ua.zvernennia.core.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import ua.zvernennia.core.appeal.PersonName;
import ua.zvernennia.core.appeal.Phone;
import ua.zvernennia.core.testing.ChatDriver;

/** «✏️ ...» from the summary changes one field and comes back to the summary. */
class EditingTest {
    final Chats city = new Chats();
    final ChatDriver chat = city.at(Step.SUMMARY);
    final Draft before = city.draft(chat);

    void backAtSummary() {
        assertThat(city.step(chat)).isEqualTo(Step.SUMMARY);
        chat.expectText(Chats.question(Step.SUMMARY));
        assertThat(city.draft(chat).editing()).isFalse();
    }

    @Test
    void description() {
        chat.press("✏️ Опис").expectText(Chats.question(Step.DESCRIPTION)).send("Вода тече зі стелі");
        backAtSummary();
        chat.expectText("Вода тече зі стелі");
        assertThat(city.draft(chat)).isEqualTo(before.withDescription("Вода тече зі стелі"));
    }

    @Test
    void categoryWithoutIssueTypes() {
        chat.press("✏️ Напрямок").expectText(Chats.question(Step.CATEGORY)).press("🛗 Ліфти");
        backAtSummary();
        chat.expectText("Напрямок: 🛗 Ліфти");
        assertThat(city.draft(chat)).isEqualTo(before.withCategory("lifts", null));
    }

    @Test
    void categoryWithIssueTypes() {
        chat.press("✏️ Напрямок")
                .press("💧 Водоканал")
                .expectText("що саме сталося?")
                .press("Немає води");
        backAtSummary();
        chat.expectText("💧 Водоканал — Немає води");
        assertThat(city.draft(chat)).isEqualTo(before.withCategory("water", "no-water"));
    }

    @Test
    void photosAreAddedToTheOnesThere() {
        chat.press("✏️ Фото")
                .expectText(Chats.question(Step.PHOTOS))
                .photo("p1", "")
                .photo("p2", "")
                .press("✅ Готово");
        backAtSummary();
        chat.expectText("Фото: 2");
        assertThat(city.draft(chat).photos()).hasSize(2);
        assertThat(city.draft(chat).withoutPhotos()).isEqualTo(before);
    }

    @Test
    void place() {
        chat.press("✏️ Місце").expectText(Chats.question(Step.PLACE)).shareLocation(50.45, 30.52);
        backAtSummary();
        chat.expectText("геолокація (50.45000, 30.52000)");
        assertThat(city.draft(chat).point().latitude()).isEqualTo(50.45);
        assertThat(city.draft(chat).placeAddress()).isNull();
        assertThat(city.draft(chat).withPlace(null, Chats.PLACE, false)).isEqualTo(before);
    }

    @Test
    void name() {
        chat.press("✏️ Імʼя").send("Петро Мельник");
        backAtSummary();
        chat.expectText("Петро Мельник").expectNoText(Chats.NAME);
        assertThat(city.draft(chat)).isEqualTo(before.withName(new PersonName("Петро", "Мельник")));
    }

    @Test
    void address() {
        chat.press("✏️ Адреса").send("вул. Грушевського, 1");
        backAtSummary();
        chat.expectText("вул. Грушевського, 1");
        assertThat(city.draft(chat)).isEqualTo(before.withAddress("вул. Грушевського, 1"));
    }

    @Test
    void phone() {
        chat.press("✏️ Телефон").send("+38 (067) 765-43-21");
        backAtSummary();
        chat.expectText("+380677654321");
        assertThat(city.draft(chat)).isEqualTo(before.withPhone(new Phone("+380677654321")));
    }

    @Test
    void badInputWhileEditingIsAskedAgainAndStillReturns() {
        chat.press("✏️ Телефон").send("12345");
        assertThat(Chats.reasked(chat, Step.PHONE)).contains("050 123 45 67");
        chat.send("0671234567");
        backAtSummary();
    }

    @Test
    void backWhileEditingReturnsToTheSummaryUnchanged() {
        for (String field :
                new String[] {"✏️ Напрямок", "✏️ Опис", "✏️ Фото", "✏️ Місце", "✏️ Імʼя", "✏️ Адреса", "✏️ Телефон"}) {
            chat.press(field).press("⬅️ Назад");
            backAtSummary();
            assertThat(city.draft(chat)).as(field).isEqualTo(before);
        }
    }

    @Test
    void aNewCategoryIsNotFiledWithoutItsIssueType() {
        ChatDriver lifts = city.at(Step.CATEGORY);
        lifts.press("🛗 Ліфти")
                .send(Chats.DESCRIPTION)
                .press("⏭ Пропустити")
                .send(Chats.PLACE)
                .send(Chats.NAME)
                .send(Chats.ADDRESS)
                .send(Chats.PHONE);

        lifts.press("✏️ Напрямок").press("💧 Водоканал").press("⬅️ Назад").expectText(Chats.question(Step.CATEGORY));
        assertThat(city.step(lifts)).isEqualTo(Step.CATEGORY);

        lifts.press("⬅️ Назад")
                .press("✅ Підтвердити")
                .expectText("бракує даних")
                .expectText("Водоканал: що саме сталося?");
        assertThat(city.stores.appeals()).isEmpty();

        lifts.press("Немає води").expectText(Chats.question(Step.SUMMARY)).press("✅ Підтвердити");
        assertThat(city.stores.appeals())
                .singleElement()
                .satisfies(a -> assertThat(a.issueTypeId()).isEqualTo("no-water"));
    }

    @Test
    void photosCanBeKeptAddedToOrRemoved() {
        ChatDriver withPhotos = city.at(Step.PHOTOS);
        withPhotos
                .photo("p1", "")
                .photo("p2", "")
                .press("✅ Готово")
                .send(Chats.PLACE)
                .send(Chats.NAME)
                .send(Chats.ADDRESS)
                .send(Chats.PHONE)
                .expectText("Фото: 2");
        Draft two = city.draft(withPhotos);

        withPhotos
                .press("✏️ Фото")
                .expectText("Додано фото: 2 з 5")
                .press("⬅️ Назад")
                .expectText("Фото: 2");
        assertThat(city.draft(withPhotos)).isEqualTo(two);

        withPhotos.press("✏️ Фото").photo("p3", "").press("✅ Готово").expectText("Фото: 3");

        withPhotos
                .press("✏️ Фото")
                .press("🗑 Прибрати фото")
                .expectText(Chats.question(Step.PHOTOS))
                .photo("p4", "")
                .press("✅ Готово")
                .expectText("Фото: 1");
        assertThat(city.draft(withPhotos).photos()).extracting(p -> p.fileId()).containsExactly("p4");
        assertThat(city.draft(withPhotos).withoutPhotos()).isEqualTo(two.withoutPhotos());
    }

    @Test
    void confirmAfterEditingFilesTheEditedAppeal() {
        chat.press("✏️ Імʼя").send("Петро Мельник").press("✅ Підтвердити");
        assertThat(city.stores.appeals()).singleElement().satisfies(a -> {
            assertThat(a.name().full()).isEqualTo("Петро Мельник");
            assertThat(a.description()).isEqualTo(Chats.DESCRIPTION);
            assertThat(a.issueTypeId()).isEqualTo("leak");
        });
    }
}
