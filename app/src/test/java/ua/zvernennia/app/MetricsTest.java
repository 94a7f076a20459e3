package ua.zvernennia.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code GET /metrics}: who may read it, and what it tells. */
class MetricsTest {
    @TempDir
    Path dir;

    @Test
    void anAdminTokenOrTheMetricsTokenReadsPrometheusTextAndNobodyElse() {
        try (App app = TestApps.start(
                dir,
                Clock.systemUTC(),
                Map.of("ADMIN_TOKEN", "metrics-admin-token-of-thirty-two-chars", "METRICS_TOKEN", "scraper"))) {
            ApiClient admin = new ApiClient(app.httpPort(), "metrics-admin-token-of-thirty-two-chars");
            String operator = admin.post("/api/tokens", "{\"name\": \"Оператор\", \"role\": \"OPERATOR\"}")
                    .json()
                    .get("token")
                    .asText();

            ApiClient.Response none = admin.as(null).get("/metrics");
            assertThat(none.status()).isEqualTo(401);
            assertThat(admin.as("wrong").get("/metrics").status()).isEqualTo(401);
            assertThat(admin.as(operator).get("/metrics").status()).isEqualTo(403);
            assertThat(admin.get("/metrics").status()).isEqualTo(200);
            assertThat(admin.as("scraper").get("/metrics").status()).isEqualTo(200);
            assertThat(admin.as("scraper").get("/api/appeals").status())
                    .as("the metrics token opens nothing else")
                    .isEqualTo(401);
        }
    }

    @Test
    void itCountsAppealsRequestsByRoutePatternCommitsAndTheJvm() {
        try (App app = TestApps.start(
                dir, Clock.systemUTC(), Map.of("ADMIN_TOKEN", "metrics-admin-token-of-thirty-two-chars"))) {
            ApiClient api = new ApiClient(app.httpPort(), "metrics-admin-token-of-thirty-two-chars");
            ApiClient.Response created = api.post("/api/appeals", """
                    {"channel": "PHONE", "category": "roads", "description": "Яма на дорозі", "placeAddress": "вул. Шкільна, 3",
                     "firstName": "Петро", "lastName": "Мельник", "address": "вул. Нова, 7, кв. 1", "phone": "067 765 43 21"}""");
            assertThat(created.status()).isEqualTo(201);
            String number = created.json().get("number").asText();
            assertThat(api.get("/api/appeals/" + number).status()).isEqualTo(200);
            assertThat(api.get("/api/appeals?q=Мельник").status()).isEqualTo(200);

            ApiClient.Response metrics = api.get("/metrics");
            assertThat(metrics.status()).isEqualTo(200);
            assertThat(metrics.body())
                    .contains(
                            "# TYPE zvernennia_updates_received_total counter",
                            "zvernennia_updates_received_total{channel=\"telegram\"} 0",
                            "zvernennia_turn_seconds_bucket{channel=\"viber\"",
                            "zvernennia_commit_seconds_count",
                            "zvernennia_commit_units_count",
                            "zvernennia_outbox_pending 0",
                            "zvernennia_outbox_oldest_pending_age_seconds 0",
                            "zvernennia_appeals{status=\"registered\"} 1",
                            "zvernennia_appeals_overdue 0",
                            "zvernennia_deliveries_total{channel=\"telegram\",outcome=\"sent\"} 0",
                            "http_server_requests_seconds_count{method=\"GET\",route=\"/api/appeals/{number}\",status=\"200\"} 1",
                            "http_server_requests_seconds_count{method=\"POST\",route=\"/api/appeals\",status=\"201\"} 1",
                            "jvm_memory_used_bytes",
                            "jvm_gc_",
                            "process_uptime_seconds")
                    .as("no path values, queries or personal data")
                    .doesNotContain(number, "Мельник", "q=");
        }
    }
}
