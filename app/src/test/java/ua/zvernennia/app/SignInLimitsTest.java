package ua.zvernennia.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tokens cannot be guessed at full speed, on the API or at the console's sign-in. */
class SignInLimitsTest {
    static final String ADMIN = "admin-token-for-sign-in-limits-0123456789";

    @TempDir
    Path dir;

    App app;

    @BeforeEach
    void start() {
        // The test's own address stands for a reverse proxy, so X-Forwarded-For names other clients.
        app = TestApps.start(dir, Clock.systemUTC(), Map.of("ADMIN_TOKEN", ADMIN, "TRUSTED_PROXIES", "127.0.0.1"));
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void repeatedWrongBearerTokensGet429WithRetryAfterEvenForTheRightOne() throws Exception {
        String client = "203.0.113.7";
        int refused = 0;
        HttpResponse<String> last = null;
        for (int i = 0; i < 20; i++) {
            last = api("/api/appeals", "wrong-token-" + i, client);
            if (last.statusCode() == 429) {
                break;
            }
            assertThat(last.statusCode()).isEqualTo(401);
            refused++;
        }
        assertThat(last.statusCode()).as("limited after a few failures").isEqualTo(429);
        assertThat(refused).isBetween(5, 7);
        assertThat(Long.parseLong(last.headers().firstValue("Retry-After").orElseThrow()))
                .isPositive();
        assertThat(last.body()).contains("too many failed tokens");

        HttpResponse<String> right = api("/api/appeals", ADMIN, client);
        assertThat(right.statusCode())
                .as("while limited, not even the right token is looked at")
                .isEqualTo(429);

        assertThat(api("/api/appeals", ADMIN, "198.51.100.9").statusCode())
                .as("another client is not held up")
                .isEqualTo(200);
    }

    @Test
    void xForwardedForIsBelievedOnlyFromTheConfiguredProxies() {
        var addresses = new ua.zvernennia.app.api.ClientAddress(java.util.Set.of("10.0.0.2"));
        assertThat(addresses.of("10.0.0.2", "203.0.113.7")).isEqualTo("203.0.113.7");
        assertThat(addresses.of("10.0.0.2", "1.2.3.4, 203.0.113.7, 10.0.0.2"))
                .as("the nearest hop not a proxy")
                .isEqualTo("203.0.113.7");
        assertThat(addresses.of("198.51.100.1", "203.0.113.7"))
                .as("a client cannot pick its address")
                .isEqualTo("198.51.100.1");
        assertThat(addresses.of("10.0.0.2", "<script>")).as("only an address").isEqualTo("10.0.0.2");
        assertThat(addresses.of("10.0.0.2", null)).isEqualTo("10.0.0.2");
    }

    @Test
    void repeatedWrongConsoleSignInsGet429() {
        ConsoleHttp b = new ConsoleHttp(app.httpPort());
        ConsoleHttp.Page page = null;
        for (int i = 0; i < 20; i++) {
            ConsoleHttp.Page form = b.get("/console/login");
            page = b.post(
                    "/console/login",
                    Map.of("_csrf", form.csrf(), "token", "guess-" + i),
                    "X-Forwarded-For",
                    "203.0.113.8");
            if (page.status() == 429) {
                break;
            }
            assertThat(page.status()).isEqualTo(401);
        }
        assertThat(page.status()).isEqualTo(429);
        assertThat(page.header("Retry-After")).isNotNull();
        assertThat(page.body()).contains("Забагато невдалих спроб");
        ConsoleHttp.Page form = b.get("/console/login");
        assertThat(b.post(
                                "/console/login",
                                Map.of("_csrf", form.csrf(), "token", ADMIN),
                                "X-Forwarded-For",
                                "203.0.113.8")
                        .status())
                .isEqualTo(429);
        assertThat(new ConsoleHttp(app.httpPort()).signIn(ADMIN).status())
                .as("the proxy's own address is another client")
                .isEqualTo(303);
    }

    private HttpResponse<String> api(String path, String token, String forwardedFor) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.httpPort() + path))
                                .header("Authorization", "Bearer " + token)
                                .header("X-Forwarded-For", forwardedFor)
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }
}
