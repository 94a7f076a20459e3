package ua.zvernennia.app;

import static org.assertj.core.api.Assertions.assertThat;
import static ua.zvernennia.app.ChannelsTest.awaitUntil;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ua.zvernennia.app.api.ApiJson;
import ua.zvernennia.app.media.TestImages;
import ua.zvernennia.core.chat.Channel;
import ua.zvernennia.core.media.PhotoStore;
import ua.zvernennia.telegram.FakeBotApi;
import ua.zvernennia.telegram.Updates;
import ua.zvernennia.viber.FakeViberApi;
import ua.zvernennia.viber.ViberRig;

/**
 * A photo is kept when it arrives in the chat, not when staff look at it: Telegram's through
 * getFile, Viber's only from Viber's own hosts — a media link to the server itself is never
 * fetched, not at receipt and not when the appeal is opened.
 */
class PhotosAtReceiptTest {
    @TempDir
    Path dir;

    Optional<PhotoStore.Kept> media(App app, Channel channel, String fileId) {
        return app.storage().read(s -> s.media().find(channel, fileId));
    }

    @Test
    void aTelegramPhotoIsKeptAsSoonAsTheCitizenSendsIt() throws Exception {
        try (FakeBotApi telegram = new FakeBotApi()) {
            byte[] jpeg = TestImages.jpeg(1280, 960);
            telegram.file("AgACbigphoto", jpeg);
            try (App app = TestApps.start(dir, Clock.systemUTC(), TestApps.telegram(telegram))) {
                var citizen = new MenuChats.TelegramCitizen(telegram, 8101).start();
                MenuChats.Menu menu = citizen.openMenu();
                citizen.press(menu, "cat:street-lights", m -> true);
                telegram.enqueue(List.of(Updates.photo(8101, "AgACbigphoto", "Не світить ліхтар біля під'їзду")));
                awaitUntil(() -> media(app, Channel.TELEGRAM, "AgACbigphoto")
                        .map(m -> m.status() == PhotoStore.Status.KEPT)
                        .orElse(false));
                PhotoStore.Kept kept =
                        media(app, Channel.TELEGRAM, "AgACbigphoto").orElseThrow();
                assertThat(kept.contentType()).isEqualTo("image/jpeg");
                assertThat(kept.bytes()).isEqualTo(jpeg);
                assertThat(kept.thumbnail()).isNotNull();
                assertThat(media(app, Channel.TELEGRAM, "AgACbigphoto-s"))
                        .as("only the largest size")
                        .isEmpty();
            }
        }
    }

    @Test
    void aViberMediaLinkToTheServerItselfIsNeverFetched() throws Exception {
        var secret = new com.sun.net.httpserver.HttpServer[1];
        var hits = new java.util.concurrent.atomic.AtomicInteger();
        secret[0] = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        secret[0].createContext("/", ex -> {
            hits.incrementAndGet();
            byte[] body = "internal secret".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        secret[0].start();
        try (FakeViberApi viber = new FakeViberApi();
                App app = TestApps.start(
                        dir,
                        Clock.systemUTC(),
                        Map.of(
                                "VIBER_AUTH_TOKEN",
                                ViberRig.TOKEN,
                                "VIBER_API_URL",
                                viber.url().toString(),
                                "ADMIN_TOKEN",
                                AppealApiTest.ADMIN))) {
            var citizen = new MenuChats.ViberCitizen(viber, app.httpPort(), ViberRig.USER).start();
            MenuChats.Menu menu = citizen.openMenu();
            citizen.send("btn:cat:street-lights", m -> true);
            String link = "http://127.0.0.1:" + secret[0].getAddress().getPort() + "/secret";
            String body = ApiJson.MAPPER
                    .createObjectNode()
                    .put("event", "message")
                    .put("timestamp", 1700000000000L)
                    .put("message_token", 7_000_000_000_000_000_001L)
                    .<com.fasterxml.jackson.databind.node.ObjectNode>set(
                            "sender",
                            ApiJson.MAPPER
                                    .createObjectNode()
                                    .put("id", ViberRig.USER)
                                    .put("name", "Олена")
                                    .put("api_version", 10))
                    .<com.fasterxml.jackson.databind.node.ObjectNode>set(
                            "message",
                            ApiJson.MAPPER
                                    .createObjectNode()
                                    .put("type", "picture")
                                    .put("media", link)
                                    .put("text", "Не світить ліхтар біля під'їзду"))
                    .toString();
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            HttpResponse<String> r = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.httpPort() + "/viber/webhook"))
                                    .header("X-Viber-Content-Signature", ViberRig.sign(bytes))
                                    .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            awaitUntil(() -> media(app, Channel.VIBER, link)
                    .map(m -> m.status() == PhotoStore.Status.FAILED)
                    .orElse(false));
            assertThat(media(app, Channel.VIBER, link).orElseThrow().lastError())
                    .contains("https");
            assertThat(menu).isNotNull();
            assertThat(hits.get()).as("nothing fetched").isZero();
        } finally {
            secret[0].stop(0);
        }
    }
}
