package ua.zvernennia.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The category API on a real SQLite file: validation, roles, the change log, export and import. */
class CategoryApiTest {
    static final String ADMIN = "admin-token-for-category-tests-0123";

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

    JsonNode menu() {
        ApiClient.Response r = admin.get("/api/categories");
        assertThat(r.status()).isEqualTo(200);
        return r.json();
    }

    int changes() {
        return admin.get("/api/categories/changes").json().size();
    }

    /** The response has this status and a reason naming {@code reason}, and neither the menu nor the log changed. */
    void refused(ApiClient.Response r, int status, String reason, JsonNode menuBefore, int changesBefore) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.json().get("error").asText()).contains(reason);
        assertThat(menu()).isEqualTo(menuBefore);
        assertThat(changes()).isEqualTo(changesBefore);
    }

    @Test
    void badEditsAreRefusedWithAReasonAndChangeNothing() {
        JsonNode before = menu();
        assertThat(before).hasSize(19);
        refused(
                admin.post(
                        "/api/categories",
                        "{\"id\": \"x\", \"nameUk\": \"Ікс\", \"deadlineClass\": \"LONG\", \"colour\": 1}"),
                400,
                "colour",
                before,
                0);
        refused(
                admin.post("/api/categories", "{\"id\": \"x\", \"deadlineClass\": \"LONG\"}"),
                400,
                "nameUk is empty",
                before,
                0);
        refused(
                admin.post(
                        "/api/categories",
                        "{\"id\": \"x\", \"nameUk\": \"" + "Д".repeat(41) + "\", \"deadlineClass\": \"LONG\"}"),
                400,
                "longer than 40",
                before,
                0);
        refused(
                admin.post("/api/categories", "{\"id\": \"x\", \"nameUk\": \"Ікс\", \"deadlineClass\": \"SOON\"}"),
                400,
                "SOON",
                before,
                0);
        refused(
                admin.post("/api/categories", "{\"id\": \"X Y\", \"nameUk\": \"Ікс\", \"deadlineClass\": \"LONG\"}"),
                400,
                "id must be",
                before,
                0);
        refused(
                admin.post("/api/categories", "{\"id\": \"lifts\", \"nameUk\": \"Ікс\", \"deadlineClass\": \"LONG\"}"),
                409,
                "already exists",
                before,
                0);
        refused(
                admin.post("/api/categories", "{\"id\": \"x\", \"nameUk\": \"ліфти\", \"deadlineClass\": \"LONG\"}"),
                409,
                "'ліфти' is used twice",
                before,
                0);
        refused(
                admin.post(
                        "/api/categories",
                        "{\"id\": \"x\", \"nameUk\": \"Ікс\", \"deadlineClass\": \"LONG\", \"position\": 99}"),
                400,
                "position must be 1..20",
                before,
                0);
        refused(admin.patch("/api/categories/water", "{\"nameUk\": \"Ліфти\"}"), 409, "used twice", before, 0);
        refused(admin.patch("/api/categories/water", "{\"nameUk\": \"  \"}"), 400, "nameUk is empty", before, 0);
        refused(admin.patch("/api/categories/water", "{\"id\": \"wet\"}"), 400, "unknown field 'id'", before, 0);
        refused(admin.patch("/api/categories/ghost", "{\"active\": false}"), 404, "no category 'ghost'", before, 0);
        refused(admin.post("/api/categories/reorder", "{\"ids\": [\"water\", \"lifts\"]}"), 400, "missing", before, 0);
        refused(
                admin.post("/api/categories/water/issue-types", "{\"id\": \"no-water\", \"nameUk\": \"Ще\"}"),
                409,
                "already exists",
                before,
                0);
        refused(admin.patch("/api/categories/water/issue-types/ghost", "{\"active\": false}"), 404, "ghost", before, 0);

        // One category left: it cannot be deactivated.
        assertThat(admin.postText(
                                "/api/categories/import", "categories:\n  - {id: other, name: Інше, deadline: LONG}\n")
                        .status())
                .isEqualTo(200);
        JsonNode one = menu();
        int logged = changes();
        refused(
                admin.patch("/api/categories/other", "{\"active\": false}"),
                409,
                "at least one category must be active",
                one,
                logged);
    }

    @Test
    void badImportsAreRefusedWholeAndChangeNothing() {
        JsonNode before = menu();
        refused(admin.postText("/api/categories/import", ""), 400, "empty", before, 0);
        refused(
                admin.postText("/api/categories/import", "categories: [oops"),
                400,
                "not a valid category file",
                before,
                0);
        refused(
                admin.postText(
                        "/api/categories/import", "categories:\n  - {id: a, name: А, deadline: LONG, colour: red}\n"),
                400,
                "colour",
                before,
                0);
        refused(
                admin.postText(
                        "/api/categories/import",
                        "categories:\n  - {id: a, name: Перший, deadline: LONG}\n  - {id: b, name: \"\", deadline: LONG}\n"),
                400,
                "nameUk is empty",
                before,
                0);
        refused(
                admin.postText(
                        "/api/categories/import",
                        "categories:\n  - {id: a, name: Перший, deadline: LONG, active: false}\n"),
                400,
                "at least one category must be active",
                before,
                0);
        refused(
                admin.postText("/api/categories/import", "categories:\n  - {id: a, name: Перший}\n"),
                400,
                "no deadline class",
                before,
                0);
    }

    @Test
    void editsAreRecordedWithWhoWhenBeforeAndAfter() {
        String operator = admin.post("/api/tokens", "{\"name\": \"Оператор\", \"role\": \"OPERATOR\"}")
                .json()
                .get("token")
                .asText();
        String editor = admin.post("/api/tokens", "{\"name\": \"Адміністратор Петренко\", \"role\": \"ADMIN\"}")
                .json()
                .get("token")
                .asText();
        ApiClient op = admin.as(operator);
        assertThat(op.get("/api/categories").status()).isEqualTo(403);
        assertThat(op.get("/api/categories/changes").status()).isEqualTo(403);
        assertThat(op.get("/api/categories/export").status()).isEqualTo(403);
        assertThat(op.patch("/api/categories/water", "{\"active\": false}").status())
                .isEqualTo(403);
        assertThat(op.postText("/api/categories/import", "categories: []").status())
                .isEqualTo(403);
        assertThat(admin.as(null).get("/api/categories").status()).isEqualTo(401);

        ApiClient petrenko = admin.as(editor);
        ApiClient.Response patched =
                petrenko.patch("/api/categories/water", "{\"nameEn\": \"Water\", \"emoji\": \"\", \"position\": 3}");
        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.json().get("nameEn").asText()).isEqualTo("Water");
        assertThat(patched.json().get("emoji").isNull()).isTrue();
        assertThat(patched.json().get("position").asInt()).isEqualTo(3);
        ApiClient.Response type = petrenko.post(
                "/api/categories/water/issue-types",
                "{\"id\": \"smell\", \"nameUk\": \"Неприємний запах\", \"deadlineClass\": \"MEDIUM\", \"position\": 1}");
        assertThat(type.status()).isEqualTo(201);
        assertThat(admin.get("/api/categories/water/issue-types")
                        .json()
                        .get(0)
                        .get("id")
                        .asText())
                .isEqualTo("smell");

        JsonNode log = admin.get("/api/categories/changes").json();
        assertThat(log).hasSize(2);
        JsonNode change = log.get(1);
        assertThat(change.get("action").asText()).isEqualTo("category.update");
        assertThat(change.get("actor").asText()).isEqualTo("Адміністратор Петренко");
        assertThat(change.get("categoryId").asText()).isEqualTo("water");
        assertThat(change.get("at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(change.get("before").get("nameEn").asText()).isEqualTo("Water and sewerage");
        assertThat(change.get("before").get("emoji").asText()).isEqualTo("💧");
        assertThat(change.get("after").get("nameEn").asText()).isEqualTo("Water");
        assertThat(log.get(0).get("before").isNull()).isTrue();
        assertThat(log.get(0).get("after").get("nameUk").asText()).isEqualTo("Неприємний запах");
        assertThat(admin.get("/api/categories/changes?limit=1").json()).hasSize(1);
        assertThat(admin.get("/api/categories/changes?limit=0").status()).isEqualTo(400);
    }

    @Test
    void anExportedMenuEditedOfflineImportsBack() {
        assertThat(admin.patch("/api/categories/parking", "{\"active\": false}").status())
                .isEqualTo(200);
        ApiClient.Response export = admin.get("/api/categories/export");
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.body())
                .startsWith("categories:")
                .contains("id: parking")
                .contains("active: false");

        ApiClient.Response same = admin.postText("/api/categories/import", export.body());
        assertThat(same.status()).as(same.body()).isEqualTo(200);
        assertThat(same.json().get("deleted")).isEmpty();

        String edited = export.body().replace("name: Водоканал", "name: Вода");
        ApiClient.Response r = admin.postText("/api/categories/import", edited);
        assertThat(r.status()).isEqualTo(200);
        JsonNode water = menu().get(0);
        assertThat(water.get("nameUk").asText()).isEqualTo("Вода");
        assertThat(menu()).hasSize(19);
        assertThat(admin.get("/api/categories/changes")
                        .json()
                        .get(0)
                        .get("action")
                        .asText())
                .isEqualTo("menu.import");
    }

    @Test
    void theOpenApiDocumentDescribesTheCategoryRoutes() {
        JsonNode paths = admin.as(null).get("/api/openapi.json").json().get("paths");
        assertThat(paths.has("/api/categories")).isTrue();
        assertThat(paths.has("/api/categories/{id}")).isTrue();
        assertThat(paths.has("/api/categories/changes")).isTrue();
        assertThat(paths.has("/api/categories/import")).isTrue();
        assertThat(paths.has("/api/tokens")).isTrue();
    }
}
