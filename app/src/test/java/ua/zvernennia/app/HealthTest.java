package ua.zvernennia.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Liveness and readiness on a healthy app, and both in the API's document. */
class HealthTest {
    @TempDir
    Path dir;

    @Test
    void aStartedAppIsAliveAndReadyAndSaysSo() {
        try (App app = TestApps.start(dir, Clock.systemUTC(), Map.of())) {
            ApiClient anonymous = new ApiClient(app.httpPort(), null);
            ApiClient.Response live = anonymous.get("/health");
            assertThat(live.status()).isEqualTo(200);
            assertThat(live.json().get("status").asText()).isEqualTo("ok");
            ApiClient.Response ready = anonymous.get("/health/ready");
            assertThat(ready.status()).isEqualTo(200);
            assertThat(ready.json().get("status").asText()).isEqualTo("ready");

            var paths = anonymous.get("/api/openapi.json").json().get("paths");
            assertThat(paths.has("/health")).isTrue();
            assertThat(paths.has("/health/ready")).isTrue();
        }
    }
}
