package ua.zvernennia.storage;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import ua.zvernennia.core.desk.ApiTokenStore;
import ua.zvernennia.core.desk.ApiTokenStore.ApiToken;

/** API tokens of operators and admins, kept as SHA-256 hashes. Bound to one handle; not thread-safe. */
public final class ApiTokens {
    private final Handle handle;

    ApiTokens(Handle handle) {
        this.handle = handle;
    }

    /** Stores a new token (by its hash) and returns its id. */
    public long create(String name, String role, String token, String createdBy, Instant now) {
        return create(name, role, null, token, createdBy, now);
    }

    /** Stores a new token (by its hash), bound to an executor for the role EXECUTOR, and returns its id. */
    public long create(String name, String role, Long executorId, String token, String createdBy, Instant now) {
        return handle.createUpdate(
                        "INSERT INTO api_token (name, role, token_hash, created_at, created_by, executor_id) "
                                + "VALUES (:name, :role, :hash, :now, :by, :executor)")
                .bind("executor", executorId)
                .bind("name", name)
                .bind("role", role)
                .bind("hash", hash(token))
                .bind("now", now.toEpochMilli())
                .bind("by", createdBy)
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one();
    }

    public List<ApiToken> list() {
        return handle.createQuery("SELECT * FROM api_token ORDER BY id")
                .map((rs, ctx) -> row(rs))
                .list();
    }

    /** The active token with this value, if any. */
    public Optional<ApiToken> findActive(String token) {
        return findActiveByHash(hash(token));
    }

    /** The active token whose value has this {@link #hash}, if any (a console session keeps only the hash). */
    public Optional<ApiToken> findActiveByHash(String hash) {
        return handle.createQuery("SELECT * FROM api_token WHERE token_hash = :hash AND revoked_at IS NULL")
                .bind("hash", hash)
                .map((rs, ctx) -> row(rs))
                .findOne();
    }

    /** Revokes the token; false when there is no active token with this id. */
    public boolean revoke(long id, Instant now) {
        return handle.createUpdate("UPDATE api_token SET revoked_at = :now WHERE id = :id AND revoked_at IS NULL")
                        .bind("now", now.toEpochMilli())
                        .bind("id", id)
                        .execute()
                == 1;
    }

    private static ApiToken row(java.sql.ResultSet rs) throws java.sql.SQLException {
        long revoked = rs.getLong("revoked_at");
        Instant revokedAt = rs.wasNull() ? null : Instant.ofEpochMilli(revoked);
        return new ApiToken(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getString("role"),
                Instant.ofEpochMilli(rs.getLong("created_at")),
                rs.getString("created_by"),
                revokedAt,
                executor(rs));
    }

    private static Long executor(java.sql.ResultSet rs) throws java.sql.SQLException {
        long id = rs.getLong("executor_id");
        return rs.wasNull() ? null : id;
    }

    /** SHA-256 of the token, in hex: what is stored instead of it. */
    public static String hash(String token) {
        return ApiTokenStore.hash(token);
    }
}
