package ua.zvernennia.core.conversation;

import ua.zvernennia.core.appeal.AppealStore;
import ua.zvernennia.core.category.CategoryCatalog;
import ua.zvernennia.core.citizen.CitizenStore;

/** The stores the conversation reads and writes, all in the caller's transaction. */
public interface ConversationPorts {
    CitizenStore citizens();

    AppealStore appeals();

    CategoryCatalog categories();
}
