package ua.zvernennia.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ua.zvernennia.app.channel.ChannelModule;
import ua.zvernennia.app.channel.Channels;
import ua.zvernennia.core.chat.Channel;
import ua.zvernennia.core.testing.Await;
import ua.zvernennia.telegram.FakeBotApi;
import ua.zvernennia.telegram.Updates;
import ua.zvernennia.viber.FakeViberApi;
import ua.zvernennia.viber.ViberRig;

/** Both messengers wired into the running app, each against its local fake server. */
class ChannelsTest {
    @TempDir
    Path dir;

    @Test
    void telegramPollingAndViberWebhookReachTheSameEngine() throws Exception {
        try (FakeBotApi telegram = new FakeBotApi();
                FakeViberApi viber = new FakeViberApi()) {
            AppConfig config = AppConfig.load(
                    AppConfigTest.SHIPPED,
                    Map.of(
                            "HTTP_PORT",
                            "0",
                            "DB_URL",
                            "jdbc:h2:file:" + dir.resolve("db").toAbsolutePath(),
                            "CATEGORIES_FILE",
                            "../config/categories.yaml",
                            "TELEGRAM_BOT_TOKEN",
                            FakeBotApi.TOKEN,
                            "TELEGRAM_API_URL",
                            telegram.url().toString(),
                            "VIBER_AUTH_TOKEN",
                            ViberRig.TOKEN,
                            "VIBER_API_URL",
                            viber.url().toString()));
            try (App app = App.start(
                    config,
                    Clock.systemUTC(),
                    new BufferedReader(new StringReader("")),
                    new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))) {
                telegram.enqueue(List.of(Updates.text(7001, "/start")));
                awaitUntil(() ->
                        telegram.shown(7001).stream().anyMatch(s -> s.text().contains("Вітаю")));

                byte[] callback =
                        ("{\"event\":\"message\",\"timestamp\":1700000000000,\"message_token\":5000000000000000001,"
                                        + "\"sender\":{\"id\":\"" + ViberRig.USER + "\",\"name\":\"Олена\"},"
                                        + "\"message\":{\"type\":\"text\",\"text\":\"/start\"}}")
                                .getBytes(StandardCharsets.UTF_8);
                HttpResponse<String> r = HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(
                                                URI.create("http://127.0.0.1:" + app.httpPort() + "/viber/webhook"))
                                        .header("X-Viber-Content-Signature", ViberRig.sign(callback))
                                        .POST(HttpRequest.BodyPublishers.ofByteArray(callback))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).isEqualTo(200);
                assertThat(viber.awaitText("Вітаю")).isNotEmpty();

                HttpResponse<String> forged = HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(
                                                URI.create("http://127.0.0.1:" + app.httpPort() + "/viber/webhook"))
                                        .header(
                                                "X-Viber-Content-Signature",
                                                "00" + ViberRig.sign(callback).substring(2))
                                        .POST(HttpRequest.BodyPublishers.ofByteArray(callback))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                assertThat(forged.statusCode()).isEqualTo(403);
            }
        }
    }

    @Test
    void theConfigurationTurnsTheChannelsOnEachAModuleWiredTheSameWay() {
        var in = new BufferedReader(new StringReader(""));
        var out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        Map<String, String> base = Map.of("CATEGORIES_FILE", "../config/categories.yaml");
        List<ChannelModule> none = Channels.configured(
                new Channels.Setting(AppConfig.load(AppConfigTest.SHIPPED, base), Clock.systemUTC(), in, out));
        assertThat(none)
                .extracting(ChannelModule::channel)
                .as("no token: the terminal demo")
                .containsExactly(Channel.CONSOLE);
        assertThat(none.get(0).photos()).isEmpty();

        var both = new java.util.HashMap<>(base);
        both.putAll(Map.of("TELEGRAM_BOT_TOKEN", FakeBotApi.TOKEN, "VIBER_AUTH_TOKEN", ViberRig.TOKEN, "DEMO", "off"));
        List<ChannelModule> modules = Channels.configured(
                new Channels.Setting(AppConfig.load(AppConfigTest.SHIPPED, both), Clock.systemUTC(), in, out));
        try {
            assertThat(modules).extracting(ChannelModule::channel).containsExactly(Channel.TELEGRAM, Channel.VIBER);
            assertThat(modules).allSatisfy(m -> {
                assertThat(m.messenger().channel()).isEqualTo(m.channel());
                assertThat(m.photos())
                        .as("photos citizens send are fetched from their messenger")
                        .isPresent();
            });
        } finally {
            modules.forEach(ChannelModule::close);
        }
    }

    static void awaitUntil(java.util.function.BooleanSupplier condition) {
        Await.until("the app's channels", condition);
    }
}
