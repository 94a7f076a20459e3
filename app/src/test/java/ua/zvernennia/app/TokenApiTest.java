package ua.zvernennia.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenApiTest {
    static final String ADMIN = "admin-token-for-tests-0123456789";

    @TempDir
    Path dir;

    App app;
    ApiClient admin;

    @BeforeEach
    void start() {
        app = TestApps.start(dir, Clock.systemUTC(), Map.of("ADMIN_TOKEN", ADMIN));
        admin = new ApiClient(app.httpPort(), ADMIN);
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void withoutAValidTokenEveryRouteIs401() {
        assertThat(admin.as(null).get("/api/tokens").status()).isEqualTo(401);
        assertThat(admin.as("wrong").get("/api/tokens").status()).isEqualTo(401);
        assertThat(admin.as(ADMIN + "x").get("/api/tokens").json().get("error").asText())
                .contains("unknown or revoked");
    }

    @Test
    void adminsIssueOperatorTokensThatCannotDoAdminWorkAndCanBeRevoked() {
        ApiClient.Response created =
                admin.post("/api/tokens", "{\"name\": \"Оператор Іваненко\", \"role\": \"OPERATOR\"}");
        assertThat(created.status()).isEqualTo(201);
        String operatorToken = created.json().get("token").asText();
        long id = created.json().get("id").asLong();
        assertThat(operatorToken).hasSizeGreaterThan(40);

        ApiClient operator = admin.as(operatorToken);
        assertThat(operator.get("/api/tokens").status()).isEqualTo(403);
        assertThat(operator.post("/api/tokens", "{\"name\": \"x\", \"role\": \"ADMIN\"}")
                        .status())
                .isEqualTo(403);

        ApiClient.Response list = admin.get("/api/tokens");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains("Оператор Іваненко").doesNotContain(operatorToken);
        assertThat(list.json().get(0).get("createdBy").asText()).isEqualTo("admin");

        assertThat(admin.delete("/api/tokens/" + id).status()).isEqualTo(204);
        assertThat(admin.delete("/api/tokens/" + id).status()).isEqualTo(404);
        assertThat(operator.get("/api/tokens").status()).isEqualTo(401);
    }

    @Test
    void badRequestsAreRefusedWithAReason() {
        ApiClient.Response unknownField =
                admin.post("/api/tokens", "{\"name\": \"x\", \"role\": \"OPERATOR\", \"colour\": 1}");
        assertThat(unknownField.status()).isEqualTo(400);
        assertThat(unknownField.json().get("error").asText()).contains("colour");

        ApiClient.Response badRole = admin.post("/api/tokens", "{\"name\": \"x\", \"role\": \"GOD\"}");
        assertThat(badRole.status()).isEqualTo(400);
        assertThat(badRole.json().get("error").asText()).contains("GOD");

        ApiClient.Response missing = admin.post("/api/tokens", "{\"role\": \"OPERATOR\"}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("error").asText()).contains("name");

        assertThat(admin.post("/api/tokens", "{not json").status()).isEqualTo(400);
        assertThat(admin.post("/api/tokens", "").status()).isEqualTo(400);
        assertThat(admin.delete("/api/tokens/abc").status()).isEqualTo(400);
        assertThat(admin.get("/api/tokens").json()).isEmpty();
    }

    @Test
    void theOpenApiDocumentDescribesTheRoutes() {
        ApiClient.Response doc = admin.as(null).get("/api/openapi.json");
        assertThat(doc.status()).isEqualTo(200);
        assertThat(doc.json().get("openapi").asText()).startsWith("3.");
        assertThat(doc.json().get("paths").has("/api/tokens")).isTrue();
        assertThat(doc.json().get("components").get("schemas").has("Error")).isTrue();
    }

    @Test
    void anUnknownApiRouteIsAJson404() {
        ApiClient.Response r = admin.get("/api/nothing-here");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().get("error").asText()).contains("/api/nothing-here");
    }
}
