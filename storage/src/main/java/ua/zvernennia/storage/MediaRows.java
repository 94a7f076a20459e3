package ua.zvernennia.storage;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import ua.zvernennia.core.appeal.PhotoRef;
import ua.zvernennia.core.chat.Channel;
import ua.zvernennia.core.chat.ChatKey;
import ua.zvernennia.core.media.MediaQueue;
import ua.zvernennia.core.media.PhotoStore.Kept;
import ua.zvernennia.core.media.PhotoStore.Pending;
import ua.zvernennia.core.media.PhotoStore.Status;

/**
 * The {@code media} table: photos queued at receipt and their kept bytes. Every write goes
 * through the writer; several instances may run the downloader, as a row is claimed by a
 * conditional update before it is fetched. Bound to one handle; not thread-safe.
 */
public final class MediaRows implements MediaQueue {
    private final Handle handle;

    MediaRows(Handle handle) {
        this.handle = handle;
    }

    @Override
    public void keep(ChatKey chat, PhotoRef photo, Instant now) {
        queue(chat.channel(), chat.id(), photo, now);
    }

    @Override
    public void keepForAppeal(Channel channel, PhotoRef photo, Instant now) {
        queue(channel, NO_CHAT, photo, now);
    }

    /** The chat of a photo that came without one (as V12 queued older appeals' photos). */
    private static final String NO_CHAT = "-";

    private void queue(Channel channel, String chatId, PhotoRef photo, Instant now) {
        // One writer per instance; instances sharing the database look and insert one at a time.
        ChatLocks.namedWhereShared(handle, "zvernennia media " + channel.name() + "/" + photo.fileId());
        boolean known = handle.createQuery("SELECT COUNT(*) FROM media WHERE channel = :channel AND file_id = :file")
                        .bind("channel", channel.name())
                        .bind("file", photo.fileId())
                        .mapTo(Integer.class)
                        .one()
                > 0;
        if (known) {
            return;
        }
        handle.createUpdate("INSERT INTO media (channel, chat_id, file_id, status, attempts, not_before, created_at) "
                        + "VALUES (:channel, :chat, :file, 'PENDING', 0, :now, :now)")
                .bind("channel", channel.name())
                .bind("chat", chatId)
                .bind("file", photo.fileId())
                .bind("now", now.toEpochMilli())
                .execute();
    }

    /** Queued photos whose time has come, oldest first. */
    public List<Pending> due(Instant now, int limit) {
        return handle.createQuery(
                        "SELECT id, channel, file_id, attempts FROM media WHERE status = 'PENDING' AND not_before <= :now "
                                + "ORDER BY id LIMIT :limit")
                .bind("now", now.toEpochMilli())
                .bind("limit", limit)
                .map((rs, ctx) -> new Pending(
                        rs.getLong("id"),
                        Channel.valueOf(rs.getString("channel")),
                        rs.getString("file_id"),
                        rs.getInt("attempts")))
                .list();
    }

    /**
     * Takes a due photo for this downloader until {@code leaseUntil}: false when another one took
     * it first. A downloader that dies leaves it to be taken again after the lease.
     */
    public boolean claim(long id, Instant now, Instant leaseUntil) {
        return handle.createUpdate("UPDATE media SET not_before = :lease, attempts = attempts + 1 "
                                + "WHERE id = :id AND status = 'PENDING' AND not_before <= :now")
                        .bind("id", id)
                        .bind("now", now.toEpochMilli())
                        .bind("lease", leaseUntil.toEpochMilli())
                        .execute()
                == 1;
    }

    /** The photo's bytes (or the file they are in), their type and the thumbnail. */
    public void kept(
            long id, String contentType, long size, byte[] bytes, String storedPath, byte[] thumbnail, Instant now) {
        handle.createUpdate(
                        "UPDATE media SET status = 'KEPT', kept_at = :now, content_type = :type, size_bytes = :size, bytes = :bytes, "
                                + "stored_path = :path, thumbnail = :thumb, last_error = NULL WHERE id = :id AND status = 'PENDING'")
                .bind("id", id)
                .bind("now", now.toEpochMilli())
                .bind("type", contentType)
                .bind("size", size)
                .bind("bytes", bytes)
                .bind("path", storedPath)
                .bind("thumb", thumbnail)
                .execute();
    }

    /** Tries again at {@code notBefore}, saying why the last attempt failed. */
    public void retry(long id, Instant notBefore, String error) {
        handle.createUpdate(
                        "UPDATE media SET not_before = :at, last_error = :error WHERE id = :id AND status = 'PENDING'")
                .bind("id", id)
                .bind("at", notBefore.toEpochMilli())
                .bind("error", JdbiCitizenStore.truncate(error, 500))
                .execute();
    }

    /** Gives up on the photo: it is not an image, too large, or the messenger never gave it. */
    public void failed(long id, String error) {
        handle.createUpdate(
                        "UPDATE media SET status = 'FAILED', last_error = :error WHERE id = :id AND status = 'PENDING'")
                .bind("id", id)
                .bind("error", JdbiCitizenStore.truncate(error, 500))
                .execute();
    }

    /** The photo with this messenger's file id, as kept (or still queued, or given up). */
    public Optional<Kept> find(Channel channel, String fileId) {
        return handle.createQuery(
                        "SELECT id, status, content_type, bytes, stored_path, thumbnail, last_error FROM media "
                                + "WHERE channel = :channel AND file_id = :file ORDER BY id LIMIT 1")
                .bind("channel", channel.name())
                .bind("file", fileId)
                .map((rs, ctx) -> new Kept(
                        rs.getLong("id"),
                        Status.valueOf(rs.getString("status")),
                        rs.getString("content_type"),
                        rs.getBytes("bytes"),
                        rs.getString("stored_path"),
                        rs.getBytes("thumbnail"),
                        rs.getString("last_error")))
                .findOne();
    }

    /**
     * Erases the photos with these file ids: the bytes, the thumbnail and the messenger's
     * reference go; the row stays as ERASED, naming its file under the media folder (if any)
     * until the file is deleted after the commit ({@link #erasedFiles}). Returns those files.
     */
    public List<String> erase(Channel channel, java.util.Collection<String> fileIds) {
        var files = new java.util.ArrayList<String>();
        for (String fileId : fileIds) {
            find(channel, fileId).ifPresent(m -> {
                if (m.storedPath() != null) {
                    files.add(m.storedPath());
                }
                handle.createUpdate(
                                "UPDATE media SET status = 'ERASED', chat_id = '-', file_id = :erased, bytes = NULL, thumbnail = NULL, "
                                        + "content_type = NULL, last_error = NULL WHERE id = :id")
                        .bind("id", m.id())
                        .bind("erased", "erased:" + m.id())
                        .execute();
            });
        }
        return files;
    }

    @Override
    public void eraseChat(ChatKey chat, java.util.Set<String> keep) {
        var ids = new java.util.ArrayList<>(fileIdsOf(chat));
        ids.removeAll(keep);
        erase(chat.channel(), ids);
    }

    /** Photos of erased rows whose files are still to be deleted from the media folder. */
    public List<Kept> erasedFiles(int limit) {
        return handle.createQuery(
                        "SELECT id, status, content_type, bytes, stored_path, thumbnail, last_error FROM media "
                                + "WHERE status = 'ERASED' AND stored_path IS NOT NULL ORDER BY id LIMIT :limit")
                .bind("limit", limit)
                .map((rs, ctx) -> new Kept(
                        rs.getLong("id"),
                        Status.valueOf(rs.getString("status")),
                        rs.getString("content_type"),
                        rs.getBytes("bytes"),
                        rs.getString("stored_path"),
                        rs.getBytes("thumbnail"),
                        rs.getString("last_error")))
                .list();
    }

    /** The erased photo's file is deleted. */
    public void fileDeleted(long id) {
        handle.createUpdate("UPDATE media SET stored_path = NULL WHERE id = :id AND status = 'ERASED'")
                .bind("id", id)
                .execute();
    }

    /** The file ids of every photo this chat sent that is still kept or queued. */
    public List<String> fileIdsOf(ChatKey chat) {
        return handle.createQuery(
                        "SELECT file_id FROM media WHERE channel = :channel AND chat_id = :chat AND status <> 'ERASED'")
                .bind("channel", chat.channel().name())
                .bind("chat", chat.id())
                .mapTo(String.class)
                .list();
    }
}
