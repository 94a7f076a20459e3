package ua.zvernennia.core.openmap;

import java.util.List;

/**
 * What the map draws for one view: single points, or clusters when there are too many to draw.
 *
 * @param total     appeals in the view
 * @param truncated true when there were more points than were sent
 */
public record MapView(long total, List<Cluster> clusters, List<MapPoint> points, boolean truncated) {
    public MapView {
        clusters = List.copyOf(clusters);
        points = List.copyOf(points);
    }
}
