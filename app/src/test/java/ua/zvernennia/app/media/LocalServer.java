package ua.zvernennia.app.media;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;

/** A local HTTP server that answers every path the same way and records what it was asked. */
final class LocalServer implements AutoCloseable {
    private final HttpServer server;
    private final List<String> requests = new ArrayList<>();
    private volatile int status = 200;
    private volatile byte[] body = new byte[0];
    private volatile String location;

    LocalServer(String address) throws IOException {
        server = HttpServer.create(new InetSocketAddress(address, 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", exchange -> {
            try (exchange) {
                synchronized (requests) {
                    requests.add(exchange.getRequestURI().toString());
                }
                exchange.getRequestBody().readAllBytes();
                if (location != null) {
                    exchange.getResponseHeaders().add("Location", location);
                }
                exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
                if (body.length > 0) {
                    exchange.getResponseBody().write(body);
                }
            }
        });
        server.start();
    }

    LocalServer serve(byte[] bytes) {
        status = 200;
        body = bytes.clone();
        location = null;
        return this;
    }

    LocalServer redirect(String to) {
        status = 302;
        body = new byte[0];
        location = to;
        return this;
    }

    String url(String path) {
        return "http://" + server.getAddress().getAddress().getHostAddress() + ":"
                + server.getAddress().getPort() + path;
    }

    int port() {
        return server.getAddress().getPort();
    }

    List<String> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
