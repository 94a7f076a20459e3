package ua.zvernennia.core.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import ua.zvernennia.core.chat.Event;
import ua.zvernennia.core.chat.Inbound;
import ua.zvernennia.core.conversation.ButtonId.Fixed;
import ua.zvernennia.core.testing.ChatDriver;

/** A messenger repeats an update it thinks was lost; it must count once. */
class RedeliveryTest {
    final Chats city = new Chats();

    @Test
    void theSameConfirmTwiceFilesOneAppeal() {
        ChatDriver chat = city.at(Step.SUMMARY);
        Inbound confirm =
                new Inbound(chat.chat(), new Event.ButtonPress(Fixed.CONFIRM.encode()), Chats.NOW, "tg-777", "menu-9");

        chat.deliver(confirm).expectText("№ 2026-000001");
        ConversationState after = city.state(chat);
        chat.deliver(confirm).expectNoReply();

        assertThat(city.stores.appeals()).hasSize(1);
        assertThat(city.state(chat)).isEqualTo(after);
    }

    @Test
    void theSameTextTwiceMovesOneStep() {
        ChatDriver chat = city.at(Step.NAME);
        Inbound name = Inbound.of(chat.chat(), new Event.Text(Chats.NAME), Chats.NOW, "tg-778");
        chat.deliver(name).expectText(Chats.question(Step.ADDRESS));
        int queued = city.stores.outboxRows().size();
        chat.deliver(name).expectNoReply();
        assertThat(city.step(chat)).isEqualTo(Step.ADDRESS);
        assertThat(city.stores.outboxRows()).as("nothing more to send").hasSize(queued);
    }

    @Test
    void theSameIdInAnotherChatIsAnotherUpdate() {
        ChatDriver one = city.at(Step.NAME);
        ChatDriver two = city.at(Step.NAME);
        one.deliver(Inbound.of(one.chat(), new Event.Text(Chats.NAME), Chats.NOW, "same"));
        two.deliver(Inbound.of(two.chat(), new Event.Text(Chats.NAME), Chats.NOW, "same"))
                .expectText(Chats.question(Step.ADDRESS));
    }
}
