package ua.zvernennia.core.appeal;

import java.util.Objects;

/** A photo kept by the messenger, referenced by its file ids; the bot stores no image bytes. */
public record PhotoRef(String fileId, String fileUniqueId) {
    public PhotoRef {
        Objects.requireNonNull(fileId, "fileId");
        if (fileId.isBlank() || fileId.length() > 512) {
            throw new IllegalArgumentException("fileId must be 1..512 characters");
        }
        fileUniqueId = fileUniqueId == null ? "" : fileUniqueId;
    }
}
