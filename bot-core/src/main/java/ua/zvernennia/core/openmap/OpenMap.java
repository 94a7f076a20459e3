package ua.zvernennia.core.openmap;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import ua.zvernennia.core.appeal.AppealNumber;

/**
 * Port: what the public may read about appeals, from aggregates kept current as appeals change.
 * Dates are local dates in the city's zone, both included. Reads committed data; thread-safe.
 */
public interface OpenMap {
    /** Appeals on the map per {@link MapGrid#ZOOM} cell and status, within {@code box}. */
    List<MapCell> cells(MapFilter filter, Bbox box);

    /** Single appeals on the map within {@code box}, newest first, at most {@code limit}. */
    List<MapPoint> points(MapFilter filter, Bbox box, int limit);

    /** One appeal, anonymised; empty when there is none of that number. */
    Optional<PublicAppeal> appeal(AppealNumber number);

    /** Appeals filed on those dates, oldest first, a page at a time. */
    List<PublicAppeal> appeals(LocalDate from, LocalDate to, int offset, int limit);

    /** The executors' figures of the appeals filed on those dates. */
    List<ExecutorRow> executors(LocalDate from, LocalDate to);
}
