package ua.zvernennia.storage;

import java.time.Instant;
import java.util.List;
import ua.zvernennia.core.privacy.AccessLogStore;

/** {@link AccessLogStore} over the {@code access_log} table ({@link AccessLogRows}). Thread-safe. */
final class JdbiAccessLogStore implements AccessLogStore {
    private final Storage storage;

    JdbiAccessLogStore(Storage storage) {
        this.storage = storage;
    }

    @Override
    public void record(Instant at, String actor, String via, String action, List<String> appeals) {
        storage.write(s -> {
            s.accessLog().record(at, actor, via, action, appeals);
            return null;
        });
    }

    @Override
    public List<Entry> list(String appeal, String actor, Instant from, Instant to, int offset, int limit) {
        return storage.read(s -> s.accessLog().list(appeal, actor, from, to, offset, limit));
    }

    @Override
    public int deleteBefore(Instant cutoff, int limit) {
        return storage.write(s -> s.accessLog().deleteBefore(cutoff, limit));
    }
}
