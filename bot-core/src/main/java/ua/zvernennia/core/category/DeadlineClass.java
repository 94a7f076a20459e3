package ua.zvernennia.core.category;

import java.time.Duration;

/** How fast a kind of problem must be handled. */
public enum DeadlineClass {
    EMERGENCY(Duration.ofHours(6)),
    SHORT(Duration.ofHours(24)),
    MEDIUM(Duration.ofHours(72)),
    LONG(Duration.ofDays(7));

    private final Duration duration;

    DeadlineClass(Duration duration) {
        this.duration = duration;
    }

    public Duration duration() {
        return duration;
    }
}
