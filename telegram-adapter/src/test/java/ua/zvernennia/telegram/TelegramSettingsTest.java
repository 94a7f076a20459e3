package ua.zvernennia.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class TelegramSettingsTest {

    @Test
    void theApiUrlGivesSchemeHostAndPort() {
        TelegramSettings s = TelegramSettings.of("1:abc")
                .withApiUrl(URI.create("http://bot-api.local:8081"))
                .withWebhookUrl(URI.create("https://city.example/telegram/webhook"));
        assertThat(s.webhookMode()).isTrue();
        assertThat(s.telegramUrl().getSchema()).isEqualTo("http");
        assertThat(s.telegramUrl().getHost()).isEqualTo("bot-api.local");
        assertThat(s.telegramUrl().getPort()).isEqualTo(8081);
        assertThat(TelegramSettings.of("1:abc").telegramUrl().getPort()).isEqualTo(443);
        assertThat(TelegramSettings.of("1:abc").webhookMode()).isFalse();
    }

    @Test
    void refusesWhatWouldBreakTheUrls() {
        assertThatThrownBy(() -> TelegramSettings.of("1:abc/../x"))
                .isInstanceOf(IllegalArgumentException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("abc"));
        assertThatThrownBy(
                        () -> TelegramSettings.of("1:abc").withApiUrl(URI.create("https://api.telegram.org/bot1:abc")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(TelegramSettings.of("1:abc").toString()).doesNotContain("1:abc");
    }
}
