package ua.zvernennia.core.executor;

import java.time.Instant;
import ua.zvernennia.core.appeal.AppealNumber;

/**
 * Port: keeps the photos of the work done with the appeal they resolve, inside a unit of work
 * (they commit with the resolution and its push, or not at all). Not thread-safe: one per unit of work.
 */
public interface ResolutionPhotoRecords {
    /** Keeps the photo with the appeal, after its earlier resolution photos (an appeal reopened and resolved again has several). */
    void keep(AppealNumber number, ResolutionPhoto photo, Instant now);
}
