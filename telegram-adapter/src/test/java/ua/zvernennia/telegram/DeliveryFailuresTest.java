package ua.zvernennia.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import ua.zvernennia.core.chat.Channel;
import ua.zvernennia.core.chat.ChatKey;
import ua.zvernennia.core.chat.Delivery;
import ua.zvernennia.core.chat.Reply;
import ua.zvernennia.core.citizen.Citizen;
import ua.zvernennia.core.testing.MemoryStores.OutboxRow;
import ua.zvernennia.core.testing.TestCategories;

/** What the messenger does when the Bot API refuses, and how the core takes it. */
class DeliveryFailuresTest {
    private Harness h;

    @AfterEach
    void close() {
        if (h != null) {
            h.close();
        }
    }

    @Test
    void tooManyRequestsIsWaitedOutThenSent() throws Exception {
        h = Harness.polling(TestCategories.small());
        h.api.failNext("sendMessage", 429, "Too Many Requests: retry after 1", 1);
        h.chat(5).send("/start").expect("Вітаю");
        h.settle();
        assertThat(h.api.calls("sendMessage"))
                .hasSize(2)
                .allSatisfy(c -> assertThat(c.text()).contains("Вітаю"));
        assertThat(h.api.shown(5)).hasSize(1);
        assertThat(h.stores.outboxRows()).extracting(OutboxRow::status).containsOnly("SENT");
    }

    @Test
    void aLongRetryAfterIsHandedToTheOutbox() throws Exception {
        h = Harness.polling(TestCategories.small());
        h.api.failNext("sendMessage", 429, "Too Many Requests: retry after 120", 120);
        Delivery d = h.adapter.messenger().send(ChatKey.of(Channel.TELEGRAM, "5"), Reply.text("Привіт"));
        assertThat(d).isEqualTo(new Delivery.RetryLater(Duration.ofSeconds(120), "429 Too Many Requests"));
        assertThat(h.api.calls("sendMessage")).hasSize(1);
    }

    @Test
    void serverErrorsAreRetriedLaterAndBadRequestsFail() throws Exception {
        h = Harness.polling(TestCategories.small());
        ChatKey chat = ChatKey.of(Channel.TELEGRAM, "5");
        h.api.failNext("sendMessage", 502, "Bad Gateway", null);
        assertThat(h.adapter.messenger().send(chat, Reply.text("Привіт"))).isInstanceOf(Delivery.RetryLater.class);
        h.api.failNext("sendMessage", 400, "Bad Request: chat not found", null);
        assertThat(h.adapter.messenger().send(chat, Reply.text("Привіт")))
                .isEqualTo(new Delivery.Failed("400 Bad Request: chat not found"));
        assertThat(h.adapter.messenger().send(chat, Reply.text("Привіт"))).isInstanceOf(Delivery.Sent.class);
    }

    @Test
    void aReplyRefusedForGoodDoesNotHoldBackTheNextOne() throws Exception {
        h = Harness.polling(TestCategories.small());
        TelegramChat chat = h.chat(8);
        chat.send("/start").expect("Вітаю");
        h.settle();
        // Consent is answered with two messages; the first is refused for good.
        h.api.failNext("sendMessage", 400, "Bad Request: can't parse entities", null);
        chat.press("✅ Погоджуюсь");
        // Without waiting for the in-line send's lease (a minute) to run out.
        chat.expect("Чим можу допомогти?");
        h.settle();
        assertThat(h.stores.outboxRows()).extracting(OutboxRow::status).containsOnly("SENT", "FAILED");
        assertThat(h.stores.outboxRows()).extracting(OutboxRow::status).containsOnlyOnce("FAILED");
    }

    @Test
    void blockedByTheCitizenStopsSendingUntilUnblocked() throws Exception {
        h = Harness.polling(TestCategories.small());
        TelegramChat chat = h.chat(6);
        ChatKey key = ChatKey.of(Channel.TELEGRAM, "6");
        chat.send("/start").expect("Вітаю");
        h.settle();
        int before = h.api.calls("sendMessage").size();

        h.api.failNext("sendMessage", 403, "Forbidden: bot was blocked by the user", null);
        chat.press("✅ Погоджуюсь");
        h.settle();
        assertThat(h.api.calls("sendMessage")).as("one refused send, then none").hasSize(before + 1);
        assertThat(h.stores.citizen(key)).get().extracting(Citizen::reachable).isEqualTo(false);
        assertThat(h.stores.outboxRows()).extracting(OutboxRow::status).doesNotContain("PENDING");

        h.deliver(Updates.membership(6, "kicked", "member"));
        h.settle();
        assertThat(h.stores.citizen(key)).get().extracting(Citizen::reachable).isEqualTo(true);
        h.deliver(Updates.membership(6, "member", "kicked"));
        h.settle();
        assertThat(h.stores.citizen(key)).get().extracting(Citizen::reachable).isEqualTo(false);
        assertThat(h.api.calls("sendMessage"))
                .as("membership changes send nothing")
                .hasSize(before + 1);
    }
}
