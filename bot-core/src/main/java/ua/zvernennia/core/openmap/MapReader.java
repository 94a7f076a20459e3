package ua.zvernennia.core.openmap;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ua.zvernennia.core.appeal.AppealStatus;

/**
 * Decides what a view of the map shows: the points themselves when they are few or the map is
 * zoomed in, otherwise clusters of whole grid cells, each about 64 pixels wide at the view's
 * zoom. Reads only the aggregates of {@link OpenMap}. Thread-safe.
 */
public final class MapReader {
    /** Below this many appeals in a view, they are sent one by one. */
    public static final int POINTS_UP_TO = 1_500;
    /** From this zoom on (streets), points are sent whatever their number, up to {@link #MAX_POINTS}. */
    public static final int POINTS_FROM_ZOOM = 15;

    public static final int MAX_POINTS = 3_000;

    private final OpenMap map;

    public MapReader(OpenMap map) {
        this.map = map;
    }

    /** The zoom of the grid whose cells make the clusters of a view at {@code zoom}. */
    public static int clusterZoom(int zoom) {
        return Math.max(0, Math.min(MapGrid.ZOOM, zoom + 2));
    }

    public MapView read(MapFilter filter, Bbox box, int zoom) {
        Bbox view = box.snapped(clusterZoom(zoom));
        List<MapCell> cells = map.cells(filter, view);
        long total = cells.stream().mapToLong(MapCell::appeals).sum();
        if (total <= POINTS_UP_TO || zoom >= POINTS_FROM_ZOOM) {
            List<MapPoint> points = total == 0 ? List.of() : map.points(filter, view, MAX_POINTS);
            return new MapView(total, List.of(), points, total > points.size());
        }
        return new MapView(total, clusters(cells, clusterZoom(zoom)), List.of(), false);
    }

    /** Cells merged into the cells of {@code zoom}, each drawn at the mean of its appeals. */
    static List<Cluster> clusters(List<MapCell> cells, int zoom) {
        int shift = MapGrid.ZOOM - zoom;
        record Sum(long[] appeals, double[] coordinates, EnumMap<AppealStatus, Long> byStatus) {}
        Map<Long, Sum> merged = new LinkedHashMap<>();
        for (MapCell c : cells) {
            if (c.appeals() <= 0) {
                continue;
            }
            long key = ((long) (c.x() >> shift) << 32) | (c.y() >> shift);
            Sum s = merged.computeIfAbsent(
                    key, k -> new Sum(new long[1], new double[2], new EnumMap<>(AppealStatus.class)));
            s.appeals()[0] += c.appeals();
            s.coordinates()[0] += c.latitudeSum();
            s.coordinates()[1] += c.longitudeSum();
            s.byStatus().merge(c.status(), c.appeals(), Long::sum);
        }
        return merged.values().stream()
                .filter(s -> s.appeals()[0] > 0)
                .map(s -> new Cluster(
                        s.coordinates()[0] / s.appeals()[0],
                        s.coordinates()[1] / s.appeals()[0],
                        s.appeals()[0],
                        s.byStatus()))
                .toList();
    }
}
