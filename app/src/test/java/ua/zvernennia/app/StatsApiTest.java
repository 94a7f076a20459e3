package ua.zvernennia.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ua.zvernennia.core.testing.TestCategories;
import ua.zvernennia.storage.KnownAppeals;

/**
 * {@code GET /api/stats} on the running app against the hand-worked first quarter of 2025 (see
 * storage's StatisticsTest for how each number comes about).
 */
class StatsApiTest {
    static final Instant AS_OF = Instant.parse("2025-06-01T00:00:00Z");

    @TempDir
    Path dir;

    App app;
    ApiClient admin;

    @BeforeEach
    void start() {
        app = TestApps.start(
                dir,
                Clock.fixed(AS_OF, ZoneOffset.UTC),
                Map.of(
                        "CATEGORIES_FILE",
                        TestApps.menuFile(dir, TestCategories.small()).toString(),
                        "ADMIN_TOKEN",
                        TokenApiTest.ADMIN));
        new KnownAppeals(app.storage(), ZoneId.of("Europe/Kyiv")).firstQuarterOf2025();
        admin = new ApiClient(app.httpPort(), TokenApiTest.ADMIN);
    }

    @AfterEach
    void stop() {
        app.close();
    }

    static BigDecimal sum(JsonNode shares) {
        BigDecimal sum = BigDecimal.ZERO;
        for (JsonNode s : shares) {
            sum = sum.add(s.get("percent").decimalValue());
        }
        return sum;
    }

    @Test
    void theQuarterByMonthAsAnOperatorSeesIt() {
        String operatorToken = admin.post("/api/tokens", "{\"name\": \"Оператор\", \"role\": \"OPERATOR\"}")
                .json()
                .get("token")
                .asText();
        ApiClient.Response r = admin.as(operatorToken).get("/api/stats?from=2025-01-01&to=2025-03-31&groupBy=month");
        assertThat(r.status()).isEqualTo(200);
        JsonNode s = r.json();
        assertThat(s.get("zone").asText()).isEqualTo("Europe/Kyiv");
        assertThat(s.get("asOf").asText()).isEqualTo("2025-06-01T00:00:00Z");
        assertThat(s.get("total").asLong()).isEqualTo(12);

        assertThat(s.get("byChannel").get(1).get("channel").asText()).isEqualTo("HOTLINE");
        assertThat(s.get("byChannel").get(1).get("count").asLong()).isEqualTo(5);
        assertThat(s.get("byChannel").get(1).get("percent").decimalValue()).isEqualByComparingTo("41.7");
        assertThat(s.get("byChannel").get(0).get("percent").decimalValue()).isEqualByComparingTo("8.4");
        assertThat(sum(s.get("byChannel"))).isEqualByComparingTo("100.0");
        assertThat(sum(s.get("byCategory"))).isEqualByComparingTo("100.0");
        assertThat(sum(s.get("byStatus"))).isEqualByComparingTo("100.0");
        assertThat(s.get("byCategory").get(0).get("name").asText()).isEqualTo("Водоканал");

        JsonNode d = s.get("deadlines");
        assertThat(d.get("overdue").asLong()).isEqualTo(5);
        assertThat(d.get("openOverdue").asLong()).isEqualTo(2);
        assertThat(d.get("closedLate").asLong()).isEqualTo(3);
        assertThat(d.get("resolvedOnTimePercent").decimalValue()).isEqualByComparingTo("62.5");
        assertThat(s.get("resolution").get("medianMinutes").asLong()).isEqualTo(600);
        assertThat(s.get("resolution").get("p90Hours").decimalValue()).isEqualByComparingTo("240.0");
        assertThat(s.get("byExecutor").get(2).get("executor").asText()).isEqualTo("КП «Ліфтове господарство»");
        assertThat(s.get("byExecutor").get(2).get("onTimePercent").decimalValue())
                .isEqualByComparingTo("66.7");

        List<Long> totals = new ArrayList<>();
        s.get("periods").forEach(p -> totals.add(p.get("total").asLong()));
        assertThat(totals).containsExactly(2L, 4L, 6L);
        assertThat(s.get("periods").get(1).get("last").asText()).isEqualTo("2025-02-28");
    }

    @Test
    void daysAroundTheSpringClockChangeAndTheQuarterEdge() {
        JsonNode s = admin.get("/api/stats?from=2025-03-29&to=2025-04-01&groupBy=day")
                .json();
        List<Long> totals = new ArrayList<>();
        s.get("periods").forEach(p -> totals.add(p.get("total").asLong()));
        assertThat(totals).containsExactly(0L, 3L, 1L, 1L);
        assertThat(admin.get("/api/stats?from=2025-01-01&to=2025-01-01&groupBy=DAY")
                        .json()
                        .get("total")
                        .asLong())
                .isEqualTo(1);
    }

    @Test
    void badQueriesAreRefusedWithAReason() {
        assertThat(admin.as(null)
                        .get("/api/stats?from=2025-01-01&to=2025-03-31")
                        .status())
                .isEqualTo(401);
        ApiClient.Response missing = admin.get("/api/stats?to=2025-03-31");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("error").asText()).contains("from");
        ApiClient.Response notADate = admin.get("/api/stats?from=01.01.2025&to=2025-03-31");
        assertThat(notADate.status()).isEqualTo(400);
        assertThat(notADate.json().get("error").asText()).contains("01.01.2025");
        ApiClient.Response backwards = admin.get("/api/stats?from=2025-03-31&to=2025-01-01");
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.json().get("error").asText()).contains("before");
        ApiClient.Response badGroup = admin.get("/api/stats?from=2025-01-01&to=2025-03-31&groupBy=year");
        assertThat(badGroup.status()).isEqualTo(400);
        assertThat(badGroup.json().get("error").asText()).contains("day", "week", "month", "quarter");
        assertThat(admin.get("/api/stats?from=2015-01-01&to=2025-03-31").status())
                .isEqualTo(400);
    }

    @Test
    void theOpenApiDocumentDescribesStatisticsAndTheReport() {
        JsonNode doc = admin.as(null).get("/api/openapi.json").json();
        assertThat(doc.get("paths").has("/api/stats")).isTrue();
        assertThat(doc.get("paths").has("/api/reports/quarterly")).isTrue();
        assertThat(doc.get("paths").has("/api/reports/quarterly.csv")).isTrue();
        assertThat(doc.get("components").get("schemas").has("Statistics")).isTrue();
        assertThat(doc.get("paths").has("/api/tokens"))
                .as("fragments are merged, not replaced")
                .isTrue();
    }
}
