package ua.zvernennia.core.openmap;

import ua.zvernennia.core.appeal.AppealStatus;

/**
 * Appeals of one status in one {@link MapGrid#ZOOM} cell, with the sums of their coordinates.
 */
public record MapCell(int x, int y, AppealStatus status, long appeals, double latitudeSum, double longitudeSum) {}
