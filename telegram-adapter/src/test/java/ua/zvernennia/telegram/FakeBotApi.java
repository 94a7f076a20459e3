package ua.zvernennia.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

/**
 * A Bot API server on localhost for tests: keeps updates for getUpdates (confirming them by the
 * offset, as Telegram does), answers sendMessage/editMessageText like Telegram, can be told to
 * fail the next calls of a method, and records every request it gets. Thread-safe.
 */
public final class FakeBotApi implements AutoCloseable {
    public static final String TOKEN = "123456:TEST-token_abc";
    private int pollsNow;
    private int mostPollsAtOnce;

    /** One request: the method (or "file"), its JSON parameters and the path after the token. */
    public record Call(String method, JsonNode params, String path) {
        public long chatId() {
            return params.path("chat_id").asLong();
        }

        public String text() {
            return params.path("text").asText(null);
        }
    }

    /** A message as the chat shows it now. */
    public record Shown(long chatId, int messageId, String text, JsonNode markup) {}

    private record Failure(int code, String description, Integer retryAfter) {}

    private final ObjectMapper json = new ObjectMapper();
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<Call> calls = new ArrayList<>();
    private final Deque<Map.Entry<Long, String>> pending = new ArrayDeque<>();
    private final Map<String, Deque<Failure>> failures = new HashMap<>();
    private final Map<Long, Map<Integer, Shown>> chats = new HashMap<>();
    private final List<Shown> shown = new ArrayList<>();
    /** Contents of files by file_id; others are served as "bytes of" their path. */
    private final Map<String, byte[]> files = new HashMap<>();

    private boolean filesGone;
    private long nextUpdateId = 1000;
    private int nextMessageId = 1;
    private boolean closed;

    public FakeBotApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    // ---- updates ------------------------------------------------------------------------------

    /** Queues updates for getUpdates, all in one go; returns their update_ids. */
    public synchronized List<Long> enqueue(List<ObjectNode> updates) {
        var ids = new ArrayList<Long>();
        for (ObjectNode u : updates) {
            long id = nextUpdateId++;
            u.put("update_id", id);
            pending.add(Map.entry(id, u.toString()));
            ids.add(id);
        }
        notifyAll();
        return ids;
    }

    /** Queues an update as raw JSON text (which may be malformed) under a fresh update_id. */
    public synchronized long enqueueRaw(String jsonWithIdPlaceholder) {
        long id = nextUpdateId++;
        pending.add(Map.entry(id, jsonWithIdPlaceholder.replace("$ID", String.valueOf(id))));
        notifyAll();
        return id;
    }

    public synchronized long newUpdateId() {
        return nextUpdateId++;
    }

    // ---- scripting and records ------------------------------------------------------------------

    /** The next call of {@code method} fails with this Bot API error. */
    /** Serves {@code bytes} as the file with this file_id. */
    public synchronized void file(String fileId, byte[] bytes) {
        files.put(fileId, bytes.clone());
    }

    /** From now on every getFile fails, as for a file Telegram no longer has. */
    public synchronized void forgetFiles() {
        filesGone = true;
    }

    private synchronized byte[] fileBytes(String filePath) {
        String id = filePath.startsWith("photos/") && filePath.endsWith(".jpg")
                ? filePath.substring(7, filePath.length() - 4)
                : filePath;
        byte[] b = files.get(id);
        return b != null ? b : ("bytes of " + filePath).getBytes(StandardCharsets.UTF_8);
    }

    private synchronized boolean filesGone() {
        return filesGone;
    }

    public synchronized void failNext(String method, int code, String description, Integer retryAfter) {
        failures.computeIfAbsent(canonical(method), k -> new ArrayDeque<>())
                .add(new Failure(code, description, retryAfter));
    }

    public synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    public synchronized List<Call> calls(String method) {
        return calls.stream().filter(c -> c.method().equals(canonical(method))).toList();
    }

    public synchronized List<Long> offsets() {
        return calls.stream()
                .filter(c -> c.method().equals("getUpdates"))
                .map(c -> c.params().path("offset").asLong(0))
                .toList();
    }

    /** Every message shown or re-shown (edited) in this chat, oldest first. */
    public synchronized List<Shown> shown(long chatId) {
        return shown.stream().filter(s -> s.chatId() == chatId).toList();
    }

    public synchronized int shownCount() {
        return shown.size();
    }

    public synchronized List<Shown> shownSince(int index, Predicate<Shown> filter) {
        return shown.subList(Math.min(index, shown.size()), shown.size()).stream()
                .filter(filter)
                .toList();
    }

    // ---- HTTP -----------------------------------------------------------------------------------

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            byte[] body = exchange.getRequestBody().readAllBytes();
            String filePrefix = "/file/bot" + TOKEN + "/";
            String methodPrefix = "/bot" + TOKEN + "/";
            if (path.startsWith(filePrefix)) {
                String filePath = path.substring(filePrefix.length());
                record(new Call("file", json.createObjectNode(), filePath));
                respond(exchange, 200, fileBytes(filePath));
                return;
            }
            if (!path.startsWith(methodPrefix)) {
                respond(
                        exchange,
                        404,
                        "{\"ok\":false,\"error_code\":404,\"description\":\"Not Found\"}"
                                .getBytes(StandardCharsets.UTF_8));
                return;
            }
            // Bot API method names are case-insensitive; telegrambots sends them in lower case.
            String method = canonical(path.substring(methodPrefix.length()));
            String type = exchange.getRequestHeaders().getFirst("Content-Type");
            JsonNode params = body.length == 0
                    ? json.createObjectNode()
                    : type != null && type.startsWith("multipart/form-data")
                            ? multipart(type, body)
                            : json.readTree(body);
            record(new Call(method, params, path));
            Failure failure = method.equals("getFile") && filesGone()
                    ? new Failure(400, "Bad Request: invalid file_id", null)
                    : nextFailure(method);
            if (failure != null) {
                ObjectNode answer = json.createObjectNode()
                        .put("ok", false)
                        .put("error_code", failure.code())
                        .put("description", failure.description());
                if (failure.retryAfter() != null) {
                    answer.putObject("parameters").put("retry_after", failure.retryAfter());
                }
                respond(exchange, failure.code(), answer.toString().getBytes(StandardCharsets.UTF_8));
                return;
            }
            String result = switch (method) {
                case "getUpdates" -> updates(params);
                case "sendMessage" -> send(params);
                case "sendPhoto" ->
                    send(json.createObjectNode()
                            .put("chat_id", params.path("chat_id").asText())
                            .put(
                                    "text",
                                    "[photo " + params.path("photo").asText() + "] "
                                            + params.path("caption").asText())
                            .set("reply_markup", params.get("reply_markup")));
                case "editMessageText" -> edit(params);
                case "getFile" ->
                    json.createObjectNode()
                            .put("file_id", params.path("file_id").asText())
                            .put("file_unique_id", "u-" + params.path("file_id").asText())
                            .put("file_size", 12)
                            .put("file_path", "photos/" + params.path("file_id").asText() + ".jpg")
                            .toString();
                default -> "true";
            };
            if (result == null) {
                respond(
                        exchange,
                        400,
                        "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: message to edit not found\"}"
                                .getBytes(StandardCharsets.UTF_8));
                return;
            }
            respond(exchange, 200, ("{\"ok\":true,\"result\":" + result + "}").getBytes(StandardCharsets.UTF_8));
        } catch (RuntimeException | InterruptedException e) {
            respond(
                    exchange,
                    500,
                    "{\"ok\":false,\"error_code\":500,\"description\":\"fake failed\"}"
                            .getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * A multipart request's fields (as sendPhoto sends them): text fields by name, an uploaded
     * file as {@code <upload NAME SIZE>}; a field holding JSON (reply_markup) is parsed.
     */
    private JsonNode multipart(String type, byte[] body) throws IOException {
        String boundary = "--"
                + type.substring(type.indexOf("boundary=") + "boundary=".length())
                        .replace("\"", "")
                        .strip();
        String all = new String(body, StandardCharsets.ISO_8859_1);
        ObjectNode fields = json.createObjectNode();
        for (String part : all.split(java.util.regex.Pattern.quote(boundary))) {
            int split = part.indexOf("\r\n\r\n");
            if (split < 0) {
                continue;
            }
            String headers = part.substring(0, split);
            String content = part.substring(split + 4);
            if (content.endsWith("\r\n")) {
                content = content.substring(0, content.length() - 2);
            }
            var name = java.util.regex.Pattern.compile("name=\"([^\"]*)\"").matcher(headers);
            if (!name.find()) {
                continue;
            }
            if (headers.contains("filename=")) {
                fields.put(name.group(1), "<upload " + name.group(1) + " " + content.length() + ">");
                continue;
            }
            String value = new String(content.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
            if (name.group(1).equals("reply_markup")) {
                fields.set("reply_markup", json.readTree(value));
            } else {
                fields.put(name.group(1), value);
            }
        }
        return fields;
    }

    private static final List<String> METHODS = List.of(
            "getUpdates",
            "sendMessage",
            "sendPhoto",
            "editMessageText",
            "getFile",
            "answerCallbackQuery",
            "setWebhook",
            "deleteWebhook");

    private static String canonical(String method) {
        return METHODS.stream()
                .filter(m -> m.equalsIgnoreCase(method))
                .findFirst()
                .orElse(method);
    }

    private synchronized void record(Call call) {
        calls.add(call);
    }

    private synchronized Failure nextFailure(String method) {
        Deque<Failure> queue = failures.get(method);
        return queue == null ? null : queue.poll();
    }

    /**
     * The most getUpdates calls that were ever waiting at once: Telegram serves one at a time
     * (it ends the older with 409), so a bot polling from two places at once shows here as 2.
     */
    public synchronized int mostPollsAtOnce() {
        return mostPollsAtOnce;
    }

    /** Forgets the polls counted so far (before a poller is killed and its long poll left hanging here). */
    public synchronized void resetPollsAtOnce() {
        mostPollsAtOnce = pollsNow;
    }

    private synchronized String updates(JsonNode params) throws InterruptedException {
        pollsNow++;
        mostPollsAtOnce = Math.max(mostPollsAtOnce, pollsNow);
        try {
            return waitForUpdates(params);
        } finally {
            pollsNow--;
        }
    }

    private synchronized String waitForUpdates(JsonNode params) throws InterruptedException {
        long offset = params.path("offset").asLong(0);
        int limit = params.path("limit").asInt(100);
        long deadline = System.nanoTime() + params.path("timeout").asLong(0) * 1_000_000_000L;
        while (true) {
            // Telegram forgets updates below the offset: they are confirmed.
            pending.removeIf(e -> e.getKey() < offset);
            if (!pending.isEmpty() || closed) {
                break;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        var result = new StringBuilder("[");
        int n = 0;
        for (var e : pending) {
            if (n == limit) {
                break;
            }
            result.append(n++ == 0 ? "" : ",").append(e.getValue());
        }
        return result.append(']').toString();
    }

    private synchronized String send(JsonNode params) {
        long chatId = params.path("chat_id").asLong();
        Shown s = new Shown(chatId, nextMessageId++, params.path("text").asText(), params.get("reply_markup"));
        chats.computeIfAbsent(chatId, k -> new LinkedHashMap<>()).put(s.messageId(), s);
        shown.add(s);
        return message(s);
    }

    private synchronized String edit(JsonNode params) {
        long chatId = params.path("chat_id").asLong();
        int messageId = params.path("message_id").asInt();
        Map<Integer, Shown> chat = chats.get(chatId);
        if (chat == null || !chat.containsKey(messageId)) {
            return null;
        }
        Shown s = new Shown(chatId, messageId, params.path("text").asText(), params.get("reply_markup"));
        chat.put(messageId, s);
        shown.add(s);
        return message(s);
    }

    private String message(Shown s) {
        ObjectNode m = json.createObjectNode()
                .put("message_id", s.messageId())
                .put("date", 1773129600)
                .put("text", s.text());
        m.putObject("chat").put("id", s.chatId()).put("type", "private");
        return m.toString();
    }

    private void respond(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            notifyAll();
        }
        server.stop(0);
        executor.shutdownNow();
    }
}
