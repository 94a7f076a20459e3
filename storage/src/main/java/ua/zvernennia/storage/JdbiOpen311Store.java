package ua.zvernennia.storage;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import ua.zvernennia.core.appeal.Appeal;
import ua.zvernennia.core.appeal.AppealNumber;
import ua.zvernennia.core.engine.UnitOfWork;
import ua.zvernennia.core.open311.Open311Store;

/** {@link Open311Store} over the database ({@link Open311Rows}): every change goes through the writer. Thread-safe. */
final class JdbiOpen311Store implements Open311Store {
    private final Storage storage;

    JdbiOpen311Store(Storage storage) {
        this.storage = storage;
    }

    @Override
    public long createKey(String name, String source, int perMinute, String key, String createdBy, Instant now) {
        return storage.write(s -> Open311Rows.of(s).createKey(name, source, perMinute, key, createdBy, now));
    }

    @Override
    public List<Key> keys() {
        return storage.read(s -> Open311Rows.of(s).keys());
    }

    @Override
    public Optional<Key> findActiveKey(String key) {
        return storage.read(s -> Open311Rows.of(s).findActiveKey(key));
    }

    @Override
    public boolean revokeKey(long id, Instant now) {
        return storage.write(s -> Open311Rows.of(s).revokeKey(id, now));
    }

    @Override
    public Appeal register(String source, UnitOfWork.Work<Appeal> registration) {
        return storage.write(s -> {
            Appeal saved = registration.apply(s);
            Open311Rows.of(s).markSource(saved.number(), source);
            return saved;
        });
    }

    @Override
    public boolean setDescriptionPublic(AppealNumber number, boolean visible, String actor, Instant now) {
        return storage.write(s -> Open311Rows.of(s).setDescriptionPublic(number, visible, actor, now));
    }

    @Override
    public Optional<Request> find(AppealNumber number) {
        return storage.read(s -> Open311Rows.of(s).find(number));
    }

    @Override
    public List<Request> requests(Query query) {
        return storage.read(s -> Open311Rows.of(s).requests(query));
    }
}
