package ua.zvernennia.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import ua.zvernennia.core.testing.TestCategories;

/** Webhook mode: the secret token, and 200 only for committed updates. */
class WebhookTest {
    private Harness h;

    @AfterEach
    void close() {
        if (h != null) {
            h.close();
        }
    }

    @Test
    void registersTheWebhookWithARandomSecretAndDoesNotPoll() throws Exception {
        h = Harness.webhook(TestCategories.small());
        assertThat(h.api.calls("setWebhook")).singleElement().satisfies(c -> {
            assertThat(c.params().path("url").asText()).isEqualTo("https://bot.example.org/telegram/webhook");
            assertThat(c.params().path("secret_token").asText()).matches("[A-Za-z0-9_-]{43}");
            assertThat(c.params().path("allowed_updates").toString()).contains("callback_query", "my_chat_member");
        });
        assertThat(h.api.calls("getUpdates")).isEmpty();
        assertThat(h.adapter.poller()).isEmpty();
    }

    @Test
    void refusesRequestsWithoutTheSecretAndProcessesNothing() throws Exception {
        h = Harness.webhook(TestCategories.small());
        TelegramWebhook webhook = h.adapter.webhook().orElseThrow();
        var update = Updates.text(9, "/start").put("update_id", 1);
        byte[] body = update.toString().getBytes(StandardCharsets.UTF_8);
        String secret = h.secret();

        assertThat(webhook.handle(null, body)).isEqualTo(401);
        assertThat(webhook.handle("", body)).isEqualTo(401);
        assertThat(webhook.handle("wrong-secret", body)).isEqualTo(403);
        assertThat(webhook.handle(secret.substring(1), body)).isEqualTo(403);
        assertThat(webhook.handle(secret + "x", body)).isEqualTo(403);
        assertThat(h.stores.outboxRows()).as("nothing processed").isEmpty();

        assertThat(webhook.handle(secret, body)).isEqualTo(200);
        assertThat(h.stores.outboxRows()).as("committed before the 200").hasSize(1);
        h.settle();
        assertThat(h.api.shown(9))
                .singleElement()
                .satisfies(s -> assertThat(s.text()).contains("Вітаю"));
        assertThat(h.api.calls("sendMessage")).hasSize(1);
    }

    @Test
    void aMalformedBodyIsSkippedWithA200() throws Exception {
        h = Harness.webhook(TestCategories.small());
        TelegramWebhook webhook = h.adapter.webhook().orElseThrow();
        assertThat(webhook.handle(h.secret(), "{not json".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(200);
        assertThat(webhook.handle(
                        h.secret(), "{\"update_id\":3,\"message\":{\"chat\":\"x\"}}".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(200);
        assertThat(h.stores.outboxRows()).isEmpty();
        h.chat(10).send("/start").expect("Вітаю");
    }

    @Test
    void theWholeConversationStartsThroughTheWebhook() throws Exception {
        h = Harness.webhook(TestCategories.small());
        h.chat(11)
                .send("/start")
                .press("✅ Погоджуюсь")
                .press("📝 Нове звернення")
                .press("🛗 Ліфти")
                .expect("Опишіть проблему");
        assertThat(h.api.calls("answerCallbackQuery")).hasSize(3);
    }
}
