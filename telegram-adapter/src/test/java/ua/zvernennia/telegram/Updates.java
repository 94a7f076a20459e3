package ua.zvernennia.telegram;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.atomic.AtomicInteger;

/** Telegram updates as the Bot API sends them, without update_id (the fake gives that). */
public final class Updates {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger MESSAGE_IDS = new AtomicInteger(50_000);
    private static final AtomicInteger QUERY_IDS = new AtomicInteger();

    private Updates() {}

    public static ObjectNode message(long chatId, String chatType) {
        ObjectNode update = JSON.createObjectNode();
        ObjectNode m = update.putObject("message");
        m.put("message_id", MESSAGE_IDS.incrementAndGet()).put("date", 1773129600);
        m.putObject("chat").put("id", chatId).put("type", chatType);
        m.putObject("from")
                .put("id", chatId > 0 ? chatId : 7)
                .put("is_bot", false)
                .put("first_name", "Олена");
        return update;
    }

    public static ObjectNode text(long chatId, String text) {
        ObjectNode u = message(chatId, "private");
        ((ObjectNode) u.get("message")).put("text", text);
        return u;
    }

    public static ObjectNode press(long chatId, int messageId, String data) {
        ObjectNode update = JSON.createObjectNode();
        ObjectNode q = update.putObject("callback_query");
        q.put("id", "q" + QUERY_IDS.incrementAndGet())
                .put("chat_instance", "ci")
                .put("data", data);
        q.putObject("from").put("id", chatId).put("is_bot", false).put("first_name", "Олена");
        ObjectNode m = q.putObject("message");
        m.put("message_id", messageId).put("date", 1773129600).put("text", "menu");
        m.putObject("chat").put("id", chatId).put("type", "private");
        return update;
    }

    public static ObjectNode contact(long chatId, String phone, long userId) {
        ObjectNode u = message(chatId, "private");
        ((ObjectNode) u.get("message"))
                .putObject("contact")
                .put("phone_number", phone)
                .put("first_name", "Олена")
                .put("user_id", userId);
        return u;
    }

    public static ObjectNode location(long chatId, double lat, double lon) {
        ObjectNode u = message(chatId, "private");
        ((ObjectNode) u.get("message"))
                .putObject("location")
                .put("latitude", lat)
                .put("longitude", lon);
        return u;
    }

    /** A photo in three sizes; the largest has file_id {@code fileId}. */
    public static ObjectNode photo(long chatId, String fileId, String caption) {
        ObjectNode u = message(chatId, "private");
        ObjectNode m = (ObjectNode) u.get("message");
        var sizes = m.putArray("photo");
        sizes.addObject()
                .put("file_id", fileId + "-s")
                .put("file_unique_id", "us")
                .put("width", 90)
                .put("height", 67)
                .put("file_size", 1000);
        sizes.addObject()
                .put("file_id", fileId)
                .put("file_unique_id", "ul")
                .put("width", 1280)
                .put("height", 960)
                .put("file_size", 90000);
        sizes.addObject()
                .put("file_id", fileId + "-m")
                .put("file_unique_id", "um")
                .put("width", 320)
                .put("height", 240)
                .put("file_size", 9000);
        if (caption != null) {
            m.put("caption", caption);
        }
        return u;
    }

    /** A message with one extra field, such as a sticker or a voice note. */
    public static ObjectNode with(long chatId, String field) {
        ObjectNode u = message(chatId, "private");
        ((ObjectNode) u.get("message"))
                .putObject(field)
                .put("file_id", "f")
                .put("file_unique_id", "fu")
                .put("duration", 1)
                .put("width", 1)
                .put("height", 1)
                .put("length", 1)
                .put("type", "regular")
                .put("is_animated", false)
                .put("is_video", false);
        return u;
    }

    public static ObjectNode edited(long chatId, String text) {
        ObjectNode u = text(chatId, text);
        u.set("edited_message", u.remove("message"));
        ((ObjectNode) u.get("edited_message")).put("edit_date", 1773129700);
        return u;
    }

    public static ObjectNode membership(long chatId, String oldStatus, String newStatus) {
        ObjectNode update = JSON.createObjectNode();
        ObjectNode c = update.putObject("my_chat_member");
        c.putObject("chat").put("id", chatId).put("type", "private");
        c.putObject("from").put("id", chatId).put("is_bot", false).put("first_name", "Олена");
        c.put("date", 1773129600);
        c.putObject("old_chat_member")
                .put("status", oldStatus)
                .putObject("user")
                .put("id", 999)
                .put("is_bot", true)
                .put("first_name", "bot");
        c.putObject("new_chat_member")
                .put("status", newStatus)
                .putObject("user")
                .put("id", 999)
                .put("is_bot", true)
                .put("first_name", "bot");
        if ("kicked".equals(newStatus)) {
            ((ObjectNode) c.get("new_chat_member")).put("until_date", 0);
        }
        return update;
    }
}
