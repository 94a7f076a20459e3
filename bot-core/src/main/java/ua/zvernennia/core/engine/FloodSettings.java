package ua.zvernennia.core.engine;

import java.time.Duration;
import java.util.Objects;

/**
 * How much one chat may send before the bot stops handling the excess.
 *
 * @param maxMessages  messages one chat may send within {@code window} (a burst of this many, then
 *                     this many per window); 0 turns the limit off
 * @param window       the window of {@code maxMessages}
 * @param repeatWindow a press of the same button as the chat's previous inbound within this time
 *                     is taken as the same press again and not handled twice; zero turns it off
 */
public record FloodSettings(int maxMessages, Duration window, Duration repeatWindow) {
    public FloodSettings {
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(repeatWindow, "repeatWindow");
        if (maxMessages < 0) {
            throw new IllegalArgumentException("maxMessages must be 0 (off) or more");
        }
        if (maxMessages > 0 && (window.isNegative() || window.isZero())) {
            throw new IllegalArgumentException("the flood window must be positive");
        }
        if (repeatWindow.isNegative()) {
            throw new IllegalArgumentException("the repeat window must not be negative");
        }
    }

    /** 20 messages in 10 seconds; the same button pressed again within 2 seconds counts once. */
    public static FloodSettings defaults() {
        return new FloodSettings(20, Duration.ofSeconds(10), Duration.ofSeconds(2));
    }

    /** No limit at all. */
    public static FloodSettings off() {
        return new FloodSettings(0, Duration.ofSeconds(10), Duration.ZERO);
    }
}
