package ua.zvernennia.core.engine;

/**
 * The storage could not commit (disk full, read-only, database server gone) or did not answer in
 * time: nothing of the work is committed, and the same work may succeed once the storage is back.
 * Not the work's own fault, so it is retried or refused with "try again", never apologised for.
 */
public final class StorageUnavailableException extends RuntimeException {
    public StorageUnavailableException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
