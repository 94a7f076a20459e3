package ua.zvernennia.viber;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import ua.zvernennia.core.category.Category;
import ua.zvernennia.core.chat.Channel;
import ua.zvernennia.core.chat.ChatKey;
import ua.zvernennia.core.conversation.ConversationMachine;
import ua.zvernennia.core.conversation.ConversationSettings;
import ua.zvernennia.core.delivery.Deliverer;
import ua.zvernennia.core.engine.Bot;
import ua.zvernennia.core.engine.ConversationEngine;
import ua.zvernennia.core.testing.Await;
import ua.zvernennia.core.testing.MemoryStores;
import ua.zvernennia.core.testing.TestCategories;

/**
 * The adapter wired to a real bot over memory stores and to a fake Viber API, with helpers
 * that post signed callbacks the way Viber does.
 */
public final class ViberRig implements AutoCloseable {
    public static final String TOKEN = "4453b6ac12345678-e02c5f12174805f9-daec9cbb5448c51f";
    public static final String USER = "01234567890A=";

    final Clock clock = Clock.fixed(Instant.parse("2026-03-10T08:00:00Z"), ZoneOffset.UTC);
    final ObjectMapper json = new ObjectMapper();
    final FakeViberApi viber;
    final MemoryStores stores;
    final ExecutorService executor = Executors.newCachedThreadPool();
    final ViberSettings settings;
    final ViberMessenger messenger;
    final ViberCallbacks callbacks;
    final Bot bot;
    private final AtomicLong tokens = new AtomicLong(4912661846655238145L);

    ViberRig() throws IOException {
        this(TestCategories.small());
    }

    ViberRig(List<Category> categories) throws IOException {
        viber = new FakeViberApi();
        stores = new MemoryStores(categories);
        settings = ViberSettings.of(TOKEN).withApiUrl(viber.url());
        ViberApi api = new ViberApi(settings);
        messenger = new ViberMessenger(api, settings);
        var engine = new ConversationEngine(new ConversationMachine(ConversationSettings.defaults()), clock);
        var deliverer = new Deliverer(List.of(messenger), stores, clock);
        bot = new Bot(stores, engine, deliverer, executor);
        callbacks = new ViberCallbacks(settings, bot, messenger, clock);
    }

    ChatKey chat() {
        return ChatKey.of(Channel.VIBER, USER);
    }

    // ---- callbacks as Viber posts them -------------------------------------------------------

    String nextToken() {
        return String.valueOf(tokens.incrementAndGet());
    }

    ObjectNode callback(String event) {
        ObjectNode c = json.createObjectNode();
        c.put("event", event);
        c.put("timestamp", 1457764197627L);
        c.put("chat_hostname", "SN-376_");
        c.put("message_token", Long.parseLong(nextToken()));
        return c;
    }

    ObjectNode message(ObjectNode message) {
        ObjectNode c = callback("message");
        ObjectNode sender = c.putObject("sender");
        sender.put("id", USER);
        sender.put("name", "Олена Коваленко");
        sender.put("language", "uk");
        sender.put("country", "UA");
        sender.put("api_version", 10);
        c.set("message", message);
        return c;
    }

    ObjectNode text(String text) {
        ObjectNode m = json.createObjectNode();
        m.put("type", "text");
        m.put("text", text);
        return message(m);
    }

    ObjectNode picture(String media, String caption) {
        ObjectNode m = json.createObjectNode();
        m.put("type", "picture");
        m.put("media", media);
        m.put("thumbnail", media + "?thumb");
        m.put("file_name", "IMG_0001.jpg");
        m.put("size", 154321);
        m.put("text", caption);
        return message(m);
    }

    ObjectNode location(double lat, double lon) {
        ObjectNode m = json.createObjectNode();
        m.put("type", "location");
        m.putObject("location").put("lat", lat).put("lon", lon);
        return message(m);
    }

    ObjectNode contact(String phone) {
        ObjectNode m = json.createObjectNode();
        m.put("type", "contact");
        m.putObject("contact").put("name", "Олена Коваленко").put("phone_number", phone);
        return message(m);
    }

    ObjectNode conversationStarted() {
        ObjectNode c = callback("conversation_started");
        c.put("type", "open");
        c.put("subscribed", false);
        ObjectNode user = c.putObject("user");
        user.put("id", USER);
        user.put("name", "Олена Коваленко");
        user.put("api_version", 10);
        return c;
    }

    byte[] bytes(JsonNode callback) {
        try {
            return json.writeValueAsBytes(callback);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** Posts the callback with a correct signature, as Viber does. */
    ViberResponse post(JsonNode callback) {
        byte[] body = bytes(callback);
        return callbacks.handle(body, sign(body));
    }

    /**
     * Posts and expects 200, then waits for the bot to finish: the 200 says the callback is
     * recorded, its turn may still be under way.
     */
    ViberResponse accepted(JsonNode callback) {
        ViberResponse response = post(callback);
        assertThat(response.status()).as("answer to %s", callback.path("event")).isEqualTo(200);
        Await.until("the bot to finish", () -> bot.busyChats() == 0);
        return response;
    }

    /** HMAC-SHA256 of the body keyed with the token, hex; computed here independently of the adapter. */
    public static String sign(byte[] body) {
        return signWith(TOKEN, body);
    }

    public static String signWith(String token, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(token.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    // ---- what the citizen sees ----------------------------------------------------------------

    /** Presses the button labelled {@code label} in the last keyboard Viber was sent. */
    ViberResponse press(String label) {
        return accepted(text(actionBody(label)));
    }

    /** The ActionBody of the button labelled {@code label} in the newest keyboard sent. */
    String actionBody(String label) {
        List<FakeViberApi.Request> sent = viber.sent();
        for (int i = sent.size() - 1; i >= 0; i--) {
            JsonNode keyboard = sent.get(i).body().path("keyboard");
            if (!keyboard.isMissingNode()) {
                for (JsonNode b : keyboard.path("Buttons")) {
                    if (b.path("Text").asText().equals(label)) {
                        return b.path("ActionBody").asText();
                    }
                }
                throw new AssertionError("no button «" + label + "» in the last keyboard " + keyboard);
            }
        }
        throw new AssertionError("no keyboard was sent");
    }

    @Override
    public void close() {
        viber.close();
        executor.shutdownNow();
    }
}
