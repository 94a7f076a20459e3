package ua.zvernennia.app.api;

import java.io.IOException;
import ua.zvernennia.core.appeal.Appeal;
import ua.zvernennia.core.appeal.AppealNumber;
import ua.zvernennia.core.appeal.PhotoRef;
import ua.zvernennia.storage.MediaRows;

/**
 * The photos citizens sent with an appeal, for the API and the console: only ever the bytes
 * kept when the photo arrived, never a fetch from a messenger (whose links may point anywhere
 * and expire).
 */
public final class AppealPhotos {
    /** A photo's bytes and their media type as sniffed from the bytes at receipt. */
    public record Photo(byte[] bytes, String contentType) {
    }

    /** The reference an anonymised appeal keeps for each of its photos. */
    static final String ERASED = "erased";

    private AppealPhotos() {
    }

    /**
     * @param thumbnail the small version for lists, when there is one
     * @throws ApiException 404 for no such appeal or photo, or a photo that could not be kept;
     *                      410 for an erased one; 503 while it is still being downloaded
     */
    public static Photo fetch(Api.Deps deps, AppealNumber number, int index, boolean thumbnail) {
        Appeal appeal = deps.storage().read(s -> s.appeals().find(number)).orElseThrow(() -> ApiException.notFound("no appeal " + number));
        if (index < 0 || index >= appeal.photos().size()) {
            throw ApiException.notFound("appeal " + number + " has " + appeal.photos().size() + " photos; no photo " + index);
        }
        PhotoRef photo = appeal.photos().get(index);
        if (photo.fileId().equals(ERASED)) {
            throw new ApiException(410, "photo " + index + " of appeal " + number + " was erased");
        }
        MediaRows.Kept kept = deps.storage().read(s -> s.media().find(appeal.channel(), photo.fileId()))
                .orElseThrow(() -> ApiException.notFound("photo " + index + " of appeal " + number + " was not kept"));
        return switch (kept.status()) {
            case PENDING -> throw new ApiException(503, "photo " + index + " of appeal " + number + " is still being downloaded");
            case FAILED -> throw ApiException.notFound("photo " + index + " of appeal " + number + " could not be kept: " + kept.lastError());
            case ERASED -> throw new ApiException(410, "photo " + index + " of appeal " + number + " was erased");
            case KEPT -> {
                if (thumbnail && kept.thumbnail() != null) {
                    yield new Photo(kept.thumbnail(), "image/jpeg");
                }
                try {
                    yield new Photo(deps.photos().read(kept), kept.contentType());
                } catch (IOException e) {
                    throw new ApiException(500, "the kept photo cannot be read: " + e.getMessage());
                }
            }
        };
    }
}
