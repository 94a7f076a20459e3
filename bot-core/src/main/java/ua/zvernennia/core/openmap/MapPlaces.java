package ua.zvernennia.core.openmap;

import java.util.Optional;
import ua.zvernennia.core.appeal.AppealNumber;
import ua.zvernennia.core.appeal.GeoPoint;

/**
 * Port: the problem's place of an appeal as the map shows it, and operators' corrections of it.
 * Each call commits on its own; thread-safe.
 */
public interface MapPlaces {
    /** Where the map has the appeal, and why. */
    record Place(GeoPoint point, Source source, String geocoderStatus) {}

    enum Source {
        /** The point the citizen sent or picked. */
        CITIZEN,
        /** The typed address, found by the geocoder. */
        GEOCODER,
        /** Set by an operator. */
        OPERATOR,
        /** None: no point and no address found (yet). */
        NONE
    }

    /** Empty when there is no appeal of that number. */
    Optional<Place> place(AppealNumber number);

    /**
     * Sets the appeal's point on the map by hand (it then wins over the citizen's and the
     * geocoder's), or with a null point takes the correction back and asks the geocoder again.
     * The change is written to the appeal's history. False when there is no such appeal.
     */
    boolean correct(AppealNumber number, GeoPoint point, String actor);
}
