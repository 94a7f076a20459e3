package ua.zvernennia.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ua.zvernennia.app.ApiClient.Part;
import ua.zvernennia.app.media.TestImages;
import ua.zvernennia.core.appeal.Appeal;
import ua.zvernennia.core.chat.Channel;
import ua.zvernennia.core.chat.ChatKey;
import ua.zvernennia.core.testing.Await;
import ua.zvernennia.telegram.FakeBotApi;
import ua.zvernennia.viber.FakeViberApi;
import ua.zvernennia.viber.ViberRig;

/**
 * {@code POST /api/appeals/{number}/resolution} on the running app: an executor resolves its
 * appeal with photos of the work done; the Telegram citizen gets the photos uploaded, the Viber
 * citizen pictures fetched from their public address; bad requests change nothing.
 */
class ResolutionApiTest {
    static final String ADMIN = TokenApiTest.ADMIN;
    static final String PUBLIC = "https://bot.example.ua";
    static final long TELEGRAM_CITIZEN = 7001;
    static final String VIBER_CITIZEN = ViberRig.USER;
    /** MAX_PHOTO_BYTES for these tests: the first photo fits, the large one does not. */
    static final int MAX_PHOTO = 200_000;

    @TempDir
    Path dir;

    App app;
    ApiClient admin;

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    void start(FakeBotApi telegram, FakeViberApi viber, boolean publicBaseUrl) {
        var env = new HashMap<>(Map.of(
                "ADMIN_TOKEN",
                ADMIN,
                "OUTBOX_POLL_INTERVAL_MS",
                "50",
                "MAX_PHOTO_BYTES",
                String.valueOf(MAX_PHOTO),
                "MEDIA_DIR",
                dir.resolve("media").toString(),
                "EXECUTOR_DIGEST_TIME",
                "",
                "VIBER_AUTH_TOKEN",
                ViberRig.TOKEN,
                "VIBER_API_URL",
                viber.url().toString()));
        env.putAll(TestApps.telegram(telegram));
        if (publicBaseUrl) {
            env.put("PUBLIC_BASE_URL", PUBLIC + "/");
        }
        app = TestApps.start(dir, Clock.systemUTC(), env);
        admin = new ApiClient(app.httpPort(), ADMIN);
    }

    Appeal filed(ChatKey chat, String description) {
        return Filed.appeal("lifts", description).in(app, chat);
    }

    long executor(String name) {
        ApiClient.Response r = admin.post("/api/executors", "{\"name\": \"" + name + "\"}");
        assertThat(r.status()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    ApiClient tokenOf(long executorId) {
        ApiClient.Response r = admin.post(
                "/api/tokens",
                "{\"name\": \"Бригада " + executorId + "\", \"role\": \"EXECUTOR\", \"executorId\": " + executorId
                        + "}");
        assertThat(r.status()).isEqualTo(201);
        return admin.as(r.json().get("token").asText());
    }

    void assign(Appeal appeal, long executorId) {
        assertThat(admin.post(
                                "/api/appeals/" + appeal.number() + "/executor",
                                "{\"executorId\": " + executorId + ", \"reason\": \"Ліфт\"}")
                        .status())
                .isEqualTo(200);
    }

    static Part comment(String text) {
        return Part.field("comment", text);
    }

    static Part photo(String name, byte[] bytes) {
        return Part.file("photo", name, "image/jpeg", bytes);
    }

    @Test
    void anExecutorsResolutionReachesTheTelegramCitizenAsPhotosAndTheViberCitizenAsPictures() throws Exception {
        try (FakeBotApi telegram = new FakeBotApi();
                FakeViberApi viber = new FakeViberApi()) {
            start(telegram, viber, true);
            long lifts = executor("КП «Ліфти-1»");
            long other = executor("КП «Інші»");
            Appeal onTelegram = filed(ChatKey.of(Channel.TELEGRAM, String.valueOf(TELEGRAM_CITIZEN)), "Застряг ліфт");
            Appeal onViber = filed(ChatKey.of(Channel.VIBER, VIBER_CITIZEN), "Не працює ліфт");
            assign(onTelegram, lifts);
            assign(onViber, lifts);
            ApiClient brigade = tokenOf(lifts);
            ApiClient stranger = tokenOf(other);
            byte[] before = TestImages.jpeg(640, 480);
            byte[] after = TestImages.png(800, 600);
            String t = onTelegram.number().toString();

            // Another executor's appeal is not there for it.
            assertThat(stranger.postMultipart(
                                    "/api/appeals/" + t + "/resolution",
                                    List.of(comment("Зроблено"), photo("a.jpg", before)))
                            .status())
                    .isEqualTo(404);

            // The executor's own: resolved with two photos, the history names the token.
            ApiClient.Response r = brigade.postMultipart(
                    "/api/appeals/" + t + "/resolution",
                    List.of(
                            comment("Замінено трос ліфта"),
                            photo("a.jpg", before),
                            Part.file("photo", "b.png", "image/png", after)));
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            assertThat(r.json().get("to").asText()).isEqualTo("RESOLVED");
            assertThat(r.json().get("pushed").asBoolean()).isTrue();
            assertThat(r.json().get("photos")).hasSize(2);
            JsonNode detail = admin.get("/api/appeals/" + t).json();
            assertThat(detail.get("status").asText()).isEqualTo("RESOLVED");
            JsonNode history = detail.get("history");
            JsonNode last = history.get(history.size() - 1);
            assertThat(last.get("to").asText()).isEqualTo("RESOLVED");
            assertThat(last.get("actor").asText()).isEqualTo("Бригада " + lifts);
            assertThat(last.get("note").asText()).isEqualTo("Замінено трос ліфта");
            assertThat(detail.get("resolutionPhotos")).hasSize(2);
            // The photos are kept with the appeal as they were sent, for the staff to see.
            ApiClient.Bytes kept = brigade.getBytes(
                    detail.get("resolutionPhotos").get(1).get("url").asText());
            assertThat(kept.status()).isEqualTo(200);
            assertThat(kept.body()).isEqualTo(after);
            assertThat(stranger.getBytes("/api/appeals/" + t + "/resolution/photos/0")
                            .status())
                    .isEqualTo(404);

            // Telegram: the first photo in a numbered message, the second uploaded with the
            // resolution and the question whether the problem is solved.
            Await.until(
                    "the Telegram citizen's photos",
                    () -> telegram.shown(TELEGRAM_CITIZEN).stream()
                            .anyMatch(s -> s.text().contains("Чи вирішено")));
            List<FakeBotApi.Shown> shown = telegram.shown(TELEGRAM_CITIZEN);
            assertThat(shown).hasSize(2);
            assertThat(shown.get(0).text()).contains("фото виконаної роботи, 1 з 2");
            assertThat(shown.get(1).text()).contains("вирішено", "Замінено трос ліфта", "Чи вирішено");
            assertThat(shown.get(1).markup()).isNotNull();
            // Both went by sendPhoto, each uploading the photo's bytes.
            List<FakeBotApi.Call> uploads = telegram.calls("sendPhoto").stream()
                    .filter(c -> c.chatId() == TELEGRAM_CITIZEN)
                    .toList();
            assertThat(uploads).hasSize(2);
            assertThat(uploaded(uploads.get(0))).isEqualTo("<upload photo.jpg " + before.length + ">");
            assertThat(uploaded(uploads.get(1))).isEqualTo("<upload photo.png " + after.length + ">");

            // Viber: a picture Viber fetches from the public address, which serves the photo.
            String v = onViber.number().toString();
            assertThat(brigade.postMultipart(
                                    "/api/appeals/" + v + "/resolution",
                                    List.of(comment("Ліфт працює"), photo("a.jpg", before)))
                            .status())
                    .isEqualTo(200);
            // The text is short enough to go under the picture: one message, with the question's keyboard.
            List<FakeViberApi.Request> sent = viber.awaitText("Чи вирішено");
            assertThat(sent).hasSize(1);
            JsonNode picture = sent.get(0).body();
            assertThat(picture.get("type").asText()).isEqualTo("picture");
            assertThat(picture.get("receiver").asText()).isEqualTo(VIBER_CITIZEN);
            assertThat(picture.get("text").asText()).contains("Ліфт працює", "Чи вирішено");
            assertThat(picture.has("keyboard")).isTrue();
            String media = picture.get("media").asText();
            assertThat(media).startsWith(PUBLIC + "/public/photos/").endsWith(".jpg");
            String token = media.substring((PUBLIC + "/public/photos/").length(), media.length() - 4);
            assertThat(token).matches("[A-Za-z0-9_-]{43}").doesNotContain(v);

            // A longer text follows the picture as a message of its own, which carries the keyboard.
            Appeal onViber2 = filed(ChatKey.of(Channel.VIBER, VIBER_CITIZEN), "Не світиться кнопка виклику");
            assign(onViber2, lifts);
            String longer = "Замінено кнопку виклику на першому поверсі, перевірено роботу ліфта на всіх поверхах, "
                    + "кабіну прибрано після ремонту.";
            assertThat(brigade.postMultipart(
                                    "/api/appeals/" + onViber2.number() + "/resolution",
                                    List.of(comment(longer), photo("a.jpg", before)))
                            .status())
                    .isEqualTo(200);
            Await.until("the second resolution on Viber", () -> viber.sent().size() == 3);
            List<FakeViberApi.Request> second = viber.sent().subList(1, 3);
            assertThat(second.get(0).body().get("type").asText()).isEqualTo("picture");
            assertThat(second.get(0).body().get("text").asText()).isEmpty();
            assertThat(second.get(0).body().get("media").asText())
                    .startsWith(PUBLIC + "/public/photos/")
                    .isNotEqualTo(media);
            assertThat(second.get(1).body().get("type").asText()).isEqualTo("text");
            assertThat(second.get(1).text()).contains(longer, "Чи вирішено");
            assertThat(second.get(1).body().has("keyboard")).isTrue();

            ApiClient anyone = new ApiClient(app.httpPort(), null);
            ApiClient.Bytes served = anyone.getBytes(URI.create(media).getPath());
            assertThat(served.status()).isEqualTo(200);
            assertThat(served.headers().firstValue("Content-Type").orElse("")).startsWith("image/jpeg");
            assertThat(served.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
            var image = ImageIO.read(new ByteArrayInputStream(served.body()));
            assertThat(image.getWidth()).isEqualTo(640);
            assertThat(image.getHeight()).isEqualTo(480);
            // Only tokens that exist are served; nothing else under that path.
            assertThat(anyone.getBytes("/public/photos/" + "A".repeat(43) + ".jpg")
                            .status())
                    .isEqualTo(404);
            assertThat(anyone.getBytes("/public/photos/" + token).status()).isEqualTo(404);
            assertThat(anyone.getBytes("/public/photos/" + v + ".jpg").status()).isEqualTo(404);
        }
    }

    @Test
    void badRequestsAreRefusedAndChangeNothing() throws Exception {
        try (FakeBotApi telegram = new FakeBotApi();
                FakeViberApi viber = new FakeViberApi()) {
            start(telegram, viber, true);
            long lifts = executor("КП «Ліфти-2»");
            Appeal appeal = filed(ChatKey.of(Channel.TELEGRAM, String.valueOf(TELEGRAM_CITIZEN)), "Застряг ліфт");
            assign(appeal, lifts);
            ApiClient brigade = tokenOf(lifts);
            String n = appeal.number().toString();
            String path = "/api/appeals/" + n + "/resolution";
            byte[] photo = TestImages.jpeg(320, 240);
            JsonNode before = admin.get("/api/appeals/" + n).json();
            long outboxBefore = outbox();

            Map<String, ApiClient.Response> refused = new java.util.LinkedHashMap<>();
            refused.put("json instead of a form", brigade.post(path, "{\"comment\": \"Зроблено\"}"));
            refused.put("no comment", brigade.postMultipart(path, List.of(photo("a.jpg", photo))));
            refused.put("a blank comment", brigade.postMultipart(path, List.of(comment("  "), photo("a.jpg", photo))));
            refused.put("no photo", brigade.postMultipart(path, List.of(comment("Зроблено"))));
            refused.put(
                    "not an image",
                    brigade.postMultipart(
                            path,
                            List.of(
                                    comment("Зроблено"),
                                    photo("a.jpg", "<html>not a photo</html>".getBytes(StandardCharsets.UTF_8)))));
            refused.put(
                    "too large",
                    brigade.postMultipart(
                            path, List.of(comment("Зроблено"), photo("big.jpg", new byte[MAX_PHOTO + 1]))));
            refused.put(
                    "too many",
                    brigade.postMultipart(
                            path,
                            List.of(
                                    comment("Зроблено"),
                                    photo("1.jpg", photo),
                                    photo("2.jpg", photo),
                                    photo("3.jpg", photo),
                                    photo("4.jpg", photo),
                                    photo("5.jpg", photo),
                                    photo("6.jpg", photo))));
            refused.put(
                    "a comment too long",
                    brigade.postMultipart(path, List.of(comment("я".repeat(2001)), photo("a.jpg", photo))));
            refused.forEach((what, r) -> {
                assertThat(r.status()).as(what + ": " + r.body()).isEqualTo(400);
                assertThat(r.json().get("error").asText()).as(what).isNotBlank();
            });
            assertThat(refused.get("no comment").json().get("field").asText()).isEqualTo("comment");
            assertThat(refused.get("no photo").json().get("field").asText()).isEqualTo("photo");
            assertThat(refused.get("not an image").json().get("error").asText()).contains("not a JPEG");
            assertThat(refused.get("too large").json().get("error").asText()).contains(String.valueOf(MAX_PHOTO));

            JsonNode after = admin.get("/api/appeals/" + n).json();
            assertThat(after.get("status").asText()).isEqualTo("REGISTERED");
            assertThat(after.get("history")).isEqualTo(before.get("history"));
            assertThat(after.get("resolutionPhotos")).isEmpty();
            assertThat(outbox()).isEqualTo(outboxBefore);
            assertThat(mediaFiles()).isEmpty();

            // A closed appeal cannot be resolved again: 409, and nothing more is kept.
            assertThat(brigade.postMultipart(path, List.of(comment("Зроблено"), photo("a.jpg", photo)))
                            .status())
                    .isEqualTo(200);
            long files = mediaFiles().size();
            long outbox = outbox();
            ApiClient.Response again = brigade.postMultipart(path, List.of(comment("Ще раз"), photo("a.jpg", photo)));
            assertThat(again.status()).as(again.body()).isEqualTo(409);
            assertThat(admin.get("/api/appeals/" + n).json().get("resolutionPhotos"))
                    .hasSize(1);
            assertThat(mediaFiles()).hasSize((int) files);
            assertThat(outbox()).isEqualTo(outbox);
        }
    }

    @Test
    void withoutAPublicAddressTheViberCitizenGetsTheTextAlone() throws Exception {
        try (FakeBotApi telegram = new FakeBotApi();
                FakeViberApi viber = new FakeViberApi()) {
            start(telegram, viber, false);
            Appeal appeal = filed(ChatKey.of(Channel.VIBER, VIBER_CITIZEN), "Не працює ліфт");
            // An operator may resolve with photos too.
            ApiClient.Response r = admin.postMultipart(
                    "/api/appeals/" + appeal.number() + "/resolution",
                    List.of(comment("Ліфт відремонтовано"), photo("a.jpg", TestImages.jpeg(320, 240))));
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            List<FakeViberApi.Request> sent = viber.awaitText("Чи вирішено");
            assertThat(sent).allMatch(m -> m.body().path("type").asText().equals("text"));
            assertThat(sent.get(sent.size() - 1).text()).contains("Ліфт відремонтовано");
        }
    }

    /** What a sendPhoto call uploaded: the part its {@code attach://} reference names. */
    static String uploaded(FakeBotApi.Call call) {
        String photo = call.params().path("photo").asText();
        assertThat(photo).startsWith("attach://");
        return call.params().path(photo.substring("attach://".length())).asText();
    }

    long outbox() {
        return app.storage()
                .database()
                .jdbi()
                .withHandle(h -> h.createQuery("SELECT COUNT(*) FROM outbox")
                        .mapTo(Long.class)
                        .one());
    }

    List<Path> mediaFiles() throws IOException {
        Path media = dir.resolve("media");
        if (!java.nio.file.Files.isDirectory(media)) {
            return List.of();
        }
        try (var files = java.nio.file.Files.list(media)) {
            return files.toList();
        }
    }
}
