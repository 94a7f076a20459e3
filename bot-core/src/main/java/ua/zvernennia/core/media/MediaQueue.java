package ua.zvernennia.core.media;

import java.time.Instant;
import ua.zvernennia.core.appeal.PhotoRef;
import ua.zvernennia.core.chat.Channel;
import ua.zvernennia.core.chat.ChatKey;

/**
 * Photos to be kept: a photo a citizen sent is queued here in the same transaction as the turn
 * that accepted it, and downloaded from the messenger in the background, so that its bytes are
 * kept even after the messenger forgets it (Viber's media links expire). Not thread-safe: one per
 * unit of work.
 */
public interface MediaQueue {
    /** Queues the photo's download; asking again for a photo already queued or kept changes nothing. */
    void keep(ChatKey chat, PhotoRef photo, Instant now);

    /**
     * Queues the download of a photo of an appeal that came without a chat (the web form, a
     * partner app, an operator); asking again changes nothing.
     */
    void keepForAppeal(Channel channel, PhotoRef photo, Instant now);

    /** Erases the photos this chat sent (their bytes and references), except those with a file id in {@code keep}. */
    void eraseChat(ChatKey chat, java.util.Set<String> keep);
}
