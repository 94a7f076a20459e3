package ua.zvernennia.storage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import ua.zvernennia.core.appeal.AppealNumber;
import ua.zvernennia.core.executor.ResolutionPhoto;
import ua.zvernennia.core.executor.ResolutionPhotoRecords;

/** The {@code resolution_photo} table (V51): photos of the work done, kept with their appeal. Bound to one handle; not thread-safe. */
public final class ResolutionPhotoRows implements ResolutionPhotoRecords {
    private static final String COLUMNS =
            "token, content_type, size_bytes, bytes, stored_path, thumbnail, shared, shared_path";

    private final Handle handle;

    ResolutionPhotoRows(Handle handle) {
        this.handle = handle;
    }

    @Override
    public void keep(AppealNumber number, ResolutionPhoto p, Instant now) {
        int next = handle.createQuery("SELECT COALESCE(MAX(idx) + 1, 0) FROM resolution_photo WHERE appeal_num = :num")
                .bind("num", number.toString())
                .mapTo(Integer.class)
                .one();
        handle.createUpdate(
                        "INSERT INTO resolution_photo (appeal_num, idx, " + COLUMNS + ", created_at) "
                                + "VALUES (:num, :idx, :token, :type, :size, :bytes, :path, :thumb, :shared, :sharedPath, :now)")
                .bind("num", number.toString())
                .bind("idx", next)
                .bind("token", p.token())
                .bind("type", p.contentType())
                .bind("size", p.size())
                .bind("bytes", p.bytes())
                .bind("path", p.storedPath())
                .bind("thumb", p.thumbnail())
                .bind("shared", p.shared())
                .bind("sharedPath", p.sharedPath())
                .bind("now", now.toEpochMilli())
                .execute();
    }

    public Optional<ResolutionPhoto> byToken(String token) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM resolution_photo WHERE token = :token")
                .bind("token", token)
                .map((rs, ctx) -> row(rs))
                .findOne();
    }

    public Optional<ResolutionPhoto> of(AppealNumber number, int index) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM resolution_photo WHERE appeal_num = :num AND idx = :idx")
                .bind("num", number.toString())
                .bind("idx", index)
                .map((rs, ctx) -> row(rs))
                .findOne();
    }

    public int count(AppealNumber number) {
        return handle.createQuery("SELECT COUNT(*) FROM resolution_photo WHERE appeal_num = :num")
                .bind("num", number.toString())
                .mapTo(Integer.class)
                .one();
    }

    private static ResolutionPhoto row(ResultSet rs) throws SQLException {
        return new ResolutionPhoto(
                rs.getString("token"),
                rs.getString("content_type"),
                rs.getLong("size_bytes"),
                rs.getBytes("bytes"),
                rs.getString("stored_path"),
                rs.getBytes("thumbnail"),
                rs.getBytes("shared"),
                rs.getString("shared_path"));
    }
}
