package ua.zvernennia.storage;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import ua.zvernennia.core.chat.Event;
import ua.zvernennia.core.chat.Keyboard;

/** The JSON form of drafts and outbox replies in the database. Thread-safe. */
final class Json {
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
    @JsonSubTypes({
        @JsonSubTypes.Type(value = Keyboard.Keep.class, name = "keep"),
        @JsonSubTypes.Type(value = Keyboard.Remove.class, name = "remove"),
        @JsonSubTypes.Type(value = Keyboard.Menu.class, name = "menu"),
        @JsonSubTypes.Type(value = Keyboard.RequestContact.class, name = "contact"),
        @JsonSubTypes.Type(value = Keyboard.RequestLocation.class, name = "location")
    })
    private interface KeyboardTypes {}

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
    @JsonSubTypes({
        @JsonSubTypes.Type(value = Event.Text.class, name = "text"),
        @JsonSubTypes.Type(value = Event.ButtonPress.class, name = "press"),
        @JsonSubTypes.Type(value = Event.Command.class, name = "command"),
        @JsonSubTypes.Type(value = Event.ContactShared.class, name = "contact"),
        @JsonSubTypes.Type(value = Event.LocationShared.class, name = "location"),
        @JsonSubTypes.Type(value = Event.PhotoSent.class, name = "photo"),
        @JsonSubTypes.Type(value = Event.Unsupported.class, name = "unsupported"),
        @JsonSubTypes.Type(value = Event.Reachability.class, name = "reachability"),
        @JsonSubTypes.Type(value = Event.StaffPress.class, name = "staff-press"),
        @JsonSubTypes.Type(value = Event.StaffMessage.class, name = "staff-message")
    })
    private interface EventTypes {}

    /** An inbox row's event, wrapped so that its type is always written. */
    record EventBox(Event event) {}

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .addMixIn(Keyboard.class, KeyboardTypes.class)
            .addMixIn(Event.class, EventTypes.class)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .build();

    private Json() {}

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    static <T> T read(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read " + type.getSimpleName() + " from JSON", e);
        }
    }
}
