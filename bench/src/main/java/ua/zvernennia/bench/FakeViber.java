package ua.zvernennia.bench;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Both ends of Viber for the benchmark: the citizens' callbacks, signed as Viber signs them,
 * posted to the app's webhook; and a REST Bot API on localhost that answers send_message like
 * Viber and passes each message to the citizens. Thread-safe.
 */
final class FakeViber implements Load.Channel, AutoCloseable {
    static final String TOKEN = "4453b6ac12345678-e02c5f12174805f9-benchbenchbench1";
    private static final String USER_PREFIX = "bench-user-";
    private static final byte[] OK = "{\"status\":0,\"status_message\":\"ok\"}".getBytes(StandardCharsets.UTF_8);

    private final ObjectMapper json = new ObjectMapper();
    private final HttpServer server;
    private final ExecutorService executor;
    private final WebhookSender client;
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(FakeViber::mac);
    private final AtomicLong tokens = new AtomicLong(5_000_000_000_000_000_000L);
    private volatile List<URI> webhooks;
    private final AtomicLong posts = new AtomicLong();
    private volatile Load load;
    private volatile String users = USER_PREFIX;
    final LongAdder sends = new LongAdder();

    FakeViber(int threads, int citizens) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 512);
        executor = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "fake-viber");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
        client = new WebhookSender(Math.max(1, citizens));
    }

    /** The API base to configure as viber.api-url. */
    URI apiUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/pa");
    }

    void attach(Load load, URI webhook) {
        attach(load, List.of(webhook), 0);
    }

    /**
     * Callbacks go to these webhooks in turn, as a load balancer in front of several instances
     * sends them; the citizens are Viber users of their own for each {@code phase}.
     */
    void attach(Load load, List<URI> webhooks, int phase) {
        this.users = USER_PREFIX + (phase == 0 ? "" : phase + "-");
        // Message tokens of their own per phase: a database that earlier runs used (PostgreSQL) has theirs.
        tokens.set(5_000_000_000_000_000_000L + phase * 100_000_000_000_000L);
        this.load = load;
        this.webhooks = List.copyOf(webhooks);
    }

    // ---- the citizens' side --------------------------------------------------------------------

    @Override
    public void send(Load.Citizen c, Script.Action a) {
        String user = users + c.index;
        String token = String.valueOf(tokens.incrementAndGet());
        String body;
        if (a.kind() == Script.Kind.START) {
            body = "{\"event\":\"conversation_started\",\"timestamp\":" + System.currentTimeMillis()
                    + ",\"message_token\":" + token
                    + ",\"type\":\"open\",\"user\":{\"id\":\"" + user
                    + "\",\"name\":\"Олена\",\"language\":\"uk\",\"country\":\"UA\","
                    + "\"api_version\":10},\"subscribed\":false}";
        } else {
            String message = switch (a.kind()) {
                case TEXT -> "{\"type\":\"text\",\"text\":\"" + a.value() + "\"}";
                case PRESS -> "{\"type\":\"text\",\"text\":\"btn:" + a.value() + "\"}";
                case LOCATION -> {
                    String[] p = a.value().split(",");
                    yield "{\"type\":\"location\",\"location\":{\"lat\":" + p[0] + ",\"lon\":" + p[1] + "}}";
                }
                case CONTACT ->
                    "{\"type\":\"contact\",\"contact\":{\"name\":\"Олена\",\"phone_number\":\"" + a.value() + "\"}}";
                default -> throw new IllegalStateException();
            };
            body = "{\"event\":\"message\",\"timestamp\":" + System.currentTimeMillis()
                    + ",\"chat_hostname\":\"SN-1_\",\"message_token\":"
                    + token + ",\"sender\":{\"id\":\"" + user
                    + "\",\"name\":\"Олена\",\"language\":\"uk\",\"country\":\"UA\","
                    + "\"api_version\":10},\"message\":" + message + ",\"silent\":false}";
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = Map.of(
                "X-Viber-Content-Signature", HexFormat.of().formatHex(macs.get().doFinal(bytes)));
        List<URI> targets = webhooks;
        URI webhook = targets.get((int) (posts.getAndIncrement() % targets.size()));
        client.post(webhook, headers, bytes, (status, answer) -> {
            Load l = load;
            if (status != 200) {
                l.failed(c.index);
            } else if (a.kind() == Script.Kind.START) {
                // conversation_started is answered in the response itself.
                l.shown(c.index, answer, 0);
            }
        });
    }

    private static Mac mac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(TOKEN.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- the bot's side ------------------------------------------------------------------------

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (exchange.getRequestURI().getPath().endsWith("/send_message")) {
                sends.increment();
                String receiver = receiver(body);
                Load l = load;
                String prefix = users;
                if (l != null && receiver.startsWith(prefix) && receiver.indexOf('-', prefix.length()) < 0) {
                    l.shown(
                            Integer.parseInt(receiver.substring(prefix.length())),
                            new String(body, StandardCharsets.UTF_8),
                            0);
                }
            }
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, OK.length);
            exchange.getResponseBody().write(OK);
        }
    }

    /** The top-level {@code receiver}, read without building the whole tree. */
    private String receiver(byte[] body) throws IOException {
        try (JsonParser p = json.getFactory().createParser(body)) {
            p.nextToken();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                if ("receiver".equals(field)) {
                    return p.getText();
                }
                p.skipChildren();
            }
        }
        return "";
    }

    @Override
    public void close() {
        client.close();
        server.stop(0);
        executor.shutdownNow();
    }
}
