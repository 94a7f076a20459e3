package ua.zvernennia.core.conversation;

import java.util.ArrayList;
import java.util.List;
import ua.zvernennia.core.appeal.GeoPoint;
import ua.zvernennia.core.appeal.PersonName;
import ua.zvernennia.core.appeal.Phone;
import ua.zvernennia.core.appeal.PhotoRef;

/**
 * An appeal being filled in. Every field may still be missing; the order in which they are asked
 * for, and which are required, is declared in {@link Steps}.
 *
 * @param placeSameAsHome the problem is at the citizen's own address (known later or already)
 * @param editing         the citizen came from the summary to change one field; the next valid
 *                        input returns to the summary
 */
public record Draft(
        String categoryId,
        String issueTypeId,
        String description,
        List<PhotoRef> photos,
        GeoPoint point,
        String placeAddress,
        boolean placeSameAsHome,
        PersonName name,
        String address,
        Phone phone,
        boolean editing) {

    public static final Draft EMPTY =
            new Draft(null, null, null, List.of(), null, null, false, null, null, null, false);

    public Draft {
        photos = photos == null ? List.of() : List.copyOf(photos);
    }

    public Draft withCategory(String category, String issueType) {
        return new Draft(
                category,
                issueType,
                description,
                photos,
                point,
                placeAddress,
                placeSameAsHome,
                name,
                address,
                phone,
                editing);
    }

    public Draft withDescription(String text) {
        return new Draft(
                categoryId,
                issueTypeId,
                text,
                photos,
                point,
                placeAddress,
                placeSameAsHome,
                name,
                address,
                phone,
                editing);
    }

    public Draft withPhoto(PhotoRef photo) {
        var all = new ArrayList<>(photos);
        all.add(photo);
        return new Draft(
                categoryId,
                issueTypeId,
                description,
                all,
                point,
                placeAddress,
                placeSameAsHome,
                name,
                address,
                phone,
                editing);
    }

    public Draft withoutPhotos() {
        return new Draft(
                categoryId,
                issueTypeId,
                description,
                List.of(),
                point,
                placeAddress,
                placeSameAsHome,
                name,
                address,
                phone,
                editing);
    }

    public Draft withPlace(GeoPoint p, String typedAddress, boolean sameAsHome) {
        return new Draft(
                categoryId,
                issueTypeId,
                description,
                photos,
                p,
                typedAddress,
                sameAsHome,
                name,
                address,
                phone,
                editing);
    }

    public Draft withName(PersonName n) {
        return new Draft(
                categoryId,
                issueTypeId,
                description,
                photos,
                point,
                placeAddress,
                placeSameAsHome,
                n,
                address,
                phone,
                editing);
    }

    public Draft withAddress(String a) {
        return new Draft(
                categoryId,
                issueTypeId,
                description,
                photos,
                point,
                placeAddress,
                placeSameAsHome,
                name,
                a,
                phone,
                editing);
    }

    public Draft withPhone(Phone p) {
        return new Draft(
                categoryId,
                issueTypeId,
                description,
                photos,
                point,
                placeAddress,
                placeSameAsHome,
                name,
                address,
                p,
                editing);
    }

    public Draft editing(boolean e) {
        return new Draft(
                categoryId,
                issueTypeId,
                description,
                photos,
                point,
                placeAddress,
                placeSameAsHome,
                name,
                address,
                phone,
                e);
    }
}
