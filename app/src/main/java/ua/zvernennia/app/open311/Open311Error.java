package ua.zvernennia.app.open311;

import java.util.List;

/**
 * A GeoReport v2 error answer: the HTTP status and one or more {@code {code, description}}
 * entries (the code is the HTTP status, as the specification has it).
 */
final class Open311Error extends RuntimeException {
    final int status;
    final List<String> descriptions;

    Open311Error(int status, List<String> descriptions) {
        super(String.join("; ", descriptions), null, false, false);
        this.status = status;
        this.descriptions = List.copyOf(descriptions);
    }

    Open311Error(int status, String description) {
        this(status, List.of(description));
    }
}
