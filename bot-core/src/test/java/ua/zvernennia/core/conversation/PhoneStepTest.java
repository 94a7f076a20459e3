package ua.zvernennia.core.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import ua.zvernennia.core.testing.ChatDriver;

/** The ways people type their number at the phone step. */
class PhoneStepTest {
    final Chats city = new Chats();

    @ParameterizedTest
    @ValueSource(
            strings = {
                "0501234567",
                "050 123 45 67",
                "+38 (050) 123-45-67",
                "380501234567",
                "+380501234567",
                " 050-123-45-67 ",
                "8 050 123 45 67"
            })
    void accepted(String typed) {
        ChatDriver chat = city.at(Step.PHONE);
        chat.send(typed).expectText(Chats.question(Step.SUMMARY)).expectText("+380501234567");
        assertThat(city.draft(chat).phone().e164()).isEqualTo("+380501234567");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "12345",
                "050123456",
                "+1 202 555 0100",
                "+380 050 123 45 67",
                "мій номер",
                "050 123 45 6x",
                "0001234567",
                "05012345678",
                "+0501234567",
                "050+1234567"
            })
    void refusedWithAnExampleOfTheRightForm(String typed) {
        ChatDriver chat = city.at(Step.PHONE);
        chat.send(typed);
        assertThat(Chats.reasked(chat, Step.PHONE))
                .contains("Не вдалося розпізнати номер")
                .contains("050 123 45 67")
                .contains("+380501234567");
        assertThat(city.step(chat)).isEqualTo(Step.PHONE);
        assertThat(city.draft(chat).phone()).isNull();
    }
}
