package ua.zvernennia.core.chat;

import java.util.Optional;

/**
 * The photos the app keeps itself and sends with replies (an executor's photos of the work done,
 * uploaded through the API), found by the token of {@link Reply.Photo#kept()}: their bytes for a
 * messenger that takes an upload (Telegram), a public address for one that fetches pictures
 * itself (Viber). Thread-safe.
 */
public interface ReplyPhotos {
    /** Nothing kept: every kept photo goes as its reply's text alone. */
    ReplyPhotos NONE = new ReplyPhotos() {
        @Override
        public Optional<Upload> upload(String token) {
            return Optional.empty();
        }

        @Override
        public Optional<String> link(String token) {
            return Optional.empty();
        }
    };

    /** A photo's bytes and the file name to upload them under. */
    record Upload(byte[] bytes, String fileName) {}

    /**
     * The photo's bytes to upload; empty when it is not kept.
     *
     * @throws java.io.UncheckedIOException when it is kept but cannot be read now (a retry may do)
     */
    Optional<Upload> upload(String token);

    /**
     * A public https address of a copy of the photo that a messenger fetches itself (a JPEG,
     * small enough for Viber); empty when there is none: no public address is configured, or no
     * such copy could be made of the photo.
     */
    Optional<String> link(String token);
}
