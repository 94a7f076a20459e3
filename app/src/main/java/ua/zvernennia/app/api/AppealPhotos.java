package ua.zvernennia.app.api;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import ua.zvernennia.app.media.KeptPhotos;
import ua.zvernennia.core.appeal.Appeal;
import ua.zvernennia.core.appeal.AppealNumber;
import ua.zvernennia.core.appeal.PhotoRef;
import ua.zvernennia.core.desk.AppealSearch;
import ua.zvernennia.core.media.PhotoStore;
import ua.zvernennia.core.refusal.Refusal;

/**
 * The photos citizens sent with an appeal, for the API and the console: only ever the bytes
 * kept when the photo arrived, never a fetch from a messenger (whose links may point anywhere
 * and expire). Thread-safe.
 */
public final class AppealPhotos {
    /** A photo's bytes and their media type as sniffed from the bytes at receipt. */
    public record Photo(byte[] bytes, String contentType) {}

    /** The reference an anonymised appeal keeps for each of its photos. */
    static final String ERASED = "erased";

    private final AppealSearch appeals;
    private final PhotoStore photos;
    private final KeptPhotos vault;
    private final Clock clock;

    /** @param vault where the kept bytes are, in the database or in the media folder */
    public AppealPhotos(AppealSearch appeals, PhotoStore photos, KeptPhotos vault, Clock clock) {
        this.appeals = appeals;
        this.photos = photos;
        this.vault = vault;
        this.clock = clock;
    }

    /**
     * @param thumbnail the small version for lists, when there is one
     * @param retry     how soon to ask again for a photo still being downloaded
     * @throws Refusal NOT_FOUND for no such appeal or photo, or a photo that could not be kept;
     *                 GONE for an erased one; UNAVAILABLE while it is still being downloaded
     */
    public Photo fetch(AppealNumber number, int index, boolean thumbnail, Duration retry) {
        Appeal appeal = appeals.find(number, clock.instant())
                .map(AppealSearch.Found::appeal)
                .orElseThrow(() -> Refusal.notFound("no appeal " + number));
        if (index < 0 || index >= appeal.photos().size()) {
            throw Refusal.notFound(
                    "appeal " + number + " has " + appeal.photos().size() + " photos; no photo " + index);
        }
        PhotoRef photo = appeal.photos().get(index);
        if (photo.fileId().equals(ERASED)) {
            throw Refusal.gone("photo " + index + " of appeal " + number + " was erased");
        }
        PhotoStore.Kept kept = photos.find(appeal.channel(), photo.fileId())
                .orElseThrow(() -> Refusal.notFound("photo " + index + " of appeal " + number + " was not kept"));
        return switch (kept.status()) {
            case PENDING ->
                throw Refusal.unavailable(
                        "photo " + index + " of appeal " + number + " is still being downloaded", retry);
            case FAILED ->
                throw Refusal.notFound(
                        "photo " + index + " of appeal " + number + " could not be kept: " + kept.lastError());
            case ERASED -> throw Refusal.gone("photo " + index + " of appeal " + number + " was erased");
            case KEPT -> {
                if (thumbnail && kept.thumbnail() != null) {
                    yield new Photo(kept.thumbnail(), "image/jpeg");
                }
                try {
                    yield new Photo(vault.read(kept), kept.contentType());
                } catch (IOException e) {
                    // A fault of the media folder, not of the database: a 500 with its error id, not a 503.
                    throw new IllegalStateException("the kept photo of " + number + " cannot be read: "
                            + e.getClass().getName());
                }
            }
        };
    }
}
