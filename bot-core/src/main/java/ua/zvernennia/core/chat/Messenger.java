package ua.zvernennia.core.chat;

/**
 * Outbound port: sends one rendered reply to one chat of its channel.
 * Implementations must be thread-safe; they own their messenger's rate limits and must not
 * throw for delivery failures: every outcome is a {@link Delivery}.
 */
public interface Messenger {
    Channel channel();

    Delivery send(ChatKey chat, Reply reply);
}
