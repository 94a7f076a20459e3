package ua.zvernennia.core.openmap;

import java.time.Instant;
import java.util.Objects;
import ua.zvernennia.core.appeal.AppealStatus;
import ua.zvernennia.core.appeal.GeoPoint;

/**
 * An appeal as anyone may see it: on the public map, in the status check and in the open data.
 * It has no field for the citizen's name, phone, home address, the free-text description or
 * photos, so none can leak through it.
 *
 * @param direction the category's name as the appeal was filed under
 * @param issueType the issue type's name, or null
 * @param closedAt  when it was closed, or null while it is open
 * @param point     the problem's place on the map, or null when it has none (yet)
 */
public record PublicAppeal(
        String number,
        String categoryId,
        String direction,
        String issueType,
        AppealStatus status,
        Instant createdAt,
        Instant deadline,
        Instant legalDeadline,
        Instant closedAt,
        String executor,
        GeoPoint point) {
    public PublicAppeal {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
