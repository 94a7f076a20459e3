package ua.zvernennia.core.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import ua.zvernennia.core.chat.UnsupportedKind;
import ua.zvernennia.core.conversation.ButtonId.Fixed;
import ua.zvernennia.core.testing.ChatDriver;

/**
 * Whatever a citizen sends that does not fit, at whatever step: a short explanation and the same
 * question again, in one message; the conversation stays where it was.
 */
class BadInputTest {
    static final String SQL = "'; DROP TABLE appeal; --";

    /** Input, what the explanation must say (null: any explanation), steps where it is valid. */
    record Bad(String name, Consumer<ChatDriver> send, String explanation, List<Step> validAt) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final List<Bad> BAD = List.of(
            new Bad("empty", c -> c.send(""), "порожнє", List.of()),
            new Bad("whitespace", c -> c.send("   \n\t "), "порожнє", List.of()),
            new Bad("5000 characters", c -> c.send("а".repeat(5000)), null, List.of()),
            new Bad("emoji only", c -> c.send("😡😡🙏"), null, List.of()),
            new Bad(
                    "SQL-like",
                    c -> c.send(SQL),
                    null,
                    List.of(Step.DESCRIPTION, Step.PLACE, Step.ADDRESS, Step.ANSWER, Step.REOPEN_COMMENT)),
            new Bad("sticker", c -> c.unsupported(UnsupportedKind.STICKER), "стікер", List.of()),
            new Bad("voice", c -> c.unsupported(UnsupportedKind.VOICE), "Голосові", List.of()),
            new Bad("document", c -> c.unsupported(UnsupportedKind.DOCUMENT), "Файли", List.of()),
            new Bad("video", c -> c.unsupported(UnsupportedKind.VIDEO), "Відео", List.of()),
            new Bad("photo", c -> c.photo("ph-x", ""), "Фото", List.of(Step.DESCRIPTION, Step.PHOTOS, Step.ANSWER)),
            new Bad("location", c -> c.shareLocation(48.46, 35.04), "Геолокація", List.of(Step.PLACE)),
            new Bad("contact", c -> c.shareContact("+380671112233", true), "Контакт", List.of(Step.PHONE)),
            new Bad("stale button", c -> c.pressId("cat:removed"), "неактуальна", List.of()),
            new Bad("stale confirm", c -> c.pressId(Fixed.CONFIRM.encode()), "неактуальна", List.of(Step.SUMMARY)));

    /** The steps where the input of this name is valid. */
    static List<Step> validAt(String name) {
        return BAD.stream()
                .filter(b -> b.name().equals(name))
                .findFirst()
                .orElseThrow()
                .validAt();
    }

    static Stream<Arguments> cases() {
        var all = new ArrayList<Arguments>();
        for (Step step : Step.values()) {
            for (Bad bad : BAD) {
                if (!bad.validAt().contains(step)) {
                    all.add(Arguments.of(step, bad));
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{1} at {0}")
    @MethodSource("cases")
    void explainsAndAsksAgain(Step step, Bad bad) {
        Chats city = new Chats();
        ChatDriver chat = city.at(step);
        ConversationState before = city.state(chat);
        var appealsBefore = city.stores.appeals();
        var historyBefore = city.stores.events();

        bad.send().accept(chat);

        String explanation = Chats.reasked(chat, step);
        if (bad.explanation() != null) {
            assertThat(explanation).contains(bad.explanation());
        }
        assertThat(explanation.length()).as("a short explanation").isLessThan(300);
        assertThat(chat.lastReplies()).as("one message").hasSize(1);
        ConversationState after = city.state(chat);
        assertThat(after.step()).isEqualTo(before.step());
        assertThat(after.draft()).isEqualTo(before.draft());
        assertThat(city.stores.appeals()).as("appeals unchanged").isEqualTo(appealsBefore);
        assertThat(city.stores.events()).as("no history written").isEqualTo(historyBefore);
        if (step == Step.CONSENT) {
            assertThat(city.stores.citizen(chat.chat()))
                    .as("nothing stored before consent")
                    .isEmpty();
        }
    }
}
