package ua.zvernennia.viber;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * Calls the Viber REST Bot API: a JSON POST to {@code <apiUrl>/<method>} carrying the auth token
 * in {@code X-Viber-Auth-Token}. Knows nothing of what the calls mean; callers read
 * {@link Outcome}. Thread-safe (one shared {@link HttpClient}).
 */
public final class ViberApi {
    private final ViberSettings settings;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();

    public ViberApi(ViberSettings settings) {
        this(settings, HttpClient.newBuilder().connectTimeout(settings.requestTimeout()).build());
    }

    public ViberApi(ViberSettings settings, HttpClient http) {
        this.settings = settings;
        this.http = http;
    }

    /** What one call came to. */
    public sealed interface Outcome {
        /**
         * Viber answered; {@code status} 0 is success, anything else one of its error codes.
         * {@code body} is the whole answer (it may hold a {@code message_token}).
         */
        record Answered(int status, String statusMessage, JsonNode body) implements Outcome {
        }

        /** The HTTP exchange itself failed: a status other than 200 or an unreadable answer. */
        record HttpError(int httpStatus, String reason) implements Outcome {
        }

        /** No answer at all: connection refused, reset, timed out. */
        record NetworkError(String reason) implements Outcome {
        }
    }

    /** Posts {@code body} to the API method, e.g. {@code send_message}. Never throws for I/O. */
    public Outcome call(String method, ObjectNode body) {
        HttpRequest request = HttpRequest.newBuilder(endpoint(method))
                .timeout(settings.requestTimeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .header("X-Viber-Auth-Token", settings.authToken())
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes(body)))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Outcome.NetworkError(e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome.NetworkError("interrupted");
        }
        if (response.statusCode() != 200) {
            return new Outcome.HttpError(response.statusCode(), "HTTP " + response.statusCode());
        }
        try {
            JsonNode answer = json.readTree(response.body());
            if (answer == null || !answer.path("status").isIntegralNumber()) {
                return new Outcome.HttpError(200, "an answer without a status");
            }
            return new Outcome.Answered(answer.path("status").asInt(), answer.path("status_message").asText(""), answer);
        } catch (JsonProcessingException e) {
            return new Outcome.HttpError(200, "an answer that is not JSON");
        }
    }

    ObjectMapper json() {
        return json;
    }

    private URI endpoint(String method) {
        String base = settings.apiUrl().toString();
        return URI.create(base.endsWith("/") ? base + method : base + "/" + method);
    }

    private byte[] bytes(ObjectNode body) {
        try {
            return json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a JSON tree", e);
        }
    }
}
