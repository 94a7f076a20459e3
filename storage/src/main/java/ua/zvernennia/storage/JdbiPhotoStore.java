package ua.zvernennia.storage;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import ua.zvernennia.core.chat.Channel;
import ua.zvernennia.core.media.PhotoStore;

/** {@link PhotoStore} over the {@code media} table ({@link MediaRows}): every change goes through the writer. Thread-safe. */
final class JdbiPhotoStore implements PhotoStore {
    private final Storage storage;

    JdbiPhotoStore(Storage storage) {
        this.storage = storage;
    }

    @Override
    public Optional<Kept> find(Channel channel, String fileId) {
        return storage.read(s -> s.media().find(channel, fileId));
    }

    @Override
    public List<Pending> due(Instant now, int limit) {
        return storage.read(s -> s.media().due(now, limit));
    }

    @Override
    public boolean claim(long id, Instant now, Instant leaseUntil) {
        return storage.write(s -> s.media().claim(id, now, leaseUntil));
    }

    @Override
    public void kept(
            long id, String contentType, long size, byte[] bytes, String storedPath, byte[] thumbnail, Instant now) {
        storage.write(s -> {
            s.media().kept(id, contentType, size, bytes, storedPath, thumbnail, now);
            return null;
        });
    }

    @Override
    public void retry(long id, Instant notBefore, String error) {
        storage.write(s -> {
            s.media().retry(id, notBefore, error);
            return null;
        });
    }

    @Override
    public void failed(long id, String error) {
        storage.write(s -> {
            s.media().failed(id, error);
            return null;
        });
    }

    @Override
    public List<Kept> erasedFiles(int limit) {
        return storage.read(s -> s.media().erasedFiles(limit));
    }

    @Override
    public void fileDeleted(long id) {
        storage.write(s -> {
            s.media().fileDeleted(id);
            return null;
        });
    }
}
