package ua.zvernennia.app.media;

import java.io.IOException;

/** Fetches the bytes of a photo a citizen sent, from the messenger that keeps it. Thread-safe. */
@FunctionalInterface
public interface PhotoSource {
    /**
     * @param fileId the photo's reference as stored with the appeal (a Telegram file_id, a Viber media URL)
     * @throws IOException when the messenger does not have it or cannot be reached; the message
     *                     says why without secrets
     */
    byte[] fetch(String fileId) throws IOException;
}
