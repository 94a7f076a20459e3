package ua.zvernennia.core.conversation;

import java.time.ZoneId;
import java.util.Objects;

/**
 * @param zone              the city's time zone, for deadlines shown to citizens
 * @param legalDeadlineDays the legal limit for considering an appeal (30 days by the law on
 *                          citizens' appeals; 15 for appeals that need no study)
 * @param menuPageSize      categories on one page of the menu: at most {@link #MAX_MENU_PAGE_SIZE}
 */
public record ConversationSettings(ZoneId zone, int legalDeadlineDays, int menuPageSize) {
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
    }

    public static ConversationSettings defaults() {
        return new ConversationSettings(ZoneId.of("Europe/Kyiv"), 30, 12);
    }
}
