package ua.zvernennia.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import ua.zvernennia.core.appeal.Appeal;
import ua.zvernennia.core.chat.Channel;
import ua.zvernennia.core.chat.ChatKey;

/**
 * The menu refers to executors by {@code executorId}: the category API, the menu file's export and
 * import (old files with executor names only included), routing, and the console's menu pages.
 */
class MenuExecutorTest {
    static final String ADMIN = "admin-token-for-menu-executor-tests-01";

    @RegisterExtension
    final RunningApp running = RunningApp.withTelegram(Map.of("ADMIN_TOKEN", ADMIN));

    ApiClient admin() {
        return new ApiClient(running.app().httpPort(), ADMIN);
    }

    static JsonNode category(ApiClient admin, String id) {
        for (JsonNode c : admin.get("/api/categories").json()) {
            if (c.get("id").asText().equals(id)) {
                return c;
            }
        }
        throw new AssertionError("no category " + id);
    }

    static JsonNode issueType(ApiClient admin, String categoryId, String typeId) {
        for (JsonNode t : category(admin, categoryId).get("issueTypes")) {
            if (t.get("id").asText().equals(typeId)) {
                return t;
            }
        }
        throw new AssertionError("no issue type " + categoryId + "/" + typeId);
    }

    static long newExecutor(ApiClient admin, String name) {
        ApiClient.Response r = admin.post("/api/executors", "{\"name\": \"" + name.replace("\"", "\\\"") + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    static void refusedOn(ApiClient.Response r, String field) {
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.json().get("field").asText()).isEqualTo(field);
    }

    Appeal filed(String category, String issueType) {
        return Filed.appeal(category, "Тече вода з труби біля будинку")
                .ofType(issueType)
                .in(running.app(), ChatKey.of(Channel.TELEGRAM, "8101"));
    }

    @Test
    void categoriesAndIssueTypesReferToExistingExecutorsById() {
        ApiClient admin = admin();
        // The seeded menu's executor names are records from the start, and the menu refers to them.
        JsonNode water = category(admin, "water");
        long seeded = water.get("executorId").asLong();
        JsonNode executors = admin.get("/api/executors").json();
        assertThat(executors.findValuesAsText("name"))
                .contains(water.get("executor").asText());
        for (JsonNode c : admin.get("/api/categories").json()) {
            assertThat(c.get("executorId").isNumber())
                    .as("executorId of %s", c.get("id"))
                    .isTrue();
        }
        assertThat(seeded).isPositive();

        long pipes = newExecutor(admin, "КП «Аварійна служба мереж»");
        long plumbers = newExecutor(admin, "Бригада сантехніків");

        // A category goes to another executor by id; its executor name follows the record.
        ApiClient.Response moved = admin.patch("/api/categories/water", "{\"executorId\": " + pipes + "}");
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(moved.json().get("executorId").asLong()).isEqualTo(pipes);
        assertThat(moved.json().get("executor").asText()).isEqualTo("КП «Аварійна служба мереж»");

        // An executor that does not exist is a 400 naming the field, and changes nothing.
        JsonNode before = admin.get("/api/categories").json();
        int changes = admin.get("/api/categories/changes").json().size();
        refusedOn(admin.patch("/api/categories/water", "{\"executorId\": 987654}"), "executorId");
        refusedOn(admin.patch("/api/categories/water", "{\"executorId\": \"seven\"}"), "executorId");
        refusedOn(
                admin.post(
                        "/api/categories",
                        "{\"id\": \"snow\", \"nameUk\": \"Сніг\", \"deadlineClass\": \"SHORT\", \"executorId\": 987654}"),
                "executorId");
        refusedOn(
                admin.post(
                        "/api/categories/water/issue-types",
                        "{\"id\": \"ice\", \"nameUk\": \"Бурулька\", \"executorId\": 987654}"),
                "executorId");
        refusedOn(admin.patch("/api/categories/water/issue-types/pipe-burst", "{\"executorId\": 0}"), "executorId");
        assertThat(admin.get("/api/categories").json()).isEqualTo(before);
        assertThat(admin.get("/api/categories/changes").json().size()).isEqualTo(changes);

        // A new category and an issue type of its own executor.
        ApiClient.Response snow = admin.post(
                "/api/categories",
                "{\"id\": \"snow\", \"nameUk\": \"Сніг\", \"deadlineClass\": \"SHORT\", \"executorId\": " + plumbers
                        + "}");
        assertThat(snow.status()).as(snow.body()).isEqualTo(201);
        assertThat(snow.json().get("executor").asText()).isEqualTo("Бригада сантехніків");
        ApiClient.Response burst =
                admin.patch("/api/categories/water/issue-types/pipe-burst", "{\"executorId\": " + plumbers + "}");
        assertThat(burst.status()).as(burst.body()).isEqualTo(200);
        assertThat(burst.json().get("executorId").asLong()).isEqualTo(plumbers);
        assertThat(issueType(admin, "water", "no-water").get("executorId").isNull())
                .isTrue();

        // Appeals are routed by the ids: the issue type's executor first, then the category's.
        Appeal byType = filed("water", "pipe-burst");
        Appeal byCategory = filed("water", "no-water");
        assertThat(admin.get("/api/appeals/" + byType.number())
                        .json()
                        .get("executorId")
                        .asLong())
                .isEqualTo(plumbers);
        assertThat(admin.get("/api/appeals/" + byCategory.number())
                        .json()
                        .get("executorId")
                        .asLong())
                .isEqualTo(pipes);

        // "executorId": null sends an issue type's appeals back to the category's executor.
        ApiClient.Response reset =
                admin.patch("/api/categories/water/issue-types/pipe-burst", "{\"executorId\": null}");
        assertThat(reset.json().get("executorId").isNull()).isTrue();

        // An inactive executor is not chosen anew, but a category that has it keeps it through other edits.
        assertThat(admin.patch("/api/executors/" + plumbers, "{\"active\": false}")
                        .status())
                .isEqualTo(200);
        refusedOn(admin.patch("/api/categories/roads", "{\"executorId\": " + plumbers + "}"), "executorId");
        assertThat(admin.patch("/api/categories/snow", "{\"nameUk\": \"Сніг і лід\"}")
                        .status())
                .isEqualTo(200);

        // Renaming an executor renames it in the menu.
        assertThat(admin.patch("/api/executors/" + pipes, "{\"name\": \"КП «Мережі міста»\"}")
                        .status())
                .isEqualTo(200);
        assertThat(category(admin, "water").get("executor").asText()).isEqualTo("КП «Мережі міста»");

        // An old client naming the executor by name alone still works: the name's record is found.
        ApiClient.Response byName = admin.patch("/api/categories/roads", "{\"executor\": \"КП «Мережі міста»\"}");
        assertThat(byName.status()).as(byName.body()).isEqualTo(200);
        assertThat(byName.json().get("executorId").asLong()).isEqualTo(pipes);
    }

    @Test
    void theMenuFileCarriesExecutorIdsAndOldFilesWithNamesStillImport() {
        ApiClient admin = admin();
        long pipes = newExecutor(admin, "КП «Аварійна служба мереж»");
        long plumbers = newExecutor(admin, "Бригада сантехніків");
        assertThat(admin.patch("/api/categories/water", "{\"executorId\": " + pipes + "}")
                        .status())
                .isEqualTo(200);
        assertThat(admin.patch("/api/categories/water/issue-types/pipe-burst", "{\"executorId\": " + plumbers + "}")
                        .status())
                .isEqualTo(200);

        String export = admin.get("/api/categories/export").body();
        assertThat(export)
                .containsPattern("executor: КП «Аварійна служба мереж»\\n\\s*executorId: " + pipes + "\\n")
                .contains("executorId: " + plumbers);
        ApiClient.Response same = admin.postText("/api/categories/import", export);
        assertThat(same.status()).as(same.body()).isEqualTo(200);
        assertThat(category(admin, "water").get("executorId").asLong()).isEqualTo(pipes);

        // A file naming an executor this database does not have is refused as a whole.
        JsonNode before = admin.get("/api/categories").json();
        ApiClient.Response unknown =
                admin.postText("/api/categories/import", export.replace("executorId: " + pipes, "executorId: 987654"));
        refusedOn(unknown, "executorId");
        assertThat(unknown.json().get("error").asText()).contains("987654").contains("water");
        assertThat(admin.get("/api/categories").json()).isEqualTo(before);

        // A file from before executors were records has names only: each refers to the record of
        // its name, and a name with no record yet becomes one.
        String old = export.lines()
                .filter(l -> !l.strip().startsWith("executorId:"))
                .reduce("", (a, b) -> a + b + "\n")
                .replace("executor: Департамент благоустрою та інфраструктури", "executor: КП «Новий шляхбуд»");
        ApiClient.Response imported = admin.postText("/api/categories/import", old);
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(category(admin, "water").get("executorId").asLong()).isEqualTo(pipes);
        assertThat(issueType(admin, "water", "pipe-burst").get("executorId").isNull())
                .as("an old file has no issue type executors")
                .isTrue();
        JsonNode created = null;
        for (JsonNode e : admin.get("/api/executors").json()) {
            if (e.get("name").asText().equals("КП «Новий шляхбуд»")) {
                created = e;
            }
        }
        assertThat(created).as("the new name's record").isNotNull();
        boolean refers = false;
        for (JsonNode c : admin.get("/api/categories").json()) {
            if (c.get("executor").asText().equals("КП «Новий шляхбуд»")) {
                assertThat(c.get("executorId").asLong())
                        .isEqualTo(created.get("id").asLong());
                refers = true;
            }
        }
        assertThat(refers).isTrue();
    }

    @Test
    void anAdminPicksTheExecutorOnTheConsolesMenuPages() {
        ApiClient admin = admin();
        long pipes = newExecutor(admin, "КП «Аварійна служба мереж»");
        long retired = newExecutor(admin, "КП «Старий підрядник»");
        assertThat(admin.patch("/api/executors/" + retired, "{\"active\": false}")
                        .status())
                .isEqualTo(200);
        ConsoleHttp b = new ConsoleHttp(running.app().httpPort());
        assertThat(b.signIn(ADMIN).status()).isEqualTo(303);

        ConsoleHttp.Page page = b.get("/console/categories/water");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains("name=\"executorId\"")
                .contains("<option value=\"" + pipes + "\">КП «Аварійна служба мереж»</option>")
                .as("an inactive executor is not offered")
                .doesNotContain("КП «Старий підрядник»");

        JsonNode water = category(admin, "water");
        var form = new java.util.LinkedHashMap<String, String>();
        form.put("_csrf", page.csrf());
        form.put("nameUk", water.get("nameUk").asText());
        form.put("nameEn", water.get("nameEn").asText());
        form.put("emoji", water.get("emoji").asText());
        form.put("deadlineClass", water.get("deadlineClass").asText());
        form.put("executorId", Long.toString(pipes));
        form.put("active", "yes");
        ConsoleHttp.Page saved = b.post("/console/categories/water", form);
        assertThat(saved.status()).isEqualTo(303);
        assertThat(category(admin, "water").get("executorId").asLong()).isEqualTo(pipes);
        assertThat(category(admin, "water").get("executor").asText()).isEqualTo("КП «Аварійна служба мереж»");
        assertThat(b.get("/console/categories/water").body())
                .contains("<option value=\"" + pipes + "\" selected>КП «Аварійна служба мереж»</option>");

        // An issue type of its own executor, and a refused choice that changes nothing.
        ConsoleHttp.Page typed = b.post(
                "/console/categories/water/issue-types/pipe-burst",
                Map.of(
                        "_csrf",
                        page.csrf(),
                        "nameUk",
                        "Порив труби",
                        "nameEn",
                        "Burst pipe",
                        "deadlineClass",
                        "EMERGENCY",
                        "executorId",
                        Long.toString(pipes),
                        "active",
                        "yes"));
        assertThat(typed.status()).isEqualTo(303);
        assertThat(issueType(admin, "water", "pipe-burst").get("executorId").asLong())
                .isEqualTo(pipes);
        form.put("executorId", Long.toString(retired));
        assertThat(b.post("/console/categories/water", form).status()).isEqualTo(303);
        assertThat(b.get("/console/categories/water").body()).contains("оберіть активного виконавця");
        assertThat(category(admin, "water").get("executorId").asLong()).isEqualTo(pipes);

        // A new category from the menu page, with its executor.
        ConsoleHttp.Page list = b.get("/console/categories");
        assertThat(list.body()).contains("id=\"executorId\"");
        ConsoleHttp.Page added = b.post(
                "/console/categories",
                Map.of(
                        "_csrf",
                        list.csrf(),
                        "id",
                        "snow",
                        "nameUk",
                        "Сніг",
                        "deadlineClass",
                        "SHORT",
                        "executorId",
                        Long.toString(pipes)));
        assertThat(added.status()).isEqualTo(303);
        assertThat(category(admin, "snow").get("executorId").asLong()).isEqualTo(pipes);
    }
}
