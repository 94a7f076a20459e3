package ua.zvernennia.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import ua.zvernennia.app.api.ApiJson;

/**
 * Open311 GeoReport v2 on the running app, over real HTTP, every resource in JSON and in XML,
 * checked against the specification's field lists (wiki.open311.org/GeoReport_v2 and
 * /Service_Discovery).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class Open311Test {
    static final String ADMIN = "open311-admin-token-0123456789abcdef";
    static final String JURISDICTION = "misto.test";

    // The specification's fields, in its order.
    static final List<String> DISCOVERY = List.of("changeset", "contact", "key_service", "endpoints");
    static final List<String> ENDPOINT = List.of("specification", "url", "changeset", "type", "formats");
    static final List<String> SERVICE =
            List.of("service_code", "service_name", "description", "metadata", "type", "keywords", "group");
    static final List<String> DEFINITION = List.of("service_code", "attributes");
    static final List<String> ATTRIBUTE = List.of(
            "variable", "code", "datatype", "required", "datatype_description", "order", "description", "values");
    static final List<String> CREATED = List.of("service_request_id", "service_notice", "account_id");
    // media_url stays out until published photos of the result exist.
    static final List<String> REQUEST = List.of(
            "service_request_id",
            "status",
            "status_notes",
            "service_name",
            "service_code",
            "description",
            "agency_responsible",
            "service_notice",
            "requested_datetime",
            "updated_datetime",
            "expected_datetime",
            "address",
            "address_id",
            "zipcode",
            "lat",
            "long");
    static final List<String> ERROR = List.of("code", "description");

    @TempDir
    static Path dir;

    App app;
    ApiClient admin;
    ApiClient operator;
    String key;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void start() {
        var env = new HashMap<>(Map.of(
                "DB_URL",
                "jdbc:h2:file:" + dir.resolve("db").toAbsolutePath(),
                "ADMIN_TOKEN",
                ADMIN,
                "OPEN311_JURISDICTION_ID",
                JURISDICTION,
                "OPEN311_CONTACT",
                "Контакт-центр, 15-80"));
        app = TestApps.start(dir, Clock.systemUTC(), env);
        admin = new ApiClient(app.httpPort(), ADMIN);
        String token = admin.post("/api/tokens", "{\"name\": \"Оператор Іваненко\", \"role\": \"OPERATOR\"}")
                .json()
                .get("token")
                .asText();
        operator = admin.as(token);
        var issued = admin.post("/api/open311/keys", "{\"name\": \"Сайт міста\", \"source\": \"Київ Цифровий\"}");
        assertThat(issued.status()).isEqualTo(201);
        key = issued.json().get("key").asText();
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    // ---- discovery and services ---------------------------------------------------------------

    @Test
    void discoveryNamesTheEndpointInBothFormats() throws Exception {
        Reply json = get("/open311/discovery.json");
        assertThat(json.contentType()).startsWith("application/json");
        JsonNode d = json.json();
        assertThat(fields(d)).containsExactlyElementsOf(DISCOVERY);
        JsonNode endpoint = d.get("endpoints").get(0);
        assertThat(fields(endpoint)).containsExactlyElementsOf(ENDPOINT);
        assertThat(endpoint.get("specification").asText()).isEqualTo("http://wiki.open311.org/GeoReport_v2");
        assertThat(endpoint.get("url").asText()).isEqualTo("http://127.0.0.1:" + app.httpPort() + "/open311/v2");
        assertThat(endpoint.get("type").asText()).isEqualTo("production");
        assertThat(endpoint.get("formats"))
                .extracting(JsonNode::asText)
                .containsExactly("text/xml", "application/json");
        OffsetDateTime.parse(d.get("changeset").asText());
        assertThat(d.get("contact").asText())
                .contains("Контакт-центр, 15-80")
                .contains("first_name, last_name, phone")
                .contains("media_url");

        Reply xml = get("/open311/discovery.xml");
        assertThat(xml.contentType()).startsWith("text/xml");
        Element root = xml.xml();
        assertThat(root.getTagName()).isEqualTo("discovery");
        assertThat(children(root)).containsExactlyElementsOf(DISCOVERY);
        Element e = only(child(root, "endpoints"), "endpoint");
        assertThat(children(e)).containsExactlyElementsOf(ENDPOINT);
        assertThat(texts(child(e, "formats"), "format")).containsExactly("text/xml", "application/json");
    }

    @Test
    void servicesAreTheActiveMenuInUkrainian() throws Exception {
        JsonNode services = get("/open311/v2/services.json").json();
        assertThat(services.isArray()).isTrue();
        for (JsonNode s : services) {
            assertThat(fields(s)).containsExactlyElementsOf(SERVICE);
            assertThat(s.get("metadata").asBoolean()).isTrue();
            assertThat(s.get("type").asText()).isEqualTo("realtime");
        }
        Map<String, String> names = new LinkedHashMap<>();
        services.forEach(s ->
                names.put(s.get("service_code").asText(), s.get("service_name").asText()));
        assertThat(names).containsEntry("water", "Водоканал").containsEntry("water.no-water", "Немає води");
        int activeCategories = app.storage().categories().active().size();
        assertThat(names.keySet().stream().filter(c -> !c.contains("."))).hasSize(activeCategories);

        Element xml =
                get("/open311/v2/services.xml?jurisdiction_id=" + JURISDICTION).xml();
        assertThat(xml.getTagName()).isEqualTo("services");
        List<Element> items = elements(xml, "service");
        assertThat(items).hasSize(services.size());
        for (Element s : items) {
            assertThat(children(s)).containsExactlyElementsOf(SERVICE);
        }
        assertThat(text(items.get(0), "service_code"))
                .isEqualTo(services.get(0).get("service_code").asText());
        assertThat(text(items.get(0), "metadata")).isEqualTo("true");
    }

    @Test
    void aServiceDefinitionAsksForTheCitizensAddress() throws Exception {
        JsonNode d = get("/open311/v2/services/water.no-water.json").json();
        assertThat(fields(d)).containsExactlyElementsOf(DEFINITION);
        assertThat(d.get("service_code").asText()).isEqualTo("water.no-water");
        JsonNode a = d.get("attributes").get(0);
        assertThat(fields(a)).containsExactlyElementsOf(ATTRIBUTE);
        assertThat(a.get("code").asText()).isEqualTo("citizen_address");
        assertThat(a.get("required").asBoolean()).isTrue();
        assertThat(a.get("datatype").asText()).isEqualTo("string");

        Element xml = get("/open311/v2/services/water.xml").xml();
        assertThat(xml.getTagName()).isEqualTo("service_definition");
        assertThat(children(xml)).containsExactlyElementsOf(DEFINITION);
        Element attribute = only(child(xml, "attributes"), "attribute");
        assertThat(children(attribute)).containsExactlyElementsOf(ATTRIBUTE);
        assertThat(text(attribute, "required")).isEqualTo("true");
    }

    @Test
    void unknownServicesAndJurisdictionsGetTheSpecificationsErrors() throws Exception {
        assertError(get("/open311/v2/services/no-such.json"), 404, "service_code no-such was not found");
        assertError(get("/open311/v2/services/no-such.xml"), 404, "service_code no-such was not found");
        assertError(
                get("/open311/v2/services.json?jurisdiction_id=elsewhere.test"),
                404,
                "jurisdiction_id elsewhere.test was not found");
        assertError(get("/open311/v2/requests/2026-999999.xml"), 404, "service_request_id 2026-999999 was not found");
        assertError(
                post("/open311/v2/requests.json", filing(key, "no-such")), 404, "service_code no-such was not found");
        assertError(
                post("/open311/v2/requests.xml", filing(key, "no-such")), 404, "service_code no-such was not found");
    }

    // ---- filing and following ---------------------------------------------------------------------

    @Test
    void anAppealFiledThroughOpen311ReachesTheOperatorsAndItsStatusIsPublic() throws Exception {
        Map<String, String> form = filing(key, "water.no-water");
        Reply created = post("/open311/v2/requests.json", form);
        assertThat(created.status()).isEqualTo(201);
        JsonNode answer = created.json().get(0);
        assertThat(fields(answer)).containsExactlyElementsOf(CREATED);
        String id = answer.get("service_request_id").asText();
        assertThat(id).matches("\\d{4}-\\d{6}");
        assertThat(answer.get("service_notice").asText()).contains("№ " + id).contains("Строк виконання: до");
        assertThat(answer.has("token")).as("the answer is not deferred").isFalse();

        JsonNode listed = operator.get("/api/appeals?channel=WEB").json().get("items");
        JsonNode mine = null;
        for (JsonNode a : listed) {
            if (a.get("number").asText().equals(id)) {
                mine = a;
            }
        }
        assertThat(mine).as("the operators see it").isNotNull();
        assertThat(mine.get("channel").asText()).isEqualTo("WEB");
        assertThat(mine.get("issueType").asText()).isEqualTo("no-water");
        assertThat(mine.get("lastName").asText()).isEqualTo("Коваленко");
        assertThat(mine.get("address").asText()).isEqualTo("вул. Шевченка, 5, кв. 12");
        assertThat(mine.get("phone").asText()).isEqualTo("+380501234567");
        assertThat(mine.get("location").get("latitude").asDouble()).isEqualTo(48.4647);
        assertThat(OffsetDateTime.parse(mine.get("deadline").asText()).toInstant())
                .isEqualTo(OffsetDateTime.parse(mine.get("createdAt").asText())
                        .toInstant()
                        .plusSeconds(6 * 3600));
        JsonNode history = operator.get("/api/appeals/" + id).json().get("history");
        assertThat(history.toString()).contains("Київ Цифровий").contains("Сайт міста");

        JsonNode shown = get("/open311/v2/requests/" + id + ".json").json().get(0);
        assertThat(fields(shown)).containsExactlyElementsOf(REQUEST);
        assertThat(shown.get("status").asText()).isEqualTo("open");
        assertThat(shown.get("status_notes").asText()).isEqualTo("Зареєстровано");
        assertThat(shown.get("service_code").asText()).isEqualTo("water.no-water");
        assertThat(shown.get("service_name").asText()).isEqualTo("Немає води");
        assertThat(shown.get("agency_responsible").asText()).isEqualTo("КП «Міський водоканал»");
        assertThat(shown.get("description").isNull())
                .as("private until an operator publishes it")
                .isTrue();
        assertThat(shown.get("lat").asDouble()).isEqualTo(48.4647);
        assertThat(OffsetDateTime.parse(shown.get("expected_datetime").asText()).toInstant())
                .isEqualTo(OffsetDateTime.parse(mine.get("deadline").asText())
                        .toInstant()
                        .truncatedTo(ChronoUnit.SECONDS));
        assertThat(get("/open311/v2/requests/" + id + ".json").body())
                .as("never the person's details")
                .doesNotContain("Коваленко")
                .doesNotContain("Олена")
                .doesNotContain("501234567")
                .doesNotContain("Шевченка");

        assertThat(operator.post(
                                "/api/appeals/" + id + "/status",
                                "{\"status\": \"IN_PROGRESS\", \"comment\": \"Бригада виїхала\"}")
                        .status())
                .isEqualTo(200);
        Element xml = only(get("/open311/v2/requests/" + id + ".xml").xml(), "request");
        assertThat(children(xml)).containsExactlyElementsOf(REQUEST);
        assertThat(text(xml, "status")).isEqualTo("open");
        assertThat(text(xml, "status_notes")).isEqualTo("У роботі");

        assertThat(operator.put("/api/appeals/" + id + "/description-public", "{\"public\": true}")
                        .json()
                        .get("changed")
                        .asBoolean())
                .isTrue();
        assertThat(operator.post("/api/appeals/" + id + "/status", "{\"status\": \"RESOLVED\"}")
                        .status())
                .isEqualTo(200);
        JsonNode closed = get("/open311/v2/requests/" + id + ".json").json().get(0);
        assertThat(closed.get("status").asText()).isEqualTo("closed");
        assertThat(closed.get("status_notes").asText()).isEqualTo("Вирішено");
        assertThat(closed.get("description").asText()).isEqualTo(form.get("description"));
        assertThat(OffsetDateTime.parse(closed.get("updated_datetime").asText()))
                .isAfterOrEqualTo(
                        OffsetDateTime.parse(closed.get("requested_datetime").asText()));
        assertThat(operator.get("/api/appeals/" + id).json().get("history").toString())
                .contains("опис звернення оприлюднено");
    }

    @Test
    void anAppealFiledInXmlAnswersInXml() throws Exception {
        Map<String, String> form = filing(key, "roads");
        form.remove("lat");
        form.remove("long");
        form.put("address_string", "вул. Незалежності, 40");
        form.put("jurisdiction_id", JURISDICTION);
        Reply created = post("/open311/v2/requests.xml", form);
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.contentType()).startsWith("text/xml");
        Element root = created.xml();
        assertThat(root.getTagName()).isEqualTo("service_requests");
        Element request = only(root, "request");
        assertThat(children(request)).containsExactlyElementsOf(CREATED);
        String id = text(request, "service_request_id");
        Element shown =
                only(get("/open311/v2/requests.xml?service_request_id=" + id).xml(), "request");
        assertThat(text(shown, "address")).isEqualTo("вул. Незалежності, 40");
        assertThat(text(shown, "lat")).isEmpty();
    }

    @Test
    void aBadKeyAndMissingFieldsGetTheSpecificationsErrors() throws Exception {
        Map<String, String> noKey = filing(key, "roads");
        noKey.remove("api_key");
        assertError(post("/open311/v2/requests.json", noKey), 403, "api_key was not provided");
        assertError(
                post("/open311/v2/requests.xml", filing("not-a-key", "roads")),
                403,
                "api_key is not valid (unknown or revoked)");

        Map<String, String> noPhone = filing(key, "roads");
        noPhone.remove("phone");
        noPhone.remove("attribute[citizen_address]");
        Reply missing = post("/open311/v2/requests.json", noPhone);
        assertThat(missing.status()).isEqualTo(400);
        List<String> descriptions = new ArrayList<>();
        for (JsonNode e : missing.json()) {
            assertThat(fields(e)).containsExactlyElementsOf(ERROR);
            assertThat(e.get("code").asInt()).isEqualTo(400);
            descriptions.add(e.get("description").asText());
        }
        assertThat(descriptions)
                .anyMatch(d -> d.startsWith("phone was not provided") && d.contains("«Про звернення громадян»"))
                .anyMatch(d -> d.startsWith("attribute[citizen_address] was not provided"));
        Map<String, String> noService = filing(key, "roads");
        noService.remove("service_code");
        assertError(post("/open311/v2/requests.xml", noService), 400, "service_code was not provided");
        Map<String, String> noPlace = filing(key, "roads");
        noPlace.remove("lat");
        noPlace.remove("long");
        assertError(
                post("/open311/v2/requests.json", noPlace),
                400,
                "the location is missing: lat and long, or address_string");
    }

    @Test
    void aRevokedKeyIsRefusedAndEachKeyHasItsRateLimit() throws Exception {
        var issued = admin.post("/api/open311/keys", "{\"name\": \"Застосунок\", \"perMinute\": 2}")
                .json();
        String limited = issued.get("key").asText();
        assertThat(issued.get("source").asText()).isEqualTo("WEB");
        assertThat(post("/open311/v2/requests.json", filing(limited, "roads")).status())
                .isEqualTo(201);
        assertThat(post("/open311/v2/requests.json", filing(limited, "roads")).status())
                .isEqualTo(201);
        assertError(
                post("/open311/v2/requests.json", filing(limited, "roads")),
                429,
                "too many requests with this api_key: at most 2 a minute");
        assertThat(post("/open311/v2/requests.json", filing(key, "roads")).status())
                .as("other keys are not slowed")
                .isEqualTo(201);

        JsonNode keys = admin.get("/api/open311/keys").json();
        assertThat(keys.toString()).doesNotContain(limited).contains("Застосунок");
        assertThat(operator.get("/api/open311/keys").status()).isEqualTo(403);
        assertThat(admin.delete("/api/open311/keys/" + issued.get("id").asLong())
                        .status())
                .isEqualTo(204);
        assertError(
                post("/open311/v2/requests.json", filing(limited, "roads")),
                403,
                "api_key is not valid (unknown or revoked)");
    }

    @Test
    void requestsAreFilteredAndPaged() throws Exception {
        String a = created(filing(key, "lifts"));
        String b = created(filing(key, "lifts"));
        String c = created(filing(key, "street-lights"));
        assertThat(operator.post(
                                "/api/appeals/" + b + "/status",
                                "{\"status\": \"REJECTED\", \"comment\": \"Дублікат\"}")
                        .status())
                .isEqualTo(200);

        assertThat(ids(get("/open311/v2/requests.json?service_request_id=" + a + "," + c)
                        .json()))
                .containsExactly(c, a);
        assertThat(ids(get("/open311/v2/requests.json?service_code=lifts").json()))
                .contains(a, b)
                .doesNotContain(c);
        assertThat(ids(get("/open311/v2/requests.json?service_code=lifts&status=closed")
                        .json()))
                .containsExactly(b);
        assertThat(ids(get("/open311/v2/requests.json?service_code=lifts&status=open")
                        .json()))
                .contains(a)
                .doesNotContain(b);
        String later = OffsetDateTime.now().plusDays(1).toString();
        assertThat(ids(get("/open311/v2/requests.json?start_date=" + enc(later)).json()))
                .isEmpty();
        assertThat(ids(get("/open311/v2/requests.json?service_code=lifts,street-lights&end_date=" + enc(later))
                        .json()))
                .contains(a, b, c);
        List<String> page1 = ids(get("/open311/v2/requests.json?service_code=lifts,street-lights&page_size=2")
                .json());
        List<String> page2 = ids(get("/open311/v2/requests.json?service_code=lifts,street-lights&page_size=2&page=2")
                .json());
        assertThat(page1).hasSize(2).containsExactly(c, b);
        assertThat(page2).startsWith(a);

        List<Element> xml = elements(
                get("/open311/v2/requests.xml?service_request_id=" + a + "," + b)
                        .xml(),
                "request");
        assertThat(xml).hasSize(2);
        for (Element r : xml) {
            assertThat(children(r)).containsExactlyElementsOf(REQUEST);
        }
        assertError(
                get("/open311/v2/requests.json?status=pending"), 400, "status: 'pending' is neither open nor closed");
        assertError(
                get("/open311/v2/requests.xml?start_date=yesterday"),
                400,
                "start_date: 'yesterday' is not a W3C date-time such as 2026-03-10T08:15:30+02:00");
    }

    @Test
    void anAdminIssuesAndRevokesAKeyInTheConsole() throws Exception {
        var console = new ConsoleHttp(app.httpPort());
        console.signIn(ADMIN);
        String csrf = console.get("/console/open311-keys").csrf();
        var done = console.post(
                "/console/open311-keys",
                Map.of("_csrf", csrf, "name", "Мобільний застосунок", "source", "Застосунок", "perMinute", "10"));
        assertThat(done.status()).isEqualTo(303);
        var page = console.get("/console/open311-keys");
        var m = java.util.regex.Pattern.compile("id=\"issued-token\"[^>]*value=\"([^\"]+)\"")
                .matcher(page.body());
        assertThat(m.find()).as("the key is shown once").isTrue();
        String issued = m.group(1);
        assertThat(post("/open311/v2/requests.json", filing(issued, "roads")).status())
                .isEqualTo(201);
        assertThat(console.get("/console/open311-keys").body())
                .as("shown once")
                .doesNotContain(issued)
                .contains("Мобільний застосунок");

        long id = 0;
        for (JsonNode k : admin.get("/api/open311/keys").json()) {
            if (k.get("name").asText().equals("Мобільний застосунок")) {
                id = k.get("id").asLong();
                assertThat(k.get("perMinute").asInt()).isEqualTo(10);
                assertThat(k.get("source").asText()).isEqualTo("Застосунок");
            }
        }
        csrf = console.get("/console/open311-keys").csrf();
        assertThat(console.post("/console/open311-keys/" + id + "/revoke", Map.of("_csrf", csrf))
                        .status())
                .isEqualTo(303);
        assertError(
                post("/open311/v2/requests.json", filing(issued, "roads")),
                403,
                "api_key is not valid (unknown or revoked)");
    }

    @Test
    void theOpenApiDocumentDescribesOpen311() {
        JsonNode paths = admin.as(null).get("/api/openapi.json").json().get("paths");
        assertThat(paths.has("/api/open311/keys")).isTrue();
        assertThat(paths.has("/api/appeals/{number}/description-public")).isTrue();
        assertThat(paths.has("/open311/v2/requests.{format}")).isTrue();
        assertThat(paths.has("/public/new")).isTrue();
    }

    // ---- helpers ------------------------------------------------------------------------------------

    static Map<String, String> filing(String apiKey, String service) {
        var form = new LinkedHashMap<String, String>();
        form.put("api_key", apiKey);
        form.put("service_code", service);
        form.put("lat", "48.4647");
        form.put("long", "35.0462");
        form.put("description", "Немає холодної води з самого ранку");
        form.put("first_name", "Олена");
        form.put("last_name", "Коваленко");
        form.put("phone", "050 123 45 67");
        form.put("email", "olena@example.com");
        form.put("attribute[citizen_address]", "вул. Шевченка, 5, кв. 12");
        return form;
    }

    String created(Map<String, String> form) throws Exception {
        Reply r = post("/open311/v2/requests.json", form);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get(0).get("service_request_id").asText();
    }

    static List<String> ids(JsonNode requests) {
        var out = new ArrayList<String>();
        requests.forEach(r -> out.add(r.get("service_request_id").asText()));
        return out;
    }

    static void assertError(Reply r, int status, String description) throws Exception {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        if (r.contentType().startsWith("text/xml")) {
            Element root = r.xml();
            assertThat(root.getTagName()).isEqualTo("errors");
            Element e = only(root, "error");
            assertThat(children(e)).containsExactlyElementsOf(ERROR);
            assertThat(text(e, "code")).isEqualTo(String.valueOf(status));
            assertThat(text(e, "description")).isEqualTo(description);
        } else {
            assertThat(r.contentType()).startsWith("application/json");
            JsonNode errors = r.json();
            assertThat(errors.size()).isEqualTo(1);
            assertThat(fields(errors.get(0))).containsExactlyElementsOf(ERROR);
            assertThat(errors.get(0).get("code").asInt()).isEqualTo(status);
            assertThat(errors.get(0).get("description").asText()).isEqualTo(description);
        }
    }

    record Reply(int status, String contentType, String body) {
        JsonNode json() throws Exception {
            return ApiJson.MAPPER.readTree(body);
        }

        Element xml() throws Exception {
            assertThat(body).startsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>");
            Document doc = DocumentBuilderFactory.newInstance()
                    .newDocumentBuilder()
                    .parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
            return doc.getDocumentElement();
        }
    }

    Reply get(String path) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    Reply post(String path, Map<String, String> form) throws Exception {
        String body = form.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private Reply send(HttpRequest.Builder b) throws Exception {
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Reply(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + app.httpPort() + path);
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static List<String> fields(JsonNode node) {
        var out = new ArrayList<String>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            out.add(it.next());
        }
        return out;
    }

    static List<String> children(Element e) {
        var out = new ArrayList<String>();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c) {
                out.add(c.getTagName());
            }
        }
        return out;
    }

    static List<Element> elements(Element parent, String name) {
        var out = new ArrayList<Element>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c) {
                assertThat(c.getTagName()).isEqualTo(name);
                out.add(c);
            }
        }
        return out;
    }

    static Element only(Element parent, String name) {
        List<Element> all = elements(parent, name);
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    static Element child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c && c.getTagName().equals(name)) {
                return c;
            }
        }
        throw new AssertionError("no <" + name + "> in <" + parent.getTagName() + ">");
    }

    static String text(Element parent, String name) {
        return child(parent, name).getTextContent();
    }

    static List<String> texts(Element parent, String name) {
        return elements(parent, name).stream().map(Element::getTextContent).toList();
    }
}
