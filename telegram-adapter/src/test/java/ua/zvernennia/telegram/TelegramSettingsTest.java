package ua.zvernennia.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TelegramSettingsTest {

    @Test
    void fromTheEnvironment() {
        assertThat(TelegramSettings.fromEnvironment(Map.of())).isEmpty();
        TelegramSettings s = TelegramSettings.fromEnvironment(Map.of("TELEGRAM_BOT_TOKEN", "1:abc",
                "TELEGRAM_API_URL", "http://bot-api.local:8081", "TELEGRAM_WEBHOOK_URL", "https://city.example/telegram/webhook")).orElseThrow();
        assertThat(s.webhookMode()).isTrue();
        assertThat(s.telegramUrl().getSchema()).isEqualTo("http");
        assertThat(s.telegramUrl().getHost()).isEqualTo("bot-api.local");
        assertThat(s.telegramUrl().getPort()).isEqualTo(8081);
        assertThat(TelegramSettings.of("1:abc").telegramUrl().getPort()).isEqualTo(443);
        assertThat(TelegramSettings.of("1:abc").webhookMode()).isFalse();
    }

    @Test
    void refusesWhatWouldBreakTheUrls() {
        assertThatThrownBy(() -> TelegramSettings.of("1:abc/../x")).isInstanceOf(IllegalArgumentException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("abc"));
        assertThatThrownBy(() -> TelegramSettings.of("1:abc").withApiUrl(URI.create("https://api.telegram.org/bot1:abc")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(TelegramSettings.of("1:abc").toString()).doesNotContain("1:abc");
    }
}
