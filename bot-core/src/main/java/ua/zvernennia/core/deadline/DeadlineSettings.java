package ua.zvernennia.core.deadline;

import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import ua.zvernennia.core.chat.ChatKey;

/**
 * @param staffChat        the operators' chat that hears of coming and missed deadlines; empty:
 *                         appeals are still marked (and listed by the API), nobody is messaged
 * @param reminderFraction how far into an appeal's time (0 &lt; f &lt; 1) operators are reminded
 *                         of its deadline: 0.8 reminds at 80% of the time, 4.8 h into a 6-hour one
 * @param zone             the city's time zone, for the times in the messages
 */
public record DeadlineSettings(Optional<ChatKey> staffChat, double reminderFraction, ZoneId zone) {
    public DeadlineSettings {
        Objects.requireNonNull(staffChat, "staffChat");
        Objects.requireNonNull(zone, "zone");
        if (!(reminderFraction > 0 && reminderFraction < 1)) {
            throw new IllegalArgumentException("reminderFraction must be between 0 and 1 (exclusive), e.g. 0.8");
        }
    }
}
