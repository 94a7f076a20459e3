package ua.zvernennia.core.metrics;

import java.time.Duration;
import ua.zvernennia.core.chat.Channel;

/**
 * What the engine, the writer and the deliverer report for monitoring: counts and durations only,
 * never a chat, a name or a text. The app implements it with a metrics library; the core knows
 * none. Implementations must be thread-safe and fast: they are called on the hot path.
 */
public interface Telemetry {
    /** Reports nothing. */
    Telemetry NONE = new Telemetry() {};

    /** An update from a citizen was handed to the bot. */
    default void updateReceived(Channel channel) {}

    /**
     * An update was handled: its turn (from being handed in until its effect was committed) took
     * {@code turn}; {@code failed} when it could not be committed at all.
     */
    default void updateHandled(Channel channel, Duration turn, boolean failed) {}

    /** The writer committed {@code units} units of work in one transaction, which took {@code took}. */
    default void committed(int units, Duration took) {}

    /** One attempt to deliver an outbox message ended with {@code outcome}. */
    default void delivered(Channel channel, DeliveryOutcome outcome) {}

    /** How a delivery attempt ended. */
    enum DeliveryOutcome {
        SENT,
        RETRY,
        UNREACHABLE,
        FAILED
    }
}
