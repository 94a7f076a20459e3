package ua.zvernennia.bench;

import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Posts the simulated messenger's callbacks to the app's webhook, as Telegram's and Viber's
 * servers do: one keep-alive HTTP/1.1 POST per update, as many in flight as there are citizens.
 * OkHttp, not java.net.http: the JDK client spent about 490 µs of CPU per request here, as much
 * as the app's whole webhook handling, and the load generator shares the machine with the app.
 * Thread-safe.
 */
final class WebhookSender implements AutoCloseable {
    private static final MediaType JSON = MediaType.get("application/json");

    /** What came of one post: the HTTP status and body, or {@code status} -1 when it failed. */
    interface Result {
        void done(int status, String body);
    }

    private final OkHttpClient http;

    WebhookSender(int inFlight) {
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequests(inFlight);
        dispatcher.setMaxRequestsPerHost(inFlight);
        http = new OkHttpClient.Builder()
                .dispatcher(dispatcher)
                .connectionPool(new ConnectionPool(inFlight, 1, TimeUnit.MINUTES))
                .readTimeout(60, TimeUnit.SECONDS)
                .retryOnConnectionFailure(false)
                .build();
    }

    void post(URI target, Map<String, String> headers, byte[] body, Result result) {
        Request.Builder request = new Request.Builder().url(target.toString()).post(RequestBody.create(body, JSON));
        headers.forEach(request::header);
        http.newCall(request.build()).enqueue(new Callback() {
            @Override
            public void onFailure(Call call, IOException e) {
                result.done(-1, "");
            }

            @Override
            public void onResponse(Call call, Response response) {
                try (response) {
                    result.done(response.code(), response.body().string());
                } catch (IOException e) {
                    result.done(-1, "");
                }
            }
        });
    }

    @Override
    public void close() {
        http.dispatcher().executorService().shutdownNow();
        http.connectionPool().evictAll();
    }
}
