package ua.zvernennia.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.junit.jupiter.api.Test;

class TelegramFilesTest {

    @Test
    void downloadsFromTheConfiguredServer() throws Exception {
        try (FakeBotApi api = new FakeBotApi();
                TelegramAdapter adapter = new TelegramAdapter(
                        TelegramSettings.of(FakeBotApi.TOKEN).withApiUrl(api.url()), Clock.systemUTC())) {
            byte[] bytes = adapter.files().download("AgACphoto");
            assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo("bytes of photos/AgACphoto.jpg");
            assertThat(api.calls("getFile"))
                    .singleElement()
                    .satisfies(
                            c -> assertThat(c.params().path("file_id").asText()).isEqualTo("AgACphoto"));
            assertThat(api.calls("file"))
                    .singleElement()
                    .satisfies(c -> assertThat(c.path()).isEqualTo("photos/AgACphoto.jpg"));
        }
    }

    @Test
    void errorsDoNotShowTheToken() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        var settings = TelegramSettings.of(FakeBotApi.TOKEN).withApiUrl(URI.create("http://127.0.0.1:" + closedPort));
        try (TelegramAdapter adapter = new TelegramAdapter(settings, Clock.systemUTC())) {
            assertThatThrownBy(() -> adapter.files().download("x"))
                    .isInstanceOf(IOException.class)
                    .satisfies(e -> assertThat(String.valueOf(e.getMessage())).doesNotContain(FakeBotApi.TOKEN));
            var api = new BotApiHttp(
                    new okhttp3.OkHttpClient(), settings, new com.fasterxml.jackson.databind.ObjectMapper());
            assertThatThrownBy(() -> api.call("getMe", java.util.Map.of()))
                    .isInstanceOf(BotApiHttp.BotApiException.class)
                    .satisfies(e ->
                            assertThat(e.getMessage()).startsWith("getMe: ").doesNotContain(FakeBotApi.TOKEN));
            assertThatThrownBy(() -> api.download("photos/a.jpg", 10))
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain(FakeBotApi.TOKEN));
        }
        assertThat(settings.toString()).doesNotContain(FakeBotApi.TOKEN).contains("<hidden>");
    }
}
