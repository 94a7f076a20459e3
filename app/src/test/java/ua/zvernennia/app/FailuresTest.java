package ua.zvernennia.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ua.zvernennia.app.api.Api;
import ua.zvernennia.app.api.ApiJson;
import ua.zvernennia.app.api.Authenticator;
import ua.zvernennia.app.api.ClientAddress;
import ua.zvernennia.app.api.MemorySignInLimits;
import ua.zvernennia.app.api.TokenController;
import ua.zvernennia.app.api.TokenIssuer;
import ua.zvernennia.app.console.Console;
import ua.zvernennia.core.desk.ApiTokenStore;
import ua.zvernennia.core.engine.StorageUnavailableException;
import ua.zvernennia.core.refusal.Refusal;

/**
 * What a handler throws, as the API and the console answer it: each kind of refusal with its
 * status, a fault of the storage with 503, and a fault of the program with 500 and an error id
 * that the log line with the stack trace carries too, without the exception's message.
 */
class FailuresTest {
    private static final String ADMIN = "failures-test-admin-token-0123456789abcdef";
    /** What a broken port says: it must reach neither the answer nor the log. */
    private static final String SECRET = "Петренко +380501234567";

    private static final Map<Refusal.Kind, Integer> STATUS = Map.of(
            Refusal.Kind.INVALID, 400,
            Refusal.Kind.UNAUTHENTICATED, 401,
            Refusal.Kind.FORBIDDEN, 403,
            Refusal.Kind.NOT_FOUND, 404,
            Refusal.Kind.CONFLICT, 409,
            Refusal.Kind.GONE, 410,
            Refusal.Kind.TOO_MANY, 429,
            Refusal.Kind.UNAVAILABLE, 503);

    private final HttpClient http = HttpClient.newHttpClient();
    private WebServer web;

    /** Tokens whose list has a bug; nobody else holds a token. */
    private static final class BrokenTokens implements ApiTokenStore {
        @Override
        public long create(String name, String role, Long executorId, String token, String createdBy, Instant now) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<ApiToken> list() {
            throw new IllegalArgumentException("a bug that quotes " + SECRET);
        }

        @Override
        public Optional<ApiToken> findActiveByHash(String hash) {
            return Optional.empty();
        }

        @Override
        public boolean revoke(long id, Instant now) {
            return false;
        }
    }

    static Refusal refusal(Refusal.Kind kind) {
        return switch (kind) {
            case INVALID -> Refusal.invalid("phone", "phone: a Ukrainian number");
            case UNAUTHENTICATED -> Refusal.unauthenticated("missing bearer token");
            case FORBIDDEN -> Refusal.forbidden("admins only");
            case NOT_FOUND -> Refusal.notFound("no appeal 2026-000001");
            case CONFLICT -> Refusal.conflict("cannot move 2026-000001 from RESOLVED to IN_PROGRESS");
            case GONE -> Refusal.gone("photo 0 of appeal 2026-000001 was erased");
            case TOO_MANY -> Refusal.tooMany("too many failed tokens from here", Duration.ofMillis(1500));
            case UNAVAILABLE ->
                Refusal.unavailable("photo 0 of appeal 2026-000001 is still being downloaded", Duration.ofSeconds(5));
        };
    }

    @BeforeEach
    void start() {
        Clock clock = Clock.systemUTC();
        var tokens = new BrokenTokens();
        var authenticator = new Authenticator(Optional.of(ADMIN), tokens);
        var api = new Api(authenticator, new MemorySignInLimits(), new ClientAddress(Set.of()), clock);
        var console = new Console(authenticator, clock, ZoneOffset.UTC);
        var failures = Endpoints.failures(api, console);
        web = WebServer.start(
                Optional.of("127.0.0.1"), 0, () -> true, () -> null, (method, route, status, took) -> {}, routes -> {
                    failures.register(routes);
                    api.routes(routes);
                    new TokenController(tokens, new TokenIssuer(tokens, clock), clock, null).routes(routes);
                    for (String base : List.of("/api/test", "/console/test")) {
                        routes.get(base + "/refusal/{kind}", ctx -> {
                            throw refusal(Refusal.Kind.valueOf(ctx.pathParam("kind")));
                        });
                        routes.get(base + "/storage", ctx -> {
                            throw new StorageUnavailableException("the disk is full", null);
                        });
                        routes.get(base + "/bug", ctx -> {
                            throw new IllegalStateException("a bug", new IllegalArgumentException(SECRET));
                        });
                    }
                });
    }

    @AfterEach
    void stop() {
        web.close();
    }

    @Test
    void eachKindOfRefusalHasItsStatusOnTheApiAndOnTheConsole() {
        for (Refusal.Kind kind : Refusal.Kind.values()) {
            Refusal expected = refusal(kind);
            HttpResponse<String> api = get("/api/test/refusal/" + kind, null);
            assertThat(api.statusCode()).as("API, " + kind).isEqualTo(STATUS.get(kind));
            assertThat(api.headers().firstValue("Content-Type"))
                    .get()
                    .asString()
                    .startsWith("application/json");
            JsonNode body = json(api);
            assertThat(body.get("status").asInt()).isEqualTo(STATUS.get(kind));
            assertThat(body.get("error").asText()).isEqualTo(expected.getMessage());

            HttpResponse<String> console = get("/console/test/refusal/" + kind, null);
            assertThat(console.statusCode()).as("console, " + kind).isEqualTo(STATUS.get(kind));
            assertThat(console.headers().firstValue("Content-Type"))
                    .get()
                    .asString()
                    .startsWith("text/html");
            assertThat(console.body())
                    .contains(expected.getMessage().replace("'", "&#39;"))
                    .doesNotContain("\"status\"");
        }
    }

    @Test
    void aRefusalSaysWhichFieldAndWhenToAskAgain() {
        assertThat(json(get("/api/test/refusal/INVALID", null)).get("field").asText())
                .isEqualTo("phone");
        assertThat(json(get("/api/test/refusal/NOT_FOUND", null)).has("field")).isFalse();
        for (String base : List.of("/api/test", "/console/test")) {
            assertThat(get(base + "/refusal/TOO_MANY", null).headers().firstValue("Retry-After"))
                    .contains("2");
            assertThat(get(base + "/refusal/UNAVAILABLE", null).headers().firstValue("Retry-After"))
                    .contains("5");
        }
    }

    @Test
    void anUnavailableStorageIs503OnBoth() {
        HttpResponse<String> api = get("/api/test/storage", null);
        assertThat(api.statusCode()).isEqualTo(503);
        assertThat(api.headers().firstValue("Retry-After")).contains("30");
        assertThat(json(api).get("error").asText()).contains("the disk is full").contains("nothing was changed");
        HttpResponse<String> console = get("/console/test/storage", null);
        assertThat(console.statusCode()).isEqualTo(503);
        assertThat(console.body()).contains("База даних зараз недоступна");
    }

    @Test
    void aProgrammingErrorInAControllerIs500WithAnErrorIdThatTheLogHas() {
        Logged logged = logging(() -> get("/api/tokens", ADMIN));
        HttpResponse<String> r = logged.response();
        assertThat(r.statusCode()).isEqualTo(500);
        JsonNode body = json(r);
        String id = body.get("errorId").asText();
        assertThat(id).matches("[0-9a-f]{12}");
        assertThat(body.get("error").asText())
                .isEqualTo("internal error; error id " + id)
                .doesNotContain(SECRET);

        String line = logged.lineWith("error " + id);
        assertThat(line).contains("GET /api/tokens");
        assertThat(logged.log())
                .contains("java.lang.IllegalArgumentException")
                .containsPattern("at ua\\.zvernennia\\.app\\.FailuresTest\\$BrokenTokens\\.list")
                .doesNotContain(SECRET);
    }

    @Test
    void aProgrammingErrorOnTheConsoleIsAPageWithTheErrorId() {
        Logged logged = logging(() -> get("/console/test/bug", null));
        HttpResponse<String> r = logged.response();
        assertThat(r.statusCode()).isEqualTo(500);
        assertThat(r.headers().firstValue("Content-Type")).get().asString().startsWith("text/html");
        Matcher m = Pattern.compile("код помилки ([0-9a-f]{12})").matcher(r.body());
        assertThat(m.find()).as(r.body()).isTrue();
        assertThat(logged.lineWith("error " + m.group(1))).contains("GET /console/test/bug");
        assertThat(logged.log())
                .contains("java.lang.IllegalStateException")
                .contains("Caused by: java.lang.IllegalArgumentException")
                .doesNotContain(SECRET)
                .doesNotContain("a bug");
        assertThat(r.body()).doesNotContain(SECRET);
    }

    @Test
    void badInputIsStillTheClientsMistake() {
        HttpResponse<String> r = send(HttpRequest.newBuilder(uri("/api/tokens"))
                .header("Authorization", "Bearer " + ADMIN)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"name\": \"x\", \"role\": \"ADMIN\", \"colour\": \"red\"}")));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).get("error").asText()).contains("colour");
    }

    // ---- helpers -----------------------------------------------------------------------------

    private record Logged(HttpResponse<String> response, String log) {
        String lineWith(String text) {
            return log.lines()
                    .filter(l -> l.contains(text))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no log line with '" + text + "' in:\n" + log));
        }
    }

    /** What {@code call} logs to standard error (where slf4j-simple writes), besides its answer. */
    private static Logged logging(java.util.function.Supplier<HttpResponse<String>> call) {
        PrintStream original = System.err;
        var captured = new ByteArrayOutputStream();
        OutputStream both = new OutputStream() {
            @Override
            public void write(int b) {
                captured.write(b);
                original.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                captured.write(b, off, len);
                original.write(b, off, len);
            }
        };
        System.setErr(new PrintStream(both, true, StandardCharsets.UTF_8));
        try {
            HttpResponse<String> r = call.get();
            return new Logged(r, captured.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(original);
        }
    }

    private HttpResponse<String> get(String path, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).GET();
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return send(b);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + web.port() + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder b) {
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static JsonNode json(HttpResponse<String> r) {
        try {
            return ApiJson.MAPPER.readTree(r.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + r.body(), e);
        }
    }
}
