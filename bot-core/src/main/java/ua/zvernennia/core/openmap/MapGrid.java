package ua.zvernennia.core.openmap;

/**
 * The Web Mercator tile grid the map's aggregates are counted in: cells of zoom {@link #ZOOM}
 * (about 1.2 km by 0.8 km at Ukraine's latitudes). Clusters at a lower zoom merge whole cells.
 */
public final class MapGrid {
    /** The zoom of the counted cells. */
    public static final int ZOOM = 15;
    /** The highest latitude Web Mercator shows. */
    private static final double MAX_LAT = 85.05112878;

    private MapGrid() {}

    /** The cell's column at {@code zoom}. */
    public static int x(double longitude, int zoom) {
        int n = 1 << zoom;
        int x = (int) Math.floor((longitude + 180.0) / 360.0 * n);
        return Math.max(0, Math.min(n - 1, x));
    }

    /** The cell's row at {@code zoom}. */
    public static int y(double latitude, int zoom) {
        int n = 1 << zoom;
        double lat = Math.toRadians(Math.max(-MAX_LAT, Math.min(MAX_LAT, latitude)));
        int y = (int) Math.floor((1 - Math.log(Math.tan(lat) + 1 / Math.cos(lat)) / Math.PI) / 2 * n);
        return Math.max(0, Math.min(n - 1, y));
    }

    /** The longitude of a column's west edge at {@code zoom}. */
    public static double longitude(int x, int zoom) {
        return x / (double) (1 << zoom) * 360.0 - 180.0;
    }

    /** The latitude of a row's north edge at {@code zoom}. */
    public static double latitude(int y, int zoom) {
        double n = Math.PI - 2 * Math.PI * y / (1 << zoom);
        return Math.toDegrees(Math.atan(Math.sinh(n)));
    }
}
