package ua.zvernennia.app.api;

import java.io.IOException;
import ua.zvernennia.core.appeal.Appeal;
import ua.zvernennia.core.appeal.AppealNumber;
import ua.zvernennia.core.appeal.PhotoRef;

/** The photos citizens sent with an appeal, fetched from the messenger that keeps them: for the API and the console. */
public final class AppealPhotos {
    /** A photo's bytes and their media type as sniffed from the bytes. */
    public record Photo(byte[] bytes, String contentType) {
    }

    private AppealPhotos() {
    }

    /**
     * @throws ApiException 404 for no such appeal or photo, 502 when the messenger is not
     *                      configured here or does not give the photo
     */
    public static Photo fetch(Api.Deps deps, AppealNumber number, int index) {
        Appeal appeal = deps.storage().read(s -> s.appeals().find(number)).orElseThrow(() -> ApiException.notFound("no appeal " + number));
        if (index < 0 || index >= appeal.photos().size()) {
            throw ApiException.notFound("appeal " + number + " has " + appeal.photos().size() + " photos; no photo " + index);
        }
        PhotoRef photo = appeal.photos().get(index);
        PhotoSource source = deps.photos().get(appeal.channel());
        if (source == null) {
            throw new ApiException(502, "the " + appeal.channel() + " channel is not configured here, so its photos cannot be fetched");
        }
        byte[] bytes;
        try {
            bytes = source.fetch(photo.fileId());
        } catch (IOException e) {
            throw new ApiException(502, appeal.channel() + " did not give the photo: " + e.getMessage());
        }
        return new Photo(bytes, contentType(bytes));
    }

    static String contentType(byte[] b) {
        if (b.length > 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8) {
            return "image/jpeg";
        }
        if (b.length > 8 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
            return "image/png";
        }
        if (b.length > 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F' && b[8] == 'W' && b[9] == 'E') {
            return "image/webp";
        }
        return "application/octet-stream";
    }
}
