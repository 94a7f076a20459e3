package ua.zvernennia.core.openmap;

import ua.zvernennia.core.appeal.AppealStatus;

/** One appeal on the public map: its number, the problem's place, its status and direction. Nothing personal. */
public record MapPoint(String number, double latitude, double longitude, AppealStatus status, String categoryId) {}
