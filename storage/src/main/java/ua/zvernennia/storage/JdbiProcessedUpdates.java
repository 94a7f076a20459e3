package ua.zvernennia.storage;

import java.time.Instant;
import org.jdbi.v3.core.Handle;
import ua.zvernennia.core.chat.ChatKey;
import ua.zvernennia.core.engine.ProcessedUpdates;

/** Update ids already handled. Bound to one handle; not thread-safe. */
final class JdbiProcessedUpdates implements ProcessedUpdates {
    private final Handle handle;

    JdbiProcessedUpdates(Handle handle) {
        this.handle = handle;
    }

    @Override
    public boolean firstTime(ChatKey chat, String sourceId, Instant at) {
        // One statement instead of a look-up and an insert: this runs for every update.
        return handle.createUpdate(
                                "INSERT INTO processed_update (channel, source_id, processed_at) SELECT :channel, :id, :at "
                                        + "WHERE NOT EXISTS (SELECT 1 FROM processed_update WHERE channel = :channel AND source_id = :id)")
                        .bind("channel", chat.channel().name())
                        .bind("id", sourceId)
                        .bind("at", at.toEpochMilli())
                        .execute()
                == 1;
    }

    @Override
    public int forgetBefore(Instant before) {
        return handle.createUpdate("DELETE FROM processed_update WHERE processed_at < :before")
                .bind("before", before.toEpochMilli())
                .execute();
    }
}
