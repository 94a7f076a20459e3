package ua.zvernennia.app;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import ua.zvernennia.app.api.ApiJson;

/** Real HTTP calls to the app under test, with a bearer token. */
final class ApiClient {
    record Response(int status, String body) {
        JsonNode json() {
            try {
                return ApiJson.MAPPER.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }
    }

    private final HttpClient http = HttpClient.newHttpClient();
    private final int port;
    private final String token;

    ApiClient(int port, String token) {
        this.port = port;
        this.token = token;
    }

    ApiClient as(String otherToken) {
        return new ApiClient(port, otherToken);
    }

    Response get(String path) {
        return send(builder(path).GET());
    }

    Response delete(String path) {
        return send(builder(path).DELETE());
    }

    Response post(String path, String json) {
        return send(builder(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** Posts a YAML (or other text) body. */
    Response postText(String path, String text) {
        return send(builder(path)
                .header("Content-Type", "application/yaml")
                .POST(HttpRequest.BodyPublishers.ofString(text)));
    }

    Response put(String path, String json) {
        return send(builder(path)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    Response patch(String path, String json) {
        return send(builder(path)
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
    }

    /** A part of a multipart/form-data body: a field (no file name) or a file. */
    record Part(String name, String fileName, String contentType, byte[] bytes) {
        static Part field(String name, String value) {
            return new Part(name, null, null, value.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }

        static Part file(String name, String fileName, String contentType, byte[] bytes) {
            return new Part(name, fileName, contentType, bytes);
        }
    }

    /** Posts the parts as multipart/form-data, as a browser's form or curl -F does. */
    Response postMultipart(String path, java.util.List<Part> parts) {
        String boundary = "zv-" + java.util.UUID.randomUUID();
        var body = new java.io.ByteArrayOutputStream();
        for (Part p : parts) {
            StringBuilder head = new StringBuilder("--" + boundary + "\r\n");
            head.append("Content-Disposition: form-data; name=\"")
                    .append(p.name())
                    .append('"');
            if (p.fileName() != null) {
                head.append("; filename=\"").append(p.fileName()).append('"');
            }
            head.append("\r\n");
            if (p.contentType() != null) {
                head.append("Content-Type: ").append(p.contentType()).append("\r\n");
            }
            head.append("\r\n");
            body.writeBytes(head.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            body.writeBytes(p.bytes());
            body.writeBytes("\r\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return send(builder(path)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    /** An answer's status, headers and bytes (an image). */
    record Bytes(int status, java.net.http.HttpHeaders headers, byte[] body) {}

    Bytes getBytes(String path) {
        try {
            HttpResponse<byte[]> r = http.send(builder(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Bytes(r.statusCode(), r.headers(), r.body());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private HttpRequest.Builder builder(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    private Response send(HttpRequest.Builder b) {
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.body());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
