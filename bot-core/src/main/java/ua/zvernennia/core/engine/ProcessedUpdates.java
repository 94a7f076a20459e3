package ua.zvernennia.core.engine;

import java.time.Instant;
import ua.zvernennia.core.chat.ChatKey;

/** Port: the messenger update ids already handled, so that a re-delivery is a no-op. */
public interface ProcessedUpdates {
    /** Records the id; false when it was recorded before. */
    boolean firstTime(ChatKey chat, String sourceId, Instant at);

    /** Forgets ids older than {@code before}; messengers re-deliver only for a day or so. */
    int forgetBefore(Instant before);
}
