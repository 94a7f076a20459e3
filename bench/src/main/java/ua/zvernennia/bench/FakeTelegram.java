package ua.zvernennia.bench;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A Bot API server on localhost that keeps up with the bot: getUpdates hands out what the
 * simulated citizens sent (confirmed by the offset, as Telegram does), sendMessage and
 * editMessageText are answered like Telegram and passed to the citizens. It keeps nothing per
 * chat, so a hundred thousand chats cost it nothing. Thread-safe.
 */
final class FakeTelegram implements Load.Channel, AutoCloseable {
    static final String TOKEN = "700000:BENCH-token_zvernennia";
    static final long CHAT_BASE = 10_000_000L;
    private static final long WEBHOOK_UPDATE_IDS = 1_000_000_000L;
    private static final byte[] TRUE = "{\"ok\":true,\"result\":true}".getBytes(StandardCharsets.UTF_8);

    private record Pending(long id, String json) {}

    private final ObjectMapper json = new ObjectMapper();
    private final HttpServer server;
    private final ExecutorService executor;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition arrived = lock.newCondition();
    private final ArrayDeque<Pending> pending = new ArrayDeque<>();
    private final AtomicInteger messageIds = new AtomicInteger(1);
    private final AtomicInteger queryIds = new AtomicInteger();
    private long nextUpdateId = 1;
    private long confirmed;
    private volatile Load load;
    private volatile long base = CHAT_BASE;
    /** Set in webhook mode: updates are posted to the app (its instances in turn) instead of waiting for getUpdates. */
    private volatile List<URI> webhooks;

    private final AtomicLong posts = new AtomicLong();
    private volatile String secret;
    private volatile WebhookSender sender;
    final LongAdder polls = new LongAdder();
    final LongAdder polled = new LongAdder();
    final LongAdder sends = new LongAdder();

    FakeTelegram(int threads) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 512);
        executor = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "fake-telegram");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /**
     * Webhook mode: each update is posted to {@code target} with the secret the app registered
     * with setWebhook, as Telegram does, instead of being handed out by getUpdates.
     */
    void pushTo(URI target, int inFlight) {
        pushTo(List.of(target), inFlight);
    }

    /** As {@link #pushTo(URI, int)}, to these targets in turn, as a load balancer in front of several instances sends them. */
    void pushTo(List<URI> targets, int inFlight) {
        lock.lock();
        try {
            // Update ids are the bot's, unique for good: past any the polling runs handed out.
            nextUpdateId = WEBHOOK_UPDATE_IDS;
        } finally {
            lock.unlock();
        }
        sender = new WebhookSender(inFlight);
        webhooks = List.copyOf(targets);
    }

    /** Routes the chats of {@code load} (from a chat id range of its own) to it. */
    void attach(Load load, int phase) {
        this.base = CHAT_BASE + phase * 1_000_000L;
        if (webhooks != null) {
            lock.lock();
            try {
                // Ids of their own per phase: a database that earlier runs used (PostgreSQL) has theirs.
                nextUpdateId = WEBHOOK_UPDATE_IDS + phase * 100_000_000L;
            } finally {
                lock.unlock();
            }
        }
        this.load = load;
    }

    // ---- the citizens' side --------------------------------------------------------------------

    @Override
    public void send(Load.Citizen c, Script.Action a) {
        long chat = base + c.index;
        String from = "{\"id\":" + chat + ",\"is_bot\":false,\"first_name\":\"Олена\"}";
        String chatJson = "{\"id\":" + chat + ",\"type\":\"private\"}";
        String date = String.valueOf(System.currentTimeMillis() / 1000);
        String body = switch (a.kind()) {
            case START, TEXT -> message(chatJson, from, date, "\"text\":\"" + a.value() + "\"");
            case LOCATION -> {
                String[] p = a.value().split(",");
                yield message(
                        chatJson, from, date, "\"location\":{\"latitude\":" + p[0] + ",\"longitude\":" + p[1] + "}");
            }
            case CONTACT ->
                message(
                        chatJson,
                        from,
                        date,
                        "\"contact\":{\"phone_number\":\"" + a.value() + "\",\"first_name\":\"Олена\",\"user_id\":"
                                + chat + "}");
            case PRESS ->
                "\"callback_query\":{\"id\":\"q" + queryIds.incrementAndGet()
                        + "\",\"chat_instance\":\"ci\",\"data\":\""
                        + a.value() + "\",\"from\":" + from + ",\"message\":{\"message_id\":"
                        + Math.max(1, c.lastMessageId)
                        + ",\"date\":" + date + ",\"chat\":" + chatJson + ",\"text\":\"menu\"}}";
        };
        List<URI> targets = webhooks;
        if (targets != null) {
            URI webhook = targets.get((int) (posts.getAndIncrement() % targets.size()));
            long id;
            lock.lock();
            try {
                id = nextUpdateId++;
            } finally {
                lock.unlock();
            }
            byte[] update = ("{\"update_id\":" + id + "," + body + "}").getBytes(StandardCharsets.UTF_8);
            sender.post(webhook, Map.of("X-Telegram-Bot-Api-Secret-Token", secret), update, (status, answer) -> {
                if (status != 200) {
                    load.failed(c.index);
                }
            });
            return;
        }
        lock.lock();
        try {
            long id = nextUpdateId++;
            pending.add(new Pending(id, "{\"update_id\":" + id + "," + body + "}"));
            arrived.signal();
        } finally {
            lock.unlock();
        }
    }

    /** A text from a chat of no load (a flooder): nobody waits for its answers. */
    void sendText(long chat, String text) {
        String from = "{\"id\":" + chat + ",\"is_bot\":false,\"first_name\":\"Флуд\"}";
        String chatJson = "{\"id\":" + chat + ",\"type\":\"private\"}";
        String body =
                message(chatJson, from, String.valueOf(System.currentTimeMillis() / 1000), "\"text\":\"" + text + "\"");
        lock.lock();
        try {
            long id = nextUpdateId++;
            pending.add(new Pending(id, "{\"update_id\":" + id + "," + body + "}"));
            arrived.signal();
        } finally {
            lock.unlock();
        }
    }

    private String message(String chat, String from, String date, String content) {
        return "\"message\":{\"message_id\":" + messageIds.incrementAndGet() + ",\"date\":" + date + ",\"chat\":" + chat
                + ",\"from\":" + from + "," + content + "}";
    }

    /** Waits until the bot has confirmed every update handed out (it polls again after each batch). */
    void awaitConfirmed(long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (System.currentTimeMillis() < deadline) {
            lock.lock();
            try {
                if (confirmed >= nextUpdateId) {
                    return;
                }
            } finally {
                lock.unlock();
            }
            Thread.sleep(50);
        }
    }

    // ---- the bot's side ------------------------------------------------------------------------

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            byte[] body = exchange.getRequestBody().readAllBytes();
            String method = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
            byte[] answer = switch (method) {
                case "getupdates" -> updates(json.readTree(body));
                case "sendmessage", "editmessagetext" -> shown(body, method.equals("sendmessage"));
                case "setwebhook" -> {
                    secret = json.readTree(body).path("secret_token").asText();
                    yield TRUE;
                }
                default -> TRUE;
            };
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private byte[] updates(JsonNode params) throws InterruptedException {
        long offset = params.path("offset").asLong(0);
        int limit = params.path("limit").asInt(100);
        long deadline = System.nanoTime()
                + TimeUnit.SECONDS.toNanos(params.path("timeout").asLong(0));
        var out = new StringBuilder("{\"ok\":true,\"result\":[");
        int n = 0;
        lock.lock();
        try {
            confirmed = Math.max(confirmed, offset);
            while (!pending.isEmpty() && pending.peek().id() < offset) {
                pending.poll();
            }
            while (pending.isEmpty()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                arrived.awaitNanos(left);
            }
            for (Pending p : pending) {
                if (n == limit) {
                    break;
                }
                out.append(n++ == 0 ? "" : ",").append(p.json());
            }
        } finally {
            lock.unlock();
        }
        polls.increment();
        polled.add(n);
        return out.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    private byte[] shown(byte[] raw, boolean fresh) throws IOException {
        sends.increment();
        long chat = 0;
        int messageId = 0;
        // Only two top-level fields matter here: read them without building the whole tree.
        try (JsonParser p = json.getFactory().createParser(raw)) {
            p.nextToken();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if ("chat_id".equals(field)) {
                    chat = value == JsonToken.VALUE_STRING ? Long.parseLong(p.getText()) : p.getLongValue();
                } else if ("message_id".equals(field)) {
                    messageId = value == JsonToken.VALUE_STRING ? Integer.parseInt(p.getText()) : p.getIntValue();
                } else {
                    p.skipChildren();
                }
            }
        }
        if (fresh) {
            messageId = messageIds.incrementAndGet();
        }
        Load l = load;
        if (l != null) {
            long index = chat - base;
            l.shown(
                    index < 0 || index > Integer.MAX_VALUE ? -1 : (int) index,
                    new String(raw, StandardCharsets.UTF_8),
                    messageId);
        }
        return ("{\"ok\":true,\"result\":{\"message_id\":" + messageId + ",\"date\":"
                        + System.currentTimeMillis() / 1000 + ",\"chat\":{\"id\":" + chat
                        + ",\"type\":\"private\"},\"text\":\"ok\"}}")
                .getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        if (sender != null) {
            sender.close();
        }
        lock.lock();
        try {
            pending.clear();
            arrived.signalAll();
        } finally {
            lock.unlock();
        }
        server.stop(0);
        executor.shutdownNow();
    }
}
