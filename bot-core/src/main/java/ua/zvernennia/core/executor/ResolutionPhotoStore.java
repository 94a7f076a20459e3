package ua.zvernennia.core.executor;

import java.util.Optional;
import ua.zvernennia.core.appeal.AppealNumber;

/**
 * Port: the photos of the work done as they are read: by their token (the messengers' sending
 * and the public address of the shared copy) and by their appeal (the staff's views). Each call
 * is its own read. Thread-safe.
 */
public interface ResolutionPhotoStore {
    Optional<ResolutionPhoto> byToken(String token);

    /**
     * The appeal's resolution photo number {@code index} (from 0), in the order they were sent,
     * several resolutions' one after another.
     */
    Optional<ResolutionPhoto> of(AppealNumber number, int index);

    /** How many resolution photos the appeal has. */
    int count(AppealNumber number);
}
