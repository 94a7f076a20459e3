package ua.zvernennia.viber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import ua.zvernennia.core.chat.TextSplitter;

class ViberSetupTest {

    @Test
    void setWebhookAsksForTheConversationsEventsWithoutNamesOrPhotos() throws Exception {
        try (var viber = new FakeViberApi()) {
            var settings = ViberSettings.of("secret-token")
                    .withApiUrl(viber.url())
                    .withWebhookUrl(URI.create("https://bot.example.ua/viber/webhook"));

            assertThat(new ViberWebhook(new ViberApi(settings), settings).register())
                    .isTrue();

            assertThat(viber.requests()).singleElement().satisfies(r -> {
                assertThat(r.path()).isEqualTo("/pa/set_webhook");
                assertThat(r.authToken()).isEqualTo("secret-token");
                assertThat(r.body().path("url").asText()).isEqualTo("https://bot.example.ua/viber/webhook");
                assertThat(r.body().path("event_types"))
                        .extracting(n -> n.asText())
                        .containsExactlyInAnyOrder(
                                "delivered", "seen", "failed", "subscribed", "unsubscribed", "conversation_started");
                assertThat(r.body().path("send_name").asBoolean(true)).isFalse();
                assertThat(r.body().path("send_photo").asBoolean(true)).isFalse();
            });
        }
    }

    @Test
    void aRefusedWebhookIsReportedAndNoUrlMeansNoCall() throws Exception {
        try (var viber = new FakeViberApi()) {
            viber.thenAnswer(FakeViberApi.Answer.status(1, "invalidUrl"));
            var settings = ViberSettings.of("secret-token").withApiUrl(viber.url());

            assertThat(new ViberWebhook(new ViberApi(settings), settings).register())
                    .isFalse();
            assertThat(viber.requests()).isEmpty();

            var withUrl = settings.withWebhookUrl(URI.create("https://bot.example.ua/viber/webhook"));
            assertThat(new ViberWebhook(new ViberApi(withUrl), withUrl).register())
                    .isFalse();
            assertThat(viber.requests()).hasSize(1);
        }
    }

    @Test
    void settingsHaveProductionDefaultsAndNeverShowTheToken() {
        var settings =
                ViberSettings.of("4453b6ac-secret").withWebhookUrl(URI.create("https://bot.example.ua/viber/webhook"));

        assertThat(settings.apiUrl()).isEqualTo(URI.create("https://chatapi.viber.com/pa"));
        assertThat(settings.webhookUrl()).isEqualTo(URI.create("https://bot.example.ua/viber/webhook"));
        assertThat(settings.senderName()).isEqualTo(ViberSettings.DEFAULT_SENDER_NAME);
        assertThat(settings.toString()).doesNotContain("4453b6ac-secret");
        assertThatThrownBy(() -> ViberSettings.of(" ")).hasMessageContaining("token");
    }

    @Test
    void signaturesAreHexHmacOfTheRawBodyInEitherCase() {
        var signature = new ViberSignature("secret-token");
        byte[] body = "{\"event\":\"webhook\"}".getBytes(StandardCharsets.UTF_8);
        String expected = ViberRig.signWith("secret-token", body);

        assertThat(signature.verifies(body, expected)).isTrue();
        assertThat(signature.verifies(body, expected.toUpperCase(java.util.Locale.ROOT)))
                .isTrue();
        assertThat(signature.verifies(body, ViberRig.signWith("other-token", body)))
                .isFalse();
        assertThat(signature.verifies("{\"event\":\"webhook\"} ".getBytes(StandardCharsets.UTF_8), expected))
                .isFalse();
        assertThat(signature.verifies(body, expected.substring(2))).isFalse();
    }

    @Test
    void textsAreCutWithoutBreakingCharacters() {
        assertThat(TextSplitter.truncate("аб😀", 3)).isEqualTo("аб");
        assertThat(TextSplitter.split("один два три", 8)).containsExactly("один", "два три");
        assertThat(TextSplitter.split("коротко", 7000)).containsExactly("коротко");
    }
}
