package ua.zvernennia.viber;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Calls the Viber REST Bot API: a JSON POST to {@code <apiUrl>/<method>} carrying the auth token
 * in {@code X-Viber-Auth-Token}. Knows nothing of what the calls mean; callers read
 * {@link Outcome}. Thread-safe: one shared OkHttp client (the HTTP client the Telegram side uses
 * too), whose pool keeps connections to the API open between calls.
 */
public final class ViberApi {
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    /** Idle connections kept open to the API: enough for the chats sending at once. */
    private static final int IDLE_CONNECTIONS = 64;

    private final ViberSettings settings;
    private final OkHttpClient http;
    private final ObjectMapper json = new ObjectMapper();

    public ViberApi(ViberSettings settings) {
        this.settings = settings;
        long timeout = settings.requestTimeout().toMillis();
        this.http = new OkHttpClient.Builder()
                .connectionPool(new ConnectionPool(IDLE_CONNECTIONS, 5, TimeUnit.MINUTES))
                .connectTimeout(timeout, TimeUnit.MILLISECONDS)
                .readTimeout(timeout, TimeUnit.MILLISECONDS)
                .writeTimeout(timeout, TimeUnit.MILLISECONDS)
                .callTimeout(timeout, TimeUnit.MILLISECONDS)
                // A call that failed is the outbox's to try again, after its back-off.
                .retryOnConnectionFailure(false)
                .followRedirects(false)
                .build();
    }

    /** What one call came to. */
    public sealed interface Outcome {
        /**
         * Viber answered; {@code status} 0 is success, anything else one of its error codes.
         * {@code body} is the whole answer (it may hold a {@code message_token}).
         */
        record Answered(int status, String statusMessage, JsonNode body) implements Outcome {}

        /** The HTTP exchange itself failed: a status other than 200 or an unreadable answer. */
        record HttpError(int httpStatus, String reason) implements Outcome {}

        /** No answer at all: connection refused, reset, timed out. */
        record NetworkError(String reason) implements Outcome {}
    }

    /** Posts {@code body} to the API method, e.g. {@code send_message}. Never throws for I/O. */
    public Outcome call(String method, ObjectNode body) {
        Request request = new Request.Builder()
                .url(endpoint(method).toString())
                .header("X-Viber-Auth-Token", settings.authToken())
                .post(RequestBody.create(bytes(body), JSON))
                .build();
        int status;
        byte[] answerBytes;
        try (Response response = http.newCall(request).execute()) {
            status = response.code();
            answerBytes = status == 200 ? response.body().bytes() : null;
        } catch (IOException e) {
            return new Outcome.NetworkError(e.getClass().getSimpleName());
        }
        if (status != 200) {
            return new Outcome.HttpError(status, "HTTP " + status);
        }
        try {
            JsonNode answer = json.readTree(answerBytes);
            if (answer == null || !answer.path("status").isIntegralNumber()) {
                return new Outcome.HttpError(200, "an answer without a status");
            }
            return new Outcome.Answered(
                    answer.path("status").asInt(), answer.path("status_message").asText(""), answer);
        } catch (IOException e) {
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
