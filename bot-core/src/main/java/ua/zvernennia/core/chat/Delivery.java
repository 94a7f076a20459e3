package ua.zvernennia.core.chat;

import java.time.Duration;

/** The outcome of one attempt to send a reply. */
public sealed interface Delivery {

    /** Delivered; {@code messageRef} is the messenger's id of the message, if it gave one. */
    record Sent(String messageRef) implements Delivery {}

    /** Not now: rate-limited or a passing failure. Try again after {@code after}. */
    record RetryLater(java.time.Duration after, String reason) implements Delivery {}

    /** The citizen cannot be reached (blocked the bot, unsubscribed): stop sending. */
    record Unreachable(String reason) implements Delivery {}

    /** Refused for good (a malformed request); retrying would not help. */
    record Failed(String reason) implements Delivery {}

    static RetryLater retry(Duration after, String reason) {
        return new RetryLater(after, reason);
    }
}
