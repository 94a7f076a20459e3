package ua.zvernennia.app.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ua.zvernennia.core.appeal.PhotoRef;
import ua.zvernennia.core.chat.Channel;
import ua.zvernennia.core.chat.ChatKey;
import ua.zvernennia.core.media.PhotoStore;
import ua.zvernennia.storage.Storage;

/** Photos queued at receipt are downloaded once, checked and kept, and served after the source is gone. */
class PhotoKeeperTest {
    static final ChatKey VIBER_CHAT = ChatKey.of(Channel.VIBER, "01234567890A=");
    static final long MAX = 1024 * 1024;

    @TempDir
    Path dir;

    Storage storage;
    final Instant now = Instant.parse("2026-03-02T09:00:00Z");
    final Clock clock = Clock.fixed(now, ZoneOffset.UTC);
    /** The test's local server stands for Viber's media host. */
    final SafeMediaFetch viberForTests = new SafeMediaFetch(
            new SafeMediaFetch.Policy(
                    Set.of("127.0.0.1"), false, a -> a.isLoopbackAddress() || SafeMediaFetch.isPublic(a)),
            MAX);

    @AfterEach
    void close() {
        if (storage != null) {
            storage.close();
        }
    }

    Storage open() {
        storage = Storage.open("jdbc:sqlite:" + dir.resolve("db.sqlite"), null, null, clock, ZoneId.of("Europe/Kyiv"));
        return storage;
    }

    void queue(ChatKey chat, String fileId) {
        storage.write(s -> {
            s.media().keep(chat, new PhotoRef(fileId, ""), now);
            s.media().keep(chat, new PhotoRef(fileId, ""), now);
            return null;
        });
    }

    PhotoStore.Kept kept(Channel channel, String fileId) {
        return storage.read(s -> s.media().find(channel, fileId)).orElseThrow();
    }

    @Test
    void aViberPhotoIsKeptWithAThumbnailAndServedAfterTheLinkExpired() throws Exception {
        open();
        byte[] jpeg = TestImages.jpeg(1600, 1200);
        try (LocalServer media = new LocalServer("127.0.0.1").serve(jpeg)) {
            String url = media.url("/media/1.jpg");
            queue(VIBER_CHAT, url);
            var keeper = new PhotoKeeper(
                    storage.photos(),
                    Map.of(Channel.VIBER, viberForTests),
                    new KeptPhotos(Optional.empty()),
                    MAX,
                    clock);
            assertThat(keeper.runOnce()).isEqualTo(1);
            assertThat(media.requests()).as("queued twice, fetched once").hasSize(1);
            assertThat(keeper.runOnce()).isZero();

            media.close();
            PhotoStore.Kept k = kept(Channel.VIBER, url);
            assertThat(k.status()).isEqualTo(PhotoStore.Status.KEPT);
            assertThat(k.contentType()).isEqualTo("image/jpeg");
            assertThat(new KeptPhotos(Optional.empty()).read(k)).isEqualTo(jpeg);
            BufferedImage thumb = ImageIO.read(new ByteArrayInputStream(k.thumbnail()));
            assertThat(Math.max(thumb.getWidth(), thumb.getHeight())).isEqualTo(Images.THUMBNAIL);
        }
    }

    @Test
    void underAMediaFolderTheBytesAreAFileAndErasureDeletesIt() throws Exception {
        open();
        Path folder = dir.resolve("media");
        KeptPhotos vault = new KeptPhotos(Optional.of(folder));
        byte[] png = TestImages.png(200, 100);
        PhotoSource telegram = fileId -> png;
        queue(ChatKey.of(Channel.TELEGRAM, "42"), "AgACphoto");
        new PhotoKeeper(storage.photos(), Map.of(Channel.TELEGRAM, telegram), vault, MAX, clock).runOnce();
        PhotoStore.Kept k = kept(Channel.TELEGRAM, "AgACphoto");
        assertThat(k.bytes()).as("not in the database").isNull();
        assertThat(vault.read(k)).isEqualTo(png);
        try (var files = Files.list(folder)) {
            assertThat(files.count()).isEqualTo(1);
        }
        var keeper = new PhotoKeeper(storage.photos(), Map.of(Channel.TELEGRAM, telegram), vault, MAX, clock);
        storage.write(s -> {
            s.media().eraseChat(ChatKey.of(Channel.TELEGRAM, "42"), Set.of());
            return null;
        });
        keeper.runOnce();
        try (var files = Files.list(folder)) {
            assertThat(files.count()).isZero();
        }
        Optional<PhotoStore.Kept> gone = storage.read(s -> s.media().find(Channel.TELEGRAM, "AgACphoto"));
        assertThat(gone).isEmpty();
    }

    @Test
    void whatIsNotAPictureOrTooLargeIsNotKept() {
        open();
        PhotoSource telegram = fileId -> switch (fileId) {
            case "html" -> "<html>secret</html>".getBytes();
            case "big" -> TestImages.png(2000, 2000).length > 10 ? new byte[(int) MAX + 1] : null;
            default -> TestImages.png(10, 10);
        };
        ChatKey chat = ChatKey.of(Channel.TELEGRAM, "42");
        queue(chat, "html");
        queue(chat, "big");
        new PhotoKeeper(
                        storage.photos(),
                        Map.of(Channel.TELEGRAM, telegram),
                        new KeptPhotos(Optional.empty()),
                        MAX,
                        clock)
                .runOnce();
        assertThat(kept(Channel.TELEGRAM, "html").status()).isEqualTo(PhotoStore.Status.FAILED);
        assertThat(kept(Channel.TELEGRAM, "html").lastError()).contains("not a JPEG");
        assertThat(kept(Channel.TELEGRAM, "html").bytes()).isNull();
        assertThat(kept(Channel.TELEGRAM, "big").status()).isEqualTo(PhotoStore.Status.FAILED);
        assertThat(kept(Channel.TELEGRAM, "big").lastError()).contains("over");
    }

    @Test
    void aRefusedViberLinkIsGivenUpWithoutFetchingAndAnOutageIsTriedAgain() throws Exception {
        open();
        var strict = new SafeMediaFetch(SafeMediaFetch.Policy.publicHttps(Set.of(".viber.com")), MAX);
        try (LocalServer secret = new LocalServer("127.0.0.1").serve("secret".getBytes())) {
            queue(VIBER_CHAT, secret.url("/secret"));
            new PhotoKeeper(
                            storage.photos(),
                            Map.of(Channel.VIBER, strict),
                            new KeptPhotos(Optional.empty()),
                            MAX,
                            clock)
                    .runOnce();
            assertThat(kept(Channel.VIBER, secret.url("/secret")).status()).isEqualTo(PhotoStore.Status.FAILED);
            assertThat(secret.requests()).isEmpty();
        }
        PhotoSource down = fileId -> {
            throw new java.io.IOException("getFile failed: 502");
        };
        ChatKey chat = ChatKey.of(Channel.TELEGRAM, "42");
        queue(chat, "later");
        new PhotoKeeper(storage.photos(), Map.of(Channel.TELEGRAM, down), new KeptPhotos(Optional.empty()), MAX, clock)
                .runOnce();
        PhotoStore.Kept k = kept(Channel.TELEGRAM, "later");
        assertThat(k.status()).isEqualTo(PhotoStore.Status.PENDING);
        assertThat(k.lastError()).contains("502");
        java.util.List<PhotoStore.Pending> dueNow = storage.read(s -> s.media().due(now, 10));
        java.util.List<PhotoStore.Pending> dueLater =
                storage.read(s -> s.media().due(now.plusSeconds(60), 10));
        assertThat(dueNow).as("not due before its pause").isEmpty();
        assertThat(dueLater).hasSize(1);
    }
}
