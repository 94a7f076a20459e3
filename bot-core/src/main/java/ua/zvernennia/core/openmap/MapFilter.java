package ua.zvernennia.core.openmap;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;
import ua.zvernennia.core.appeal.AppealStatus;

/**
 * What the public map shows: appeals filed on the local dates {@code from}..{@code to}
 * (included), of these statuses, directions (category ids) and executor; an empty set or a null
 * executor means any.
 */
public record MapFilter(
        LocalDate from, LocalDate to, Set<AppealStatus> statuses, Set<String> categories, String executor) {
    /** The longest range the public map and statistics answer, in days. */
    public static final int MAX_DAYS = 366;

    public MapFilter {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("'to' is before 'from'");
        }
        if (from.plusDays(MAX_DAYS).isBefore(to.plusDays(1))) {
            throw new IllegalArgumentException("the range is longer than " + MAX_DAYS + " days");
        }
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
        categories = categories == null ? Set.of() : Set.copyOf(categories);
        executor = executor == null || executor.isBlank() ? null : executor;
    }

    /** Whether only the dates and statuses narrow it (the map's cells can answer it alone). */
    public boolean byPeriodAndStatusOnly() {
        return categories.isEmpty() && executor == null;
    }
}
