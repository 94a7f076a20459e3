package ua.zvernennia.core.engine;

import ua.zvernennia.core.chat.ChatKey;
import ua.zvernennia.core.conversation.ConversationPorts;
import ua.zvernennia.core.conversation.ConversationStore;
import ua.zvernennia.core.deadline.DeadlineMarks;
import ua.zvernennia.core.delivery.Outbox;
import ua.zvernennia.core.register.RegisterRecords;

/** The stores of one unit of work, all in the same transaction. */
public interface Stores extends ConversationPorts {
    ConversationStore conversations();

    Outbox outbox();

    ProcessedUpdates processed();

    /** Inbounds waiting for their chat's earlier ones. */
    Inbox inbox();

    DeadlineMarks deadlines();

    /** Which executor each appeal is assigned to; stores without executors have none. */
    default ua.zvernennia.core.executor.Assignments assignments() {
        throw new UnsupportedOperationException("these stores keep no executors");
    }
    /** The photos of the work done kept with the appeals they resolved; stores without executors have none. */
    default ua.zvernennia.core.executor.ResolutionPhotoRecords resolutionPhotos() {
        throw new UnsupportedOperationException("these stores keep no resolution photos");
    }

    /** The council's register: channel codes, classifications, channels, the topic mapping, narratives. */
    RegisterRecords register();

    /**
     * Where several instances share the database, holds the chat's lock until this unit's commit,
     * so that no turn of the chat runs meanwhile on any instance; elsewhere the one writer already
     * does. For work that finds its chat inside (an operator's change of a citizen's appeal): it
     * reads what it changes after taking the lock.
     */
    default void lockChat(ChatKey chat) {}
}
