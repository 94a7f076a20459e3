package ua.zvernennia.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * The Bot API calls made without the telegrambots client, because their raw JSON or bytes are
 * needed: getUpdates (each update parsed on its own), setWebhook/deleteWebhook (the client sends
 * those as multipart) and file downloads (the client ignores the configured API server for
 * those). Every error it throws has the token taken out of its message. Thread-safe.
 */
final class BotApiHttp {
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    /** A refusal or failure of a Bot API call; the message never contains the token. */
    static final class BotApiException extends IOException {
        private final int status;

        BotApiException(int status, String message, Throwable cause) {
            super(message, cause);
            this.status = status;
        }

        /** The HTTP status or Bot API error_code; 0 when the server was not reached. */
        int status() {
            return status;
        }
    }

    private final OkHttpClient http;
    private final HttpUrl base;
    private final String token;
    private final ObjectMapper json;

    BotApiHttp(OkHttpClient http, TelegramSettings settings, ObjectMapper json) {
        this.http = http;
        this.token = settings.token();
        this.json = json;
        var url = settings.telegramUrl();
        this.base = new HttpUrl.Builder()
                .scheme(url.getSchema())
                .host(url.getHost())
                .port(url.getPort())
                .build();
    }

    /** Calls a method with JSON parameters and returns its {@code result}. */
    JsonNode call(String method, Map<String, ?> params) throws BotApiException {
        return call(method, params, http, c -> {});
    }

    /** Like {@link #call} on another client (longer timeouts); {@code started} gets the call, to cancel it. */
    JsonNode call(String method, Map<String, ?> params, OkHttpClient client, java.util.function.Consumer<Call> started)
            throws BotApiException {
        HttpUrl url = base.newBuilder()
                .addPathSegment("bot" + token)
                .addPathSegment(method)
                .build();
        byte[] body;
        try {
            body = json.writeValueAsBytes(params);
        } catch (IOException e) {
            throw new BotApiException(0, method + ": cannot write parameters", null);
        }
        Call call = client.newCall(new Request.Builder()
                .url(url)
                .post(RequestBody.create(body, JSON))
                .build());
        started.accept(call);
        return execute(method, call);
    }

    private JsonNode execute(String method, Call call) throws BotApiException {
        try (Response response = call.execute()) {
            ResponseBody body = response.body();
            JsonNode answer;
            try {
                answer = body == null ? null : json.readTree(body.byteStream());
            } catch (IOException e) {
                answer = null;
            }
            if (answer == null || !answer.isObject()) {
                throw new BotApiException(
                        response.code(), method + ": HTTP " + response.code() + " without a Bot API answer", null);
            }
            if (!answer.path("ok").asBoolean(false)) {
                int code = answer.path("error_code").asInt(response.code());
                throw new BotApiException(
                        code,
                        method + ": " + code + " "
                                + redact(answer.path("description").asText("")),
                        null);
            }
            return answer.path("result");
        } catch (BotApiException e) {
            throw e;
        } catch (IOException e) {
            throw new BotApiException(
                    0,
                    method + ": " + e.getClass().getSimpleName() + " " + redact(String.valueOf(e.getMessage())),
                    null);
        }
    }

    /**
     * Opens a file Telegram keeps for the bot ({@code file_path} from getFile). The caller closes
     * the stream. Refuses files over {@code maxBytes}.
     */
    InputStream download(String filePath, long maxBytes) throws BotApiException {
        HttpUrl.Builder url = base.newBuilder().addPathSegment("file").addPathSegment("bot" + token);
        for (String segment : filePath.split("/")) {
            if (!segment.isEmpty()) {
                url.addPathSegment(segment);
            }
        }
        Response response = null;
        try {
            response = http.newCall(new Request.Builder().url(url.build()).get().build())
                    .execute();
            ResponseBody body = response.body();
            if (!response.isSuccessful() || body == null) {
                throw new BotApiException(response.code(), "file download: HTTP " + response.code(), null);
            }
            if (body.contentLength() > maxBytes) {
                throw new BotApiException(
                        response.code(), "file download: " + body.contentLength() + " bytes is over the limit", null);
            }
            InputStream in = body.byteStream();
            response = null;
            return in;
        } catch (BotApiException e) {
            throw e;
        } catch (IOException e) {
            throw new BotApiException(
                    0,
                    "file download: " + e.getClass().getSimpleName() + " " + redact(String.valueOf(e.getMessage())),
                    null);
        } finally {
            if (response != null) {
                response.close();
            }
        }
    }

    /** The text without the token, for messages that might quote a URL. */
    String redact(String text) {
        return text == null ? null : text.replace(token, "<token>");
    }
}
