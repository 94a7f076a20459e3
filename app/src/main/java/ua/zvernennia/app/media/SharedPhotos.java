package ua.zvernennia.app.media;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import ua.zvernennia.app.web.RouteGroup;
import ua.zvernennia.core.chat.ReplyPhotos;
import ua.zvernennia.core.executor.ResolutionPhoto;
import ua.zvernennia.core.executor.ResolutionPhotoStore;
import ua.zvernennia.core.refusal.Refusal;

/**
 * The photos the app keeps itself and sends to citizens: the executors' photos of the work done
 * ({@code POST /api/appeals/{number}/resolution}). Each is checked as a photo a citizen sends is
 * ({@link PhotoKeeper#problem}: size and type by content), kept as those are ({@link KeptPhotos}:
 * in the database or under {@code MEDIA_DIR}) with a thumbnail, and with a shared copy: a JPEG
 * of at most {@value #SHARED_SIDE} pixels a side and under 1 MB, drawn afresh from the pixels so
 * that nothing else of the original (its metadata) goes with it. Each gets a random token of 256
 * bits, the only name of its public address {@code GET /public/photos/<token>.jpg}, which serves
 * the shared copy to whoever has the address: Viber fetches the pictures it shows from there,
 * once {@code PUBLIC_BASE_URL} says where the app is reached. Telegram gets the photo itself,
 * uploaded. Only these photos are ever served there, never those citizens send. Thread-safe.
 */
public final class SharedPhotos implements ReplyPhotos, RouteGroup {
    /** Where the shared copies are served, by their token. */
    public static final String PATH = "/public/photos/";
    /** The longer side of a shared copy, pixels. */
    static final int SHARED_SIDE = 1600;
    /** Viber shows no larger picture on iOS. */
    static final int SHARED_MAX_BYTES = 1_000_000;
    /** The largest photo Telegram's sendPhoto takes as an upload; a larger one goes as its shared copy. */
    static final long TELEGRAM_MAX_UPLOAD = 10L * 1000 * 1000;

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern FILE = Pattern.compile("([A-Za-z0-9_-]{43})\\.jpg");

    private final ResolutionPhotoStore store;
    private final KeptPhotos vault;
    private final Optional<URI> publicBaseUrl;
    private final long maxBytes;

    /**
     * @param publicBaseUrl where citizens' messengers reach the app (https, no trailing slash);
     *                      empty: no public addresses are given out, and Viber gets the text alone
     * @param maxBytes      the largest photo kept ({@code MAX_PHOTO_BYTES}), as for citizens' photos
     */
    public SharedPhotos(ResolutionPhotoStore store, KeptPhotos vault, Optional<URI> publicBaseUrl, long maxBytes) {
        this.store = store;
        this.vault = vault;
        this.publicBaseUrl = publicBaseUrl;
        this.maxBytes = maxBytes;
    }

    /** The largest photo kept. */
    public long maxBytes() {
        return maxBytes;
    }

    /**
     * Refuses a photo that would not be kept: larger than {@code MAX_PHOTO_BYTES}, or not a
     * JPEG, PNG, GIF or WebP picture by its content.
     *
     * @param name how the caller named the file, for the answer
     * @throws Refusal INVALID for the field {@code photo}
     */
    public void check(byte[] bytes, String name) {
        String problem = PhotoKeeper.problem(bytes, maxBytes);
        if (problem != null) {
            throw Refusal.invalid("photo", "photo " + name + ": " + problem);
        }
    }

    /**
     * Keeps the checked photos' bytes, thumbnails and shared copies, each under a new token; the
     * database knows nothing of them until the resolution that names them commits
     * ({@link #discard} them when it does not).
     *
     * @throws UncheckedIOException when the media folder cannot be written
     */
    public List<ResolutionPhoto> place(List<byte[]> photos) {
        var placed = new ArrayList<ResolutionPhoto>();
        var files = new ArrayList<String>();
        try {
            for (byte[] bytes : photos) {
                String type = Images.type(bytes);
                if (type == null) {
                    throw new IllegalArgumentException("place only photos that passed check()");
                }
                byte[] shared = sharedCopy(bytes);
                KeptPhotos.Placed original = vault.place(bytes);
                files.add(original.fileName());
                KeptPhotos.Placed copy = shared == null ? null : vault.place(shared);
                files.add(copy == null ? null : copy.fileName());
                placed.add(new ResolutionPhoto(
                        newToken(),
                        type,
                        bytes.length,
                        original.bytes(),
                        original.fileName(),
                        Images.thumbnail(bytes),
                        copy == null ? null : copy.bytes(),
                        copy == null ? null : copy.fileName()));
            }
            return List.copyOf(placed);
        } catch (IOException e) {
            files.removeIf(java.util.Objects::isNull);
            vault.delete(files);
            throw new UncheckedIOException(
                    "the media folder cannot be written: " + e.getClass().getSimpleName(), e);
        }
    }

    /** Deletes the files of photos placed for a resolution that did not commit. */
    public void discard(List<ResolutionPhoto> placed) {
        var files = new ArrayList<String>();
        for (ResolutionPhoto p : placed) {
            if (p.storedPath() != null) {
                files.add(p.storedPath());
            }
            if (p.sharedPath() != null) {
                files.add(p.sharedPath());
            }
        }
        vault.delete(files);
    }

    /** A JPEG of the picture small enough for Viber, or null when the picture cannot be decoded. */
    static byte[] sharedCopy(byte[] bytes) {
        for (int side = SHARED_SIDE; side >= 400; side = side * 2 / 3) {
            byte[] copy = Images.scaled(bytes, side);
            if (copy == null) {
                return null;
            }
            if (copy.length <= SHARED_MAX_BYTES) {
                return copy;
            }
        }
        return null;
    }

    static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    // ---- what the messengers send ----------------------------------------------------------------

    @Override
    public Optional<Upload> upload(String token) {
        Optional<ResolutionPhoto> found = store.byToken(token);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ResolutionPhoto p = found.get();
        try {
            if (p.size() > TELEGRAM_MAX_UPLOAD && p.hasSharedCopy()) {
                return Optional.of(new Upload(vault.read(p.shared(), p.sharedPath()), "photo.jpg"));
            }
            return Optional.of(
                    new Upload(vault.read(p.bytes(), p.storedPath()), "photo." + extension(p.contentType())));
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "a resolution photo cannot be read: " + e.getClass().getSimpleName(), e);
        }
    }

    @Override
    public Optional<String> link(String token) {
        if (publicBaseUrl.isEmpty()) {
            return Optional.empty();
        }
        return store.byToken(token)
                .filter(ResolutionPhoto::hasSharedCopy)
                .map(p -> publicBaseUrl.get() + PATH + p.token() + ".jpg");
    }

    private static String extension(String contentType) {
        String sub = contentType.substring(contentType.indexOf('/') + 1).toLowerCase(Locale.ROOT);
        return sub.equals("jpeg") ? "jpg" : sub;
    }

    // ---- the public address --------------------------------------------------------------------

    @Override
    public void routes(RoutesConfig app) {
        app.get(PATH + "{file}", this::serve);
    }

    /** The shared copy named by its token: to whoever has the address, which only the citizen's messenger was given. */
    private void serve(Context ctx) throws IOException {
        var file = FILE.matcher(ctx.pathParam("file"));
        Optional<ResolutionPhoto> found =
                file.matches() ? store.byToken(file.group(1)).filter(ResolutionPhoto::hasSharedCopy) : Optional.empty();
        ctx.header("Cache-Control", "private, no-store");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        if (found.isEmpty()) {
            throw Refusal.notFound("no such photo");
        }
        ResolutionPhoto p = found.get();
        ctx.contentType("image/jpeg").result(vault.read(p.shared(), p.sharedPath()));
    }
}
