package ua.zvernennia.core.openmap;

import java.util.Map;
import ua.zvernennia.core.appeal.AppealStatus;

/** Appeals near each other drawn as one circle: where (their mean), how many, and of which statuses. */
public record Cluster(double latitude, double longitude, long appeals, Map<AppealStatus, Long> byStatus) {
    public Cluster {
        byStatus = Map.copyOf(byStatus);
    }
}
