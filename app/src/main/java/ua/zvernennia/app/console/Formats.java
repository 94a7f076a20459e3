package ua.zvernennia.app.console;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import ua.zvernennia.core.appeal.GeoPoint;
import ua.zvernennia.core.desk.AppealSearch;

/** Times and deadlines as the console shows them, in the city's zone, as of one moment. */
public record Formats(ZoneId zone, Instant now) {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    public String time(Instant t) {
        return t == null ? "—" : TIME.format(t.atZone(zone));
    }

    public String date(Instant t) {
        return t == null ? "—" : DATE.format(t.atZone(zone));
    }

    /** The machine-readable form for a {@code <time datetime>} attribute. */
    public String iso(Instant t) {
        return t == null ? "" : t.toString();
    }

    /** "залишилось 5 год 20 хв", "прострочено на 2 дн 3 год", or when it was closed. */
    public String timeLeft(AppealSearch.Found f) {
        if (f.closedAt() != null || f.appeal().status().isClosed()) {
            return "закрито " + time(f.closedAt());
        }
        Duration left = Duration.between(now, f.appeal().deadline());
        return left.isNegative() ? "прострочено на " + span(left.negated()) : "залишилось " + span(left);
    }

    static String span(Duration d) {
        long days = d.toDays();
        long hours = d.toHoursPart();
        long minutes = d.toMinutesPart();
        if (days > 0) {
            return days + " дн" + (hours > 0 ? " " + hours + " год" : "");
        }
        if (hours > 0) {
            return hours + " год" + (minutes > 0 ? " " + minutes + " хв" : "");
        }
        return Math.max(minutes, 1) + " хв";
    }

    /** The point on OpenStreetMap. */
    public static String osm(GeoPoint p) {
        return "https://www.openstreetmap.org/?mlat=" + p.latitude() + "&mlon=" + p.longitude() + "#map=18/"
                + p.latitude() + "/" + p.longitude();
    }
}
