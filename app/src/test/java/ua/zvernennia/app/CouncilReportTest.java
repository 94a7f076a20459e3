package ua.zvernennia.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The council's register on the running app: a quarter registered through the API with back-dated
 * receipts, several questions per appeal, a custom channel in a group, then every figure of the
 * report checked in HTML, CSV and DOCX; the back-log import; deadlines from receivedAt.
 */
class CouncilReportTest {
    static final String ADMIN = TokenApiTest.ADMIN;
    /** The app's clock: mid-April 2026, so that the first quarter is over. */
    static final Instant NOW = Instant.parse("2026-04-15T09:00:00Z");

    @TempDir
    Path dir;

    App app;
    ApiClient admin;

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    void start() {
        app = TestApps.start(
                dir,
                Clock.fixed(NOW, ZoneOffset.UTC),
                Map.of(
                        "ADMIN_TOKEN",
                        ADMIN,
                        "REPORT_ORGANISATION",
                        "Тестівська міська рада",
                        "REPORT_RECEIVED_BY",
                        "до Тестівської міської ради"));
        admin = new ApiClient(app.httpPort(), ADMIN);
    }

    /** Registers an appeal; {@code extra} is more JSON fields, e.g. {@code "questions": [...]}. */
    JsonNode file(String channel, String category, String receivedAt, String extra) {
        String body = "{\"channel\": \"" + channel + "\", \"category\": \"" + category
                + "\", \"description\": \"Проблема у будинку\", "
                + "\"placeAddress\": \"вул. Січових Стрільців, 12\", \"firstName\": \"Олена\", \"lastName\": \"Коваленко\", "
                + "\"address\": \"вул. Шевченка, 5, кв. 12\", \"phone\": \"050 123 45 67\", \"receivedAt\": \""
                + receivedAt + "\""
                + (extra.isEmpty() ? "" : ", " + extra) + "}";
        ApiClient.Response r = admin.post("/api/appeals", body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    static String questions(String... topics) {
        var parts = new ArrayList<String>();
        for (String t : topics) {
            parts.add("{\"topic\": \"" + t + "\"}");
        }
        return "\"questions\": [" + String.join(", ", parts) + "]";
    }

    @Test
    void aQuarterRegisteredThroughTheApiGivesEveryFigureOfTheReportInHtmlCsvAndDocx() throws Exception {
        start();
        ApiClient.Response added = admin.post(
                "/api/channels",
                "{\"code\": \"DEPUTY\", \"nameUk\": \"Через депутатів ради\", "
                        + "\"reportGroup\": \"Письмові звернення\"}");
        assertThat(added.status()).as(added.body()).isEqualTo(201);

        JsonNode first = file(
                "GOV_HOTLINE", "lifts", "2026-01-10T09:00", "\"type\": \"3.2\", \"form\": \"5.1\", \"sign\": \"2.1\"");
        file("GOV_HOTLINE", "water", "2026-01-20", questions("009", "010") + ", \"type\": \"3.3\", \"form\": \"5.1\"");
        file(
                "REGIONAL_HOTLINE",
                "housing",
                "2026-02-05T14:30",
                questions("010", "006") + ", \"type\": \"3.2\", \"form\": \"5.1\"");
        JsonNode roads = file("HOTLINE", "roads", "2026-02-14", "\"type\": \"3.1\", \"form\": \"5.1\"");
        JsonNode waste = file(
                "PHONE",
                "waste",
                "2026-03-01",
                questions("009") + ", \"type\": \"3.2\", \"form\": \"5.1\", " + "\"citizenCategories\": [\"7.21\"]");
        file(
                "DEPUTY",
                "housing",
                "2026-03-10",
                questions("010", "009", "006") + ", \"type\": \"3.3\", \"form\": \"5.2\", "
                        + "\"signatories\": 25, \"citizenCategories\": [\"7.21\", \"7.5\"]");
        JsonNode repeated = file(
                "EMAIL",
                "other",
                "2026-03-20",
                questions("006") + ", \"type\": \"3.2\", \"form\": \"5.1\", "
                        + "\"sign\": \"2.2\", \"earlierNumber\": \""
                        + first.get("number").asText() + "\"");
        file("MAIL", "water", "2026-03-31T20:30", "");
        // Outside the quarter: the evening of 31 December in Kyiv is still 2025, and April is the next quarter.
        JsonNode lastYear = file("PHONE", "water", "2025-12-31T23:30", "");
        file("PHONE", "water", "2026-04-02", "");

        assertThat(lastYear.get("number").asText()).isEqualTo("2025-000001");
        assertThat(first.get("number").asText()).isEqualTo("2026-000001");
        assertThat(first.get("receivedAt").asText()).isEqualTo("2026-01-10T07:00:00Z");
        assertThat(first.get("registeredAt").asText()).isEqualTo(NOW.toString());
        // The deadlines count from receipt: lifts are EMERGENCY (6 hours), the legal limit 30 days.
        assertThat(first.get("deadline").asText()).isEqualTo("2026-01-10T13:00:00Z");
        assertThat(first.get("legalDeadline").asText()).isEqualTo("2026-02-09T07:00:00Z");
        assertThat(first.get("questions").get(0).get("topic").asText()).isEqualTo("009");
        assertThat(roads.get("questions").get(0).get("topic").asText()).isEqualTo("003");

        // An operator adds a question later, with history; closing records the outcome.
        ApiClient.Response patched =
                admin.patch("/api/appeals/" + roads.get("number").asText(), "{" + questions("003") + "}");
        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        close(first, "RESOLVED", "positive");
        close(waste, "RESOLVED", "explained");
        close(repeated, "REJECTED", "refused");
        assertThat(admin.put(
                                "/api/reports/narratives/2026-Q1",
                                "{\"text\": \"Проведено 3 засідання комісії з питань звернень громадян."
                                        + "\\n\\nВидано 2 розпорядження міського голови.\"}")
                        .status())
                .isEqualTo(200);

        Map<String, String[]> expected = new HashMap<>();
        // Channels: 8 appeals; the hotlines 4 of them (50 %); letters by post and the custom channel 2.
        expected.put("channel|GOV_HOTLINE", new String[] {"2", "25.0"});
        expected.put("channel|REGIONAL_HOTLINE", new String[] {"1", "12.5"});
        expected.put("channel|HOTLINE", new String[] {"1", "12.5"});
        expected.put("channel|PHONE", new String[] {"1", "12.5"});
        expected.put("channel|MAIL", new String[] {"1", "12.5"});
        expected.put("channel|DEPUTY", new String[] {"1", "12.5"});
        expected.put("channel|EMAIL", new String[] {"1", "12.5"});
        expected.put("channel|IN_PERSON", new String[] {"0", "0.0"});
        expected.put("channel_group|Гарячі лінії", new String[] {"4", "50.0"});
        expected.put("channel_group|Письмові звернення", new String[] {"2", "25.0"});
        expected.put("channel_group|Електронні звернення", new String[] {"1", "12.5"});
        // Questions: 12 in all; shares of the questions, the housing and communal group a subtotal.
        expected.put("topic|009", new String[] {"5", "41.7"});
        expected.put("topic|010", new String[] {"3", "25.0"});
        expected.put("topic|006", new String[] {"3", "25.0"});
        expected.put("topic|003", new String[] {"1", "8.3"});
        expected.put("topic_group|Житлово-комунальне господарство", new String[] {"8", "66.7"});
        expected.put("type|3.1", new String[] {"1", "12.5"});
        expected.put("type|3.2", new String[] {"4", "50.0"});
        expected.put("type|3.3", new String[] {"2", "25.0"});
        expected.put("type|unclassified", new String[] {"1", "12.5"});
        expected.put("form|5.1", new String[] {"6", "75.0"});
        expected.put("form|5.2", new String[] {"1", "12.5"});
        expected.put("sign|2.1", new String[] {"1", "12.5"});
        expected.put("sign|2.2", new String[] {"1", "12.5"});
        expected.put("sign|unclassified", new String[] {"6", "75.0"});
        expected.put("citizen_category|7.21", new String[] {"2", "25.0"});
        expected.put("citizen_category|7.5", new String[] {"1", "12.5"});
        expected.put("outcome|positive", new String[] {"1", "33.4"});
        expected.put("outcome|explained", new String[] {"1", "33.3"});
        expected.put("outcome|refused", new String[] {"1", "33.3"});
        expected.put("outcome|forwarded", new String[] {"0", "0.0"});
        // Terms (30 days from receipt, as of 15 April): two closed late, one on time, four open past
        // the limit, the letter of 31 March still in time.
        expected.put("terms|closed_on_time", new String[] {"1", "12.5"});
        expected.put("terms|closed_late", new String[] {"2", "25.0"});
        expected.put("terms|open_in_time", new String[] {"1", "12.5"});
        expected.put("terms|open_overdue", new String[] {"4", "50.0"});

        // ---- CSV
        ApiClient.Response csv = admin.get("/api/reports/council?period=2026-Q1&format=csv");
        assertThat(csv.status()).isEqualTo(200);
        Map<String, String[]> fromCsv = new HashMap<>();
        var mapper = CsvMapper.builder().enable(CsvParser.Feature.WRAP_AS_ARRAY).build();
        try (var it = mapper.readerForListOf(String.class).readValues(csv.body().substring(1))) {
            it.next();
            while (it.hasNext()) {
                @SuppressWarnings("unchecked")
                List<String> row = (List<String>) it.next();
                String key = row.get(0) + "|" + (row.get(1).isEmpty() ? row.get(2) : row.get(1));
                fromCsv.put(key, new String[] {row.get(4), row.get(5)});
            }
        }
        assertThat(fromCsv.get("total|appeals")[0]).isEqualTo("8");
        assertThat(fromCsv.get("total|questions")[0]).isEqualTo("12");
        assertThat(fromCsv.get("total|collective")[0]).isEqualTo("1");
        assertThat(fromCsv.get("total|signatories")[0]).isEqualTo("25");
        assertThat(fromCsv.get("total|repeated")[0]).isEqualTo("1");
        assertThat(fromCsv.get("total|closed")[0]).isEqualTo("3");
        expected.forEach((key, value) -> assertThat(fromCsv.get(key)).as(key).containsExactly(value));
        assertThat(fromCsv.get("narrative|Робота зі зверненнями")[0]).contains("Проведено 3 засідання комісії");

        // ---- HTML
        ApiClient.Response html = admin.get("/api/reports/council?year=2026&quarter=1");
        assertThat(html.status()).isEqualTo(200);
        String page = html.body();
        assertThat(page)
                .contains(
                        "Інформація про роботу зі зверненнями громадян за I квартал 2026 року",
                        "Тестівська міська рада",
                        "За I квартал 2026 року до Тестівської міської ради надійшло 8 звернень громадян, у яких порушено 12 питань.",
                        "Гарячі лінії — 4 (50,0 %).",
                        "Колективних звернень — 1, їх підписали 25 осіб.",
                        "Повторних звернень — 1.",
                        "Проведено 3 засідання комісії з питань звернень громадян.",
                        "Видано 2 розпорядження міського голови.");
        Map<String, String[]> fromHtml = htmlRows(page);
        expected.forEach((key, value) ->
                assertThat(fromHtml.get(key)).as(key).containsExactly(value[0], value[1].replace('.', ',')));

        // ---- DOCX
        byte[] docx = download(app.httpPort(), "/api/reports/council?period=2026-Q1&format=docx");
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            String text =
                    doc.getParagraphs().stream().map(XWPFParagraph::getText).reduce("", (a, b) -> a + "\n" + b);
            assertThat(text)
                    .contains(
                            "Інформація про роботу зі зверненнями громадян за I квартал 2026 року",
                            "надійшло 8 звернень громадян, у яких порушено 12 питань",
                            "Гарячі лінії — 4 (50,0 %).",
                            "Видано 2 розпорядження міського голови.");
            Map<String, String[]> fromDocx = docxRows(doc);
            expected.forEach((key, value) -> {
                String[] row = fromDocx.get(key.substring(key.indexOf('|') + 1));
                if (key.startsWith("channel_group|") || key.startsWith("topic_group|")) {
                    row = fromDocx.get("Разом: " + key.substring(key.indexOf('|') + 1));
                }
                if (row != null) {
                    assertThat(row).as(key).containsExactly(value[0], value[1].replace('.', ','));
                }
            });
            // Rows are found by name in the document; the codes are in the topic table.
            assertThat(fromDocx.get("009")).containsExactly("5", "41,7");
            assertThat(fromDocx.get("Гаряча лінія голови облдержадміністрації")).containsExactly("1", "12,5");
            assertThat(fromDocx.get("Через депутатів ради")).containsExactly("1", "12,5");
            assertThat(fromDocx.get("Разом: Гарячі лінії")).containsExactly("4", "50,0");
            assertThat(fromDocx.get("Разом: Житлово-комунальне господарство")).containsExactly("8", "66,7");
            assertThat(fromDocx.get("Розглянуто з порушенням строку")).containsExactly("2", "25,0");
        }

        // The statistics show the same breakdowns.
        JsonNode stats =
                admin.get("/api/stats?from=2026-01-01&to=2026-03-31").json().get("register");
        assertThat(stats.get("questions").asLong()).isEqualTo(12);
        assertThat(stats.get("topics").findValuesAsText("code")).contains("009", "010", "006", "003");
    }

    void close(JsonNode appeal, String status, String outcome) {
        ApiClient.Response r = admin.post(
                "/api/appeals/" + appeal.get("number").asText() + "/status",
                "{\"status\": \"" + status + "\", \"comment\": \"Розглянуто\", \"outcome\": \"" + outcome + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    /** Rows of the HTML tables by section and code (or by section and subtotal name): count and share. */
    static Map<String, String[]> htmlRows(String page) {
        var out = new HashMap<String, String[]>();
        Matcher table = Pattern.compile("<table id=\"([a-z_]+)\">(.*?)</table>", Pattern.DOTALL)
                .matcher(page);
        while (table.find()) {
            String section = table.group(1);
            Matcher row = Pattern.compile(
                            "<tr class=\"([a-z ]+)\"(?: data-code=\"([^\"]+)\")?>(.*?)</tr>", Pattern.DOTALL)
                    .matcher(table.group(2));
            while (row.find()) {
                List<String> cells = new ArrayList<>();
                Matcher cell = Pattern.compile("<td[^>]*>(.*?)</td>").matcher(row.group(3));
                while (cell.find()) {
                    cells.add(cell.group(1).replace("&amp;", "&").replace("&#39;", "'"));
                }
                int n = cells.size();
                if (row.group(1).equals("subtotal")) {
                    String name = cells.get(n - 3).replaceFirst("^Разом: ", "");
                    out.put(section + "_group|" + name, new String[] {cells.get(n - 2), cells.get(n - 1)});
                } else {
                    out.put(section + "|" + row.group(2), new String[] {cells.get(n - 2), cells.get(n - 1)});
                }
            }
        }
        return out;
    }

    /** Rows of the document's tables by their first text cell (the code in the topic table): count and share. */
    static Map<String, String[]> docxRows(XWPFDocument doc) {
        var out = new HashMap<String, String[]>();
        for (XWPFTable t : doc.getTables()) {
            for (XWPFTableRow r : t.getRows()) {
                int n = r.getTableCells().size();
                String key = r.getCell(0).getText().strip();
                if (key.isEmpty() && n == 4) {
                    key = r.getCell(1).getText().strip();
                }
                out.putIfAbsent(key, new String[] {
                    r.getCell(n - 2).getText(), r.getCell(n - 1).getText()
                });
            }
        }
        return out;
    }

    static byte[] download(int port, String path) throws Exception {
        HttpResponse<byte[]> r = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                .header("Authorization", "Bearer " + ADMIN)
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse(""))
                .startsWith("application/vnd.openxmlformats-officedocument");
        return r.body();
    }

    @Test
    void theImportRefusesABadFileNamingItsLinesAndWritesNothingThenTakesAGoodOne() {
        start();
        String header =
                "receivedAt,channel,category,description,placeAddress,firstName,lastName,address,phone,type,questions,status,closedAt,outcome\n";
        String good =
                "2026-02-02,MAIL,water,Немає води третій день,\"вул. Січових Стрільців, 12\",Олена,Коваленко,\"вул. Шевченка, 5\",050 123 45 67,3.2,009;010,,,\n";
        String bad = header + good
                + "2026-02-03,PHONE,water,Немає води,\"вул. Січових Стрільців, 12\",Петро,Іваненко,\"вул. Шевченка, 7\",12345,3.2,009,,,\n"
                + "2026-02-04,PIGEON,water,Немає води,\"вул. Січових Стрільців, 12\",Петро,Іваненко,\"вул. Шевченка, 7\",050 123 45 67,3.9,999,,,\n"
                + "2027-01-01,PHONE,water,Немає води,\"вул. Січових Стрільців, 12\",Петро,Іваненко,\"вул. Шевченка, 7\",050 123 45 67,,,RESOLVED,,positive\n";
        ApiClient.Response refused = admin.postText("/api/appeals/import", bad);
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        List<String> problems = new ArrayList<>();
        refused.json().get("problems").forEach(p -> problems.add(p.asText()));
        assertThat(problems)
                .anyMatch(p -> p.startsWith("line 3: phone"))
                .anyMatch(
                        p -> p.startsWith("line 4: channel") && p.contains("PIGEON") && p.contains("REGIONAL_HOTLINE"))
                .anyMatch(p -> p.startsWith("line 4: type") && p.contains("3.9"))
                .anyMatch(p -> p.startsWith("line 4: questions[].topic") && p.contains("999"))
                .anyMatch(p -> p.startsWith("line 5: receivedAt") && p.contains("future"))
                .anyMatch(p -> p.startsWith("line 5: closedAt"))
                .noneMatch(p -> p.startsWith("line 2"))
                .noneMatch(p -> p.contains("ua.zvernennia") || p.contains("java."));
        assertThat(admin.get("/api/appeals").json().get("total").asInt()).isZero();

        String fine = header + good
                + "2026-01-15T10:00,GOV_HOTLINE,lifts,Застряг ліфт,\"вул. Січових Стрільців, 12\",Петро,Іваненко,\"вул. Шевченка, 7\",050 123 45 67,3.3,,RESOLVED,2026-01-20,positive\n";
        ApiClient.Response imported = admin.postText("/api/appeals/import", fine);
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        assertThat(imported.json().get("imported").asInt()).isEqualTo(2);
        String lift = imported.json().get("numbers").get(1).asText();
        JsonNode appeal = admin.get("/api/appeals/" + lift).json();
        assertThat(appeal.get("receivedAt").asText()).isEqualTo("2026-01-15T08:00:00Z");
        assertThat(appeal.get("legalDeadline").asText()).isEqualTo("2026-02-14T08:00:00Z");
        assertThat(appeal.get("status").asText()).isEqualTo("RESOLVED");
        assertThat(appeal.get("outcome").asText()).isEqualTo("positive");
        assertThat(appeal.get("questions").get(0).get("topic").asText()).isEqualTo("009");
        JsonNode water = admin.get(
                        "/api/appeals/" + imported.json().get("numbers").get(0).asText())
                .json();
        assertThat(water.get("questions").findValuesAsText("topic")).containsExactly("009", "010");
        assertThat(water.get("channelCode").asText()).isEqualTo("MAIL");
    }

    @Test
    void anImportOfMoreThanAThousandRowsIsRefusedWholeEvenPastTheLimitOfJsonBodies() {
        start();
        StringBuilder csv = new StringBuilder(
                "receivedAt,channel,category,description,placeAddress,firstName,lastName,address,phone\n");
        String description = "Немає води. ".repeat(100);
        for (int i = 0; i < 1_001; i++) {
            csv.append("2026-03-02,MAIL,water,")
                    .append(description)
                    .append(",\"вул. Січових Стрільців, 12\",Олена,Коваленко,\"вул. Шевченка, 5\",050 123 45 67\n");
        }
        assertThat(csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
                .as("more than a JSON body may be")
                .isGreaterThan(1_000_000);
        ApiClient.Response refused = admin.postText("/api/appeals/import", csv.toString());
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().get("problems").get(0).asText())
                .isEqualTo("the file has 1001 rows; at most 1000 at a time");
        assertThat(admin.get("/api/appeals").json().get("total").asInt()).isZero();
    }

    @Test
    void badInputOnTheNewFieldsIsAClear400NamingTheField() {
        start();
        String base =
                "{\"category\": \"water\", \"description\": \"Немає води\", \"placeAddress\": \"вул. Січових Стрільців, 12\", "
                        + "\"firstName\": \"Олена\", \"lastName\": \"Коваленко\", \"address\": \"вул. Шевченка, 5\", \"phone\": \"050 123 45 67\", ";
        ApiClient.Response unknownChannel = admin.post("/api/appeals", base + "\"channel\": \"PIGEON\"}");
        assertThat(unknownChannel.status()).isEqualTo(400);
        assertThat(unknownChannel.json().get("error").asText())
                .contains("channel", "PIGEON", "GOV_HOTLINE", "REGIONAL_HOTLINE")
                .doesNotContain("ua.zvernennia", "java.");
        ApiClient.Response future =
                admin.post("/api/appeals", base + "\"channel\": \"PHONE\", \"receivedAt\": \"2026-05-01\"}");
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.json().get("error").asText())
                .startsWith("receivedAt:")
                .contains("future");
        ApiClient.Response tooEarly =
                admin.post("/api/appeals", base + "\"channel\": \"PHONE\", \"receivedAt\": \"2020-01-01\"}");
        assertThat(tooEarly.json().get("error").asText())
                .startsWith("receivedAt:")
                .contains("days ago");
        ApiClient.Response badTopic =
                admin.post("/api/appeals", base + "\"channel\": \"PHONE\", " + questions("123") + "}");
        assertThat(badTopic.json().get("error").asText())
                .startsWith("questions[].topic:")
                .contains("123");
        ApiClient.Response collective = admin.post("/api/appeals", base + "\"channel\": \"PHONE\", \"form\": \"5.2\"}");
        assertThat(collective.json().get("error").asText()).startsWith("signatories:");
        ApiClient.Response wrongType =
                admin.post("/api/appeals", base + "\"channel\": \"PHONE\", \"signatories\": \"many\"}");
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.json().get("error").asText())
                .contains("signatories")
                .doesNotContain("java.", "Integer");
        ApiClient.Response messenger = admin.post("/api/appeals", base + "\"channel\": \"TELEGRAM\"}");
        assertThat(messenger.json().get("error").asText()).contains("messenger");
        assertThat(admin.post("/api/channels", "{\"code\": \"bad code\", \"nameUk\": \"Х\"}")
                        .json()
                        .get("error")
                        .asText())
                .startsWith("code:");
        assertThat(admin.patch("/api/channels/TELEGRAM", "{\"nameUk\": \"Телеграм\"}")
                        .status())
                .isEqualTo(409);
        assertThat(admin.get("/api/reports/council?period=2026-Q5")
                        .json()
                        .get("error")
                        .asText())
                .startsWith("period:");
        JsonNode open = file("PHONE", "water", "2026-04-10", "");
        ApiClient.Response outcome =
                admin.patch("/api/appeals/" + open.get("number").asText(), "{\"outcome\": \"positive\"}");
        assertThat(outcome.status()).isEqualTo(409);
        assertThat(outcome.json().get("error").asText()).startsWith("outcome:");
        ApiClient.Response history = admin.patch(
                "/api/appeals/" + open.get("number").asText(), "{" + questions("009", "011") + ", \"type\": \"3.3\"}");
        assertThat(history.status()).isEqualTo(200);
        JsonNode details =
                admin.get("/api/appeals/" + open.get("number").asText()).json();
        assertThat(details.get("history").findValuesAsText("note"))
                .anyMatch(n -> n.contains("questions: 009 → 009, 011") && n.contains("type: — → 3.3"));
    }
}
