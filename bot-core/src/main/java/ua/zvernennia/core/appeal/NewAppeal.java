package ua.zvernennia.core.appeal;

import java.util.List;
import java.util.Objects;
import ua.zvernennia.core.category.Category;
import ua.zvernennia.core.chat.Channel;
import ua.zvernennia.core.chat.ChatKey;

/**
 * A complete, valid appeal about to be registered. Validates itself: everything the law requires
 * (name, surname, address, phone) is present.
 *
 * @param chat  the chat it came from; null for appeals registered by an operator
 * @param place the problem's place: a point, an address, or both
 */
public record NewAppeal(
        Channel channel,
        ChatKey chat,
        Category category,
        String issueTypeId,
        String description,
        List<PhotoRef> photos,
        GeoPoint point,
        String placeAddress,
        PersonName name,
        String address,
        Phone phone) {
    public NewAppeal {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(phone, "phone");
        if (TextRules.description(description).isPresent()) {
            throw new IllegalArgumentException(
                    "description: " + TextRules.description(description).get());
        }
        if (TextRules.address(address).isPresent()) {
            throw new IllegalArgumentException(
                    "address: " + TextRules.address(address).get());
        }
        if (point == null && (placeAddress == null || placeAddress.isBlank())) {
            throw new IllegalArgumentException("the problem's place is missing");
        }
        if (issueTypeId != null && category.issueType(issueTypeId).isEmpty()) {
            throw new IllegalArgumentException("unknown issue type " + issueTypeId + " in " + category.id());
        }
        if (chat != null && chat.channel() != channel) {
            throw new IllegalArgumentException("chat and channel differ");
        }
        photos = photos == null ? List.of() : List.copyOf(photos);
        if (photos.size() > TextRules.MAX_PHOTOS) {
            throw new IllegalArgumentException("more than " + TextRules.MAX_PHOTOS + " photos");
        }
    }
}
