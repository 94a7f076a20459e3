package ua.zvernennia.core.executor;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import ua.zvernennia.core.appeal.AppealNumber;
import ua.zvernennia.core.appeal.AppealStatus;
import ua.zvernennia.core.appeal.TextRules;
import ua.zvernennia.core.chat.Reply;
import ua.zvernennia.core.desk.OperatorDesk;
import ua.zvernennia.core.engine.Stores;
import ua.zvernennia.core.refusal.Refusal;

/**
 * An appeal resolved with photos of the work done, by an executor's staff (their own appeals
 * only) or by operators: in one unit of work the appeal becomes RESOLVED with the comment, its
 * history names who did it, the photos are kept with it, and the citizen's messenger gets the
 * resolution with the photos through the outbox, then the question whether the problem is solved.
 * Stateless and thread-safe.
 */
public final class Resolutions {
    /** The most photos one resolution takes: as many as a citizen may send with an appeal. */
    public static final int MAX_PHOTOS = TextRules.MAX_PHOTOS;

    private final OperatorDesk desk;
    private final Clock clock;

    public Resolutions(OperatorDesk desk, Clock clock) {
        this.desk = desk;
        this.clock = clock;
    }

    /**
     * Resolves the appeal; the photos' bytes are already placed where they are kept.
     *
     * @param executorId the executor whose staff resolve it; null for operators
     * @throws Refusal NOT_FOUND for no such appeal, or another executor's; INVALID without a
     *                 comment or a photo, or with too many photos; CONFLICT when the appeal is
     *                 closed. Nothing is changed then.
     */
    public OperatorDesk.StatusChanged resolve(
            Stores stores,
            AppealNumber number,
            Long executorId,
            String comment,
            List<ResolutionPhoto> photos,
            String actor) {
        if (executorId != null) {
            ExecutorDesk.mine(stores, number, executorId);
        }
        requireInput(comment, photos.size());
        OperatorDesk.StatusChanged changed = desk.changeStatus(
                stores,
                number,
                AppealStatus.RESOLVED,
                comment,
                actor,
                photos.stream().map(p -> Reply.Photo.keptAs(p.token())).toList());
        Instant now = clock.instant();
        for (ResolutionPhoto p : photos) {
            stores.resolutionPhotos().keep(number, p, now);
        }
        return changed;
    }

    /**
     * Refuses a resolution without a comment (or with one too long) or without a photo, or
     * with too many: for the caller to check before it keeps anything.
     *
     * @throws Refusal INVALID, naming the field
     */
    public static void requireInput(String comment, int photos) {
        if (comment == null || comment.isBlank()) {
            throw Refusal.invalid("comment", "comment: say what was done; the citizen gets it with the photos");
        }
        if (comment.strip().length() > OperatorDesk.MAX_COMMENT) {
            throw Refusal.invalid(
                    "comment",
                    "comment is " + comment.strip().length() + " characters; at most " + OperatorDesk.MAX_COMMENT);
        }
        if (photos == 0) {
            throw Refusal.invalid("photo", "photo: at least one photo of the work done is required");
        }
        if (photos > MAX_PHOTOS) {
            throw Refusal.invalid("photo", "photo: at most " + MAX_PHOTOS + " photos; " + photos + " were sent");
        }
    }
}
