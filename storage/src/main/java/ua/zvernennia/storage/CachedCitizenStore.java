package ua.zvernennia.storage;

import java.time.Instant;
import java.util.Optional;
import ua.zvernennia.core.appeal.PersonName;
import ua.zvernennia.core.appeal.Phone;
import ua.zvernennia.core.chat.ChatKey;
import ua.zvernennia.core.citizen.Citizen;
import ua.zvernennia.core.citizen.CitizenStore;

/**
 * The writer's citizen store: reads recent chats' committed citizen rows (or their absence) from
 * {@link RecentRows}; any change forgets the row once committed. Not thread-safe (writer only).
 */
final class CachedCitizenStore implements CitizenStore {
    private final CitizenStore database;
    private final RecentRows recent;
    private final CommitEffects effects;

    CachedCitizenStore(CitizenStore database, RecentRows recent, CommitEffects effects) {
        this.database = database;
        this.recent = recent;
        this.effects = effects;
    }

    @Override
    public Optional<Citizen> find(ChatKey chat) {
        if (!effects.wasWritten(chat)) {
            Optional<Citizen> known = recent.citizen(chat);
            if (known != null) {
                return known;
            }
        }
        Optional<Citizen> found = database.find(chat);
        if (!effects.wasWritten(chat)) {
            effects.afterCommit(() -> recent.citizen(chat, found));
        }
        return found;
    }

    @Override
    public void recordConsent(ChatKey chat, Instant at, String language) {
        database.recordConsent(chat, at, language);
        changed(chat);
    }

    @Override
    public void saveDetails(ChatKey chat, PersonName name, String address, Phone phone, Instant at) {
        database.saveDetails(chat, name, address, phone, at);
        changed(chat);
    }

    @Override
    public void setLanguage(ChatKey chat, String language) {
        database.setLanguage(chat, language);
        changed(chat);
    }

    @Override
    public boolean erase(ChatKey chat) {
        boolean erased = database.erase(chat);
        changed(chat);
        return erased;
    }

    @Override
    public void setReachable(ChatKey chat, boolean reachable, String reason, Instant at) {
        database.setReachable(chat, reachable, reason, at);
        changed(chat);
    }

    private void changed(ChatKey chat) {
        effects.written(chat);
        effects.afterCommit(() -> recent.forgetCitizen(chat));
    }
}
