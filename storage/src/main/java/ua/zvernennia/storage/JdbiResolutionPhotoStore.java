package ua.zvernennia.storage;

import java.util.Optional;
import ua.zvernennia.core.appeal.AppealNumber;
import ua.zvernennia.core.executor.ResolutionPhoto;
import ua.zvernennia.core.executor.ResolutionPhotoStore;

/** {@link ResolutionPhotoStore} over {@link ResolutionPhotoRows}, read beside the writer. Thread-safe. */
final class JdbiResolutionPhotoStore implements ResolutionPhotoStore {
    private final Storage storage;

    JdbiResolutionPhotoStore(Storage storage) {
        this.storage = storage;
    }

    @Override
    public Optional<ResolutionPhoto> byToken(String token) {
        return storage.read(s -> s.resolutionPhotos().byToken(token));
    }

    @Override
    public Optional<ResolutionPhoto> of(AppealNumber number, int index) {
        return storage.read(s -> s.resolutionPhotos().of(number, index));
    }

    @Override
    public int count(AppealNumber number) {
        return storage.read(s -> s.resolutionPhotos().count(number));
    }
}
