package ua.zvernennia.core.appeal;

import java.time.Instant;
import java.util.List;
import ua.zvernennia.core.category.DeadlineClass;
import ua.zvernennia.core.chat.Channel;
import ua.zvernennia.core.chat.ChatKey;

/**
 * A registered appeal. Category and issue type names are kept as they were when it was filed.
 */
public record Appeal(
        AppealNumber number,
        Channel channel,
        ChatKey chat,
        String categoryId,
        String categoryName,
        String issueTypeId,
        String issueTypeName,
        String executor,
        String description,
        List<PhotoRef> photos,
        GeoPoint point,
        String placeAddress,
        PersonName name,
        String address,
        Phone phone,
        AppealStatus status,
        DeadlineClass deadlineClass,
        Instant createdAt,
        Instant deadline,
        Instant legalDeadline) {
    public Appeal {
        photos = photos == null ? List.of() : List.copyOf(photos);
    }

    /** The same appeal with these photos. */
    public Appeal withPhotos(List<PhotoRef> photos) {
        return new Appeal(
                number,
                channel,
                chat,
                categoryId,
                categoryName,
                issueTypeId,
                issueTypeName,
                executor,
                description,
                photos,
                point,
                placeAddress,
                name,
                address,
                phone,
                status,
                deadlineClass,
                createdAt,
                deadline,
                legalDeadline);
    }

    /** The same appeal in another status. */
    public Appeal withStatus(AppealStatus status) {
        return new Appeal(
                number,
                channel,
                chat,
                categoryId,
                categoryName,
                issueTypeId,
                issueTypeName,
                executor,
                description,
                photos,
                point,
                placeAddress,
                name,
                address,
                phone,
                status,
                deadlineClass,
                createdAt,
                deadline,
                legalDeadline);
    }
}
