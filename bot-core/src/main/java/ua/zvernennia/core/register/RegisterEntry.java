package ua.zvernennia.core.register;

import java.time.Instant;
import java.util.Objects;

/**
 * What the register holds of one appeal besides what {@link ua.zvernennia.core.appeal.Appeal}
 * carries: the code of the channel it came by, when it was typed in, and its classification.
 */
public record RegisterEntry(String channelCode, Instant registeredAt, Classification classification) {
    public RegisterEntry {
        Objects.requireNonNull(channelCode, "channelCode");
        Objects.requireNonNull(registeredAt, "registeredAt");
        Objects.requireNonNull(classification, "classification");
    }
}
