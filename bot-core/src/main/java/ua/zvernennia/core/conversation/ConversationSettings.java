package ua.zvernennia.core.conversation;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import ua.zvernennia.core.category.Category;
import ua.zvernennia.core.category.DeadlineClass;
import ua.zvernennia.core.deadline.AppealDeadlines;

/**
 * @param zone                     the city's time zone, for deadlines shown to citizens
 * @param legalDeadlineDays        the legal limit for considering an appeal (30 days by the law on
 *                                 citizens' appeals)
 * @param menuPageSize             categories on one page of the menu: at most {@link #MAX_MENU_PAGE_SIZE}
 * @param noStudyLegalDeadlineDays the legal limit for appeals that need no study (15 days by the law)
 * @param noStudyClasses           deadline classes whose appeals need no study and so get
 *                                 {@code noStudyLegalDeadlineDays}; empty: every appeal gets
 *                                 {@code legalDeadlineDays}
 */
public record ConversationSettings(
        ZoneId zone,
        int legalDeadlineDays,
        int menuPageSize,
        int noStudyLegalDeadlineDays,
        Set<DeadlineClass> noStudyClasses) {
    /**
     * A page and its four navigation buttons (previous, next, back, cancel) must fit one Viber
     * keyboard of 24 buttons; a bigger page would lose its last categories there.
     */
    public static final int MAX_MENU_PAGE_SIZE = 20;

    public ConversationSettings {
        Objects.requireNonNull(zone, "zone");
        if (legalDeadlineDays < 1 || legalDeadlineDays > 45) {
            throw new IllegalArgumentException("legalDeadlineDays must be 1..45 (the law allows 45 at most)");
        }
        if (menuPageSize < 2 || menuPageSize > MAX_MENU_PAGE_SIZE) {
            throw new IllegalArgumentException("menuPageSize must be 2.." + MAX_MENU_PAGE_SIZE);
        }
        Objects.requireNonNull(noStudyClasses, "noStudyClasses");
        if (!noStudyClasses.isEmpty()
                && (noStudyLegalDeadlineDays < 1 || noStudyLegalDeadlineDays > legalDeadlineDays)) {
            throw new IllegalArgumentException(
                    "noStudyLegalDeadlineDays must be 1.." + legalDeadlineDays + " (the legal deadline days)");
        }
        noStudyClasses = noStudyClasses.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(noStudyClasses));
    }

    /** Every appeal gets {@code legalDeadlineDays}. */
    public ConversationSettings(ZoneId zone, int legalDeadlineDays, int menuPageSize) {
        this(zone, legalDeadlineDays, menuPageSize, Math.min(15, legalDeadlineDays), Set.of());
    }

    public static ConversationSettings defaults() {
        return new ConversationSettings(ZoneId.of("Europe/Kyiv"), 30, 12);
    }

    /** The legal limit, in days, of an appeal of the deadline class. */
    public int legalDeadlineDays(DeadlineClass deadlineClass) {
        return noStudyClasses.contains(deadlineClass) ? noStudyLegalDeadlineDays : legalDeadlineDays;
    }

    /**
     * The deadlines of an appeal under {@code category} (and its issue type, may be null) received
     * at {@code receivedAt}: every path that creates an appeal (bot, API, console) asks here.
     */
    public AppealDeadlines deadlines(Category category, String issueTypeId, Instant receivedAt) {
        DeadlineClass deadlineClass = category.deadlineFor(issueTypeId);
        return new AppealDeadlines(
                receivedAt.plus(deadlineClass.duration()),
                receivedAt.plus(Duration.ofDays(legalDeadlineDays(deadlineClass))));
    }
}
