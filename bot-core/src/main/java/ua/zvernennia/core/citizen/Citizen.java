package ua.zvernennia.core.citizen;

import java.time.Instant;
import java.util.Optional;
import ua.zvernennia.core.appeal.PersonName;
import ua.zvernennia.core.appeal.Phone;
import ua.zvernennia.core.chat.ChatKey;

/**
 * A messenger user who consented to the processing of personal data. Name, address and phone are
 * kept from their last appeal so that they need not type them again; each may be null.
 */
public record Citizen(
        ChatKey chat,
        Instant consentAt,
        PersonName name,
        String address,
        Phone phone,
        boolean reachable,
        String language) {

    public Optional<PersonName> savedName() {
        return Optional.ofNullable(name);
    }

    public Optional<String> savedAddress() {
        return Optional.ofNullable(address);
    }

    public Optional<Phone> savedPhone() {
        return Optional.ofNullable(phone);
    }
}
