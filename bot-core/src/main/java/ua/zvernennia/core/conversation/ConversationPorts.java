package ua.zvernennia.core.conversation;

import ua.zvernennia.core.appeal.AppealStore;
import ua.zvernennia.core.category.CategoryCatalog;
import ua.zvernennia.core.citizen.CitizenStore;
import ua.zvernennia.core.media.MediaQueue;

/** The stores the conversation reads and writes, all in the caller's transaction. */
public interface ConversationPorts {
    CitizenStore citizens();

    AppealStore appeals();

    CategoryCatalog categories();

    /** Photos the citizen sent, to be downloaded and kept. */
    MediaQueue media();
}
