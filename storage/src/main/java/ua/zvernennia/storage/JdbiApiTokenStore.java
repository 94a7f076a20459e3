package ua.zvernennia.storage;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import ua.zvernennia.core.desk.ApiTokenStore;

/** {@link ApiTokenStore} over the database: tokens kept as SHA-256 hashes ({@link ApiTokens}). Thread-safe. */
final class JdbiApiTokenStore implements ApiTokenStore {
    private final Storage storage;

    JdbiApiTokenStore(Storage storage) {
        this.storage = storage;
    }

    @Override
    public long create(String name, String role, Long executorId, String token, String createdBy, Instant now) {
        return storage.write(s -> s.apiTokens().create(name, role, executorId, token, createdBy, now));
    }

    @Override
    public List<ApiToken> list() {
        return storage.read(s -> s.apiTokens().list());
    }

    @Override
    public Optional<ApiToken> findActiveByHash(String hash) {
        return storage.read(s -> s.apiTokens().findActiveByHash(hash));
    }

    @Override
    public boolean revoke(long id, Instant now) {
        return storage.write(s -> s.apiTokens().revoke(id, now));
    }
}
