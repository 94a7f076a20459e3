package ua.zvernennia.core.openmap;

/** A part of the map: south, west, north and east edges in degrees (WGS 84). */
public record Bbox(double south, double west, double north, double east) {
    /** The whole Web Mercator world. */
    public static final Bbox WORLD = new Bbox(-85, -180, 85, 180);

    public Bbox {
        if (!(south >= -90 && north <= 90 && south <= north && west >= -180 && east <= 180 && west <= east)) {
            throw new IllegalArgumentException(
                    "bbox must be south,west,north,east with south <= north and west <= east");
        }
    }

    /** The first and last column of {@link MapGrid#ZOOM} cells it touches. */
    public int minX() {
        return MapGrid.x(west, MapGrid.ZOOM);
    }

    public int maxX() {
        return MapGrid.x(east, MapGrid.ZOOM);
    }

    /** The first and last row (north to south) of {@link MapGrid#ZOOM} cells it touches. */
    public int minY() {
        return MapGrid.y(north, MapGrid.ZOOM);
    }

    public int maxY() {
        return MapGrid.y(south, MapGrid.ZOOM);
    }

    /**
     * This box grown to whole cells of {@code zoom}, so that nearby views ask the same question
     * (and share a cached answer) and clusters at the edges are whole.
     */
    public Bbox snapped(int zoom) {
        int z = Math.max(0, Math.min(MapGrid.ZOOM, zoom));
        int x1 = MapGrid.x(west, z);
        int x2 = MapGrid.x(east, z) + 1;
        int y1 = MapGrid.y(north, z);
        int y2 = MapGrid.y(south, z) + 1;
        return new Bbox(
                Math.max(-85, MapGrid.latitude(y2, z)),
                MapGrid.longitude(x1, z),
                Math.min(85, MapGrid.latitude(y1, z)),
                Math.min(180, MapGrid.longitude(x2, z)));
    }
}
