package ua.zvernennia.viber;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Predicate;

/**
 * A local stand-in for the Viber REST API: records every request as it came over the wire and
 * answers with scripted replies, then with success. Thread-safe.
 */
public final class FakeViberApi implements AutoCloseable {
    public record Request(String path, String authToken, String contentType, JsonNode body) {
        public String method() {
            return path.substring(path.lastIndexOf('/') + 1);
        }

        public String text() {
            return body.path("text").asText();
        }
    }

    /** A scripted answer: an HTTP status and a body. */
    public record Answer(int httpStatus, String body) {
        public static Answer status(int status, String message) {
            return new Answer(200, "{\"status\":" + status + ",\"status_message\":\"" + message + "\"}");
        }
    }

    private final ObjectMapper json = new ObjectMapper();
    private final HttpServer server;
    private final List<Request> requests = new ArrayList<>();
    private final Deque<Answer> scripted = new ArrayDeque<>();
    private long tokens = 5_000_000_000_000_000_000L;

    public FakeViberApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/pa/", this::exchange);
        server.start();
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/pa");
    }

    /** The next requests get these answers, in order; later ones succeed. */
    public synchronized FakeViberApi thenAnswer(Answer... answers) {
        scripted.addAll(List.of(answers));
        return this;
    }

    public synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    public synchronized List<Request> sent() {
        return requests.stream().filter(r -> r.method().equals("send_message")).toList();
    }

    /** Waits until {@code count} send_message requests have arrived; returns them all. */
    public List<Request> awaitSent(int count) {
        return await(r -> r.method().equals("send_message"), count);
    }

    /** Waits until a send_message whose text contains {@code fragment} has arrived; returns all sent. */
    public List<Request> awaitText(String fragment) {
        await(r -> r.method().equals("send_message") && r.text().contains(fragment), 1);
        return sent();
    }

    public synchronized List<Request> await(Predicate<Request> which, int count) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (requests.stream().filter(which).count() < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("expected " + count + " matching requests; got "
                        + requests.stream().map(Request::body).toList());
            }
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted");
            }
        }
        return requests.stream().filter(which).toList();
    }

    private void exchange(HttpExchange exchange) throws IOException {
        JsonNode body = json.readTree(exchange.getRequestBody().readAllBytes());
        Answer answer;
        synchronized (this) {
            requests.add(new Request(
                    exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("X-Viber-Auth-Token"),
                    exchange.getRequestHeaders().getFirst("Content-Type"),
                    body));
            answer = scripted.isEmpty()
                    ? new Answer(200, "{\"status\":0,\"status_message\":\"ok\",\"message_token\":" + (++tokens) + "}")
                    : scripted.poll();
            notifyAll();
        }
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(answer.httpStatus(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
