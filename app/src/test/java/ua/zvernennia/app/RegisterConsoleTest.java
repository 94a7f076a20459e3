package ua.zvernennia.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console's side of the council's register, over plain HTTP against the running app: an
 * appeal's classification with its history and the outcome on closing, the channels page, the
 * back-log import (all or nothing, problems by line), the report page with its narrative and its
 * downloads, and the statistics' register breakdowns, each checked against the API.
 */
class RegisterConsoleTest {
    static final String ADMIN = "register-admin-token-0123456789abcdef";
    /** Mid-April 2026 in Kyiv: the first quarter is over. */
    static final Instant NOW = Instant.parse("2026-04-15T09:00:00Z");

    @TempDir
    Path dir;

    App app;
    ApiClient api;
    String operatorToken;

    @BeforeEach
    void start() {
        app = TestApps.start(dir, Clock.fixed(NOW, ZoneOffset.UTC), Map.of("ADMIN_TOKEN", ADMIN));
        api = new ApiClient(app.httpPort(), ADMIN);
        operatorToken = api.post("/api/tokens", "{\"name\": \"Оператор Петренко\", \"role\": \"OPERATOR\"}")
                .json()
                .get("token")
                .asText();
    }

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    ConsoleHttp signedIn(String token) {
        ConsoleHttp b = new ConsoleHttp(app.httpPort());
        assertThat(b.signIn(token).status()).isEqualTo(303);
        return b;
    }

    static List<Map.Entry<String, String>> form(String... pairs) {
        var out = new ArrayList<Map.Entry<String, String>>();
        for (int i = 0; i < pairs.length; i += 2) {
            out.add(Map.entry(pairs[i], pairs[i + 1]));
        }
        return out;
    }

    /** Registers an appeal through the console's form; returns its number. */
    String register(ConsoleHttp b, String channel, String receivedAt) {
        String csrf = b.get("/console/appeals/new").csrf();
        ConsoleHttp.Page done = b.post(
                "/console/appeals/new",
                form(
                        "_csrf",
                        csrf,
                        "channel",
                        channel,
                        "receivedAt",
                        receivedAt,
                        "category",
                        "water",
                        "issueType",
                        "",
                        "description",
                        "Немає холодної води з понеділка",
                        "placeAddress",
                        "вул. Січових Стрільців, 12",
                        "latitude",
                        "",
                        "longitude",
                        "",
                        "firstName",
                        "Олена",
                        "lastName",
                        "Коваленко",
                        "address",
                        "вул. Шевченка, 5, кв. 12",
                        "phone",
                        "050 123 45 67",
                        "comment",
                        ""));
        assertThat(done.status()).as(done.body()).isEqualTo(303);
        return done.header("Location").substring("/console/appeals/".length());
    }

    @Test
    void anOperatorRegistersALetterBackDatedClassifiesItWithHistoryAndClosesItWithAnOutcome() {
        ConsoleHttp b = signedIn(operatorToken);
        ConsoleHttp.Page blank = b.get("/console/appeals/new");
        assertThat(blank.body())
                .contains("value=\"MAIL\"", "Листом поштою", "value=\"REGIONAL_HOTLINE\"", "type=\"datetime-local\"")
                .doesNotContain("value=\"TELEGRAM\"");
        String number = register(b, "MAIL", "2026-04-10T10:30");

        JsonNode appeal = api.get("/api/appeals/" + number).json();
        assertThat(appeal.get("channel").asText()).isEqualTo("OTHER");
        assertThat(appeal.get("channelCode").asText()).isEqualTo("MAIL");
        assertThat(appeal.get("receivedAt").asText()).isEqualTo("2026-04-10T07:30:00Z");
        assertThat(appeal.get("registeredAt").asText()).isEqualTo(NOW.toString());
        assertThat(appeal.get("questions").findValuesAsText("topic")).containsExactly("009");
        assertThat(appeal.get("history").findValuesAsText("note")).contains("registered from MAIL");

        ConsoleHttp.Page page = b.get("/console/appeals/" + number);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains(
                        "Листом поштою",
                        "10.04.2026 10:30",
                        "Внесено до реєстру",
                        "009 — Комунальне господарство",
                        "id=\"classification-form\"");

        // A collective appeal without its signatories is refused in the console's words, and nothing changes.
        String csrf = page.csrf();
        ConsoleHttp.Page refused = b.post(
                "/console/appeals/" + number + "/classification",
                form(
                        "_csrf",
                        csrf,
                        "question",
                        "009",
                        "question",
                        "010",
                        "question",
                        "",
                        "type",
                        "3.2",
                        "form",
                        "5.2",
                        "signatories",
                        "",
                        "sign",
                        "2.1",
                        "earlierNumber",
                        "",
                        "outcome",
                        ""));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body())
                .contains("id=\"register-problem\"", "підписантів")
                .as("the form comes back as sent")
                .contains("<option value=\"010\" selected>");
        assertThat(api.get("/api/appeals/" + number).json().get("type").isNull())
                .isTrue();

        ConsoleHttp.Page saved = b.post(
                "/console/appeals/" + number + "/classification",
                form(
                        "_csrf",
                        csrf,
                        "question",
                        "010",
                        "question",
                        "009",
                        "question",
                        "",
                        "type",
                        "3.2",
                        "form",
                        "5.2",
                        "signatories",
                        "12",
                        "sign",
                        "2.1",
                        "earlierNumber",
                        "",
                        "citizenCategory",
                        "7.21",
                        "citizenCategory",
                        "7.5",
                        "outcome",
                        ""));
        assertThat(saved.status()).as(saved.body()).isEqualTo(303);
        JsonNode classified = api.get("/api/appeals/" + number).json();
        assertThat(classified.get("questions").findValuesAsText("topic")).containsExactly("010", "009");
        assertThat(classified.get("type").asText()).isEqualTo("3.2");
        assertThat(classified.get("form").asText()).isEqualTo("5.2");
        assertThat(classified.get("signatories").asInt()).isEqualTo(12);
        assertThat(classified.get("citizenCategories").toString()).contains("7.21", "7.5");
        assertThat(classified.get("history").findValuesAsText("kind")).contains("CLASSIFICATION");
        ConsoleHttp.Page after = b.get("/console/appeals/" + number);
        assertThat(after.body())
                .contains(
                        "Класифікацію збережено",
                        "Класифікація в реєстрі",
                        "Питання (тематика): 009 → 010, 009",
                        "<li>010 — Житлова політика</li>",
                        "Пенсіонери",
                        "підписантів: 12");

        // An outcome is for closing only; closing records it, and the history says so.
        csrf = after.csrf();
        ConsoleHttp.Page early = b.post(
                "/console/appeals/" + number + "/status",
                Map.of("_csrf", csrf, "status", "IN_PROGRESS", "comment", "", "outcome", "positive"));
        assertThat(early.status()).isEqualTo(400);
        assertThat(early.body()).contains("Результат розгляду записують для закритого звернення");
        assertThat(api.get("/api/appeals/" + number).json().get("status").asText())
                .isEqualTo("REGISTERED");
        ConsoleHttp.Page closed = b.post(
                "/console/appeals/" + number + "/status",
                Map.of("_csrf", csrf, "status", "RESOLVED", "comment", "Воду відновлено", "outcome", "positive"));
        assertThat(closed.status()).as(closed.body()).isEqualTo(303);
        JsonNode resolved = api.get("/api/appeals/" + number).json();
        assertThat(resolved.get("status").asText()).isEqualTo("RESOLVED");
        assertThat(resolved.get("outcome").asText()).isEqualTo("positive");
        assertThat(b.get("/console/appeals/" + number).body())
                .contains("результат розгляду записано", "Вирішено позитивно", "Результат розгляду: — → positive");

        // Every page with the applicant's data was a read of personal data in the access log.
        int consoleReads = 0;
        for (JsonNode read :
                api.get("/api/audit?appeal=" + number + "&limit=100").json().get("items")) {
            if (read.get("via").asText().equals("CONSOLE")) {
                assertThat(read.get("action").asText()).isEqualTo("DETAIL");
                assertThat(read.get("actor").asText()).isEqualTo("Оператор Петренко");
                consoleReads++;
            }
        }
        assertThat(consoleReads)
                .as("the page, two refused forms sent back, and the pages after")
                .isGreaterThanOrEqualTo(5);
    }

    @Test
    void aReceiptInTheFutureOrAnUnknownChannelIsRefusedOnTheNewAppealForm() {
        ConsoleHttp b = signedIn(operatorToken);
        String csrf = b.get("/console/appeals/new").csrf();
        ConsoleHttp.Page future = b.post(
                "/console/appeals/new",
                form(
                        "_csrf",
                        csrf,
                        "channel",
                        "PIGEON",
                        "receivedAt",
                        "2026-05-01T10:00",
                        "category",
                        "water",
                        "issueType",
                        "",
                        "description",
                        "Немає води",
                        "placeAddress",
                        "вул. Січових Стрільців, 12",
                        "latitude",
                        "",
                        "longitude",
                        "",
                        "firstName",
                        "Олена",
                        "lastName",
                        "Коваленко",
                        "address",
                        "вул. Шевченка, 5",
                        "phone",
                        "050 123 45 67",
                        "comment",
                        ""));
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.body())
                .contains(
                        "Оберіть канал зі списку",
                        "Дата надходження: не пізніше, ніж зараз, і не раніше, ніж 400 днів тому");
        assertThat(api.get("/api/appeals").json().get("total").asInt()).isZero();
    }

    @Test
    void anAdminAddsAChannelInAReportGroupAndSwitchesItOffWhileTheFixedOnesStay() {
        ConsoleHttp operator = signedIn(operatorToken);
        assertThat(operator.get("/console/channels").status()).isEqualTo(403);

        ConsoleHttp b = signedIn(ADMIN);
        ConsoleHttp.Page list = b.get("/console/channels");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body())
                .contains("GOV_HOTLINE", "Гаряча лінія голови облдержадміністрації", "месенджер (бот)")
                .contains("action=\"/console/channels/MAIL/active\"")
                .doesNotContain(
                        "action=\"/console/channels/TELEGRAM/active\"", "action=\"/console/channels/PHONE/active\"");
        String csrf = list.csrf();

        ConsoleHttp.Page badCode = b.post(
                "/console/channels", Map.of("_csrf", csrf, "code", "1 bad", "nameUk", "Депутати", "reportGroup", ""));
        assertThat(badCode.status()).isEqualTo(400);
        assertThat(badCode.body()).contains("Код: від 2 до 32 великих латинських літер", "value=\"1 bad\"");
        ConsoleHttp.Page added = b.post(
                "/console/channels",
                Map.of(
                        "_csrf",
                        csrf,
                        "code",
                        "deputies",
                        "nameUk",
                        "Через депутатів ради",
                        "reportGroup",
                        "Письмові звернення"));
        assertThat(added.status()).as(added.body()).isEqualTo(303);
        assertThat(api.get("/api/channels").json().findValuesAsText("code")).contains("DEPUTIES");
        ConsoleHttp.Page twice = b.post(
                "/console/channels", Map.of("_csrf", csrf, "code", "DEPUTIES", "nameUk", "Ще раз", "reportGroup", ""));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.body()).contains("Канал з кодом DEPUTIES уже є");
        assertThat(operator.get("/console/appeals/new").body()).contains("value=\"DEPUTIES\"", "Через депутатів ради");
        String number = register(operator, "DEPUTIES", "");
        assertThat(api.get("/api/appeals/" + number).json().get("channelCode").asText())
                .isEqualTo("DEPUTIES");

        ConsoleHttp.Page off = b.post("/console/channels/DEPUTIES/active", Map.of("_csrf", csrf, "active", "false"));
        assertThat(off.status()).isEqualTo(303);
        assertThat(b.get("/console/channels").body()).contains("вимкнено");
        assertThat(operator.get("/console/appeals/new").body()).doesNotContain("value=\"DEPUTIES\"");
        JsonNode deputies = channel("DEPUTIES");
        assertThat(deputies.get("active").asBoolean()).isFalse();
        assertThat(deputies.get("reportGroup").asText()).isEqualTo("Письмові звернення");

        // A built-in channel stays active, a messenger's is fixed: refused with the page's words, nothing changed.
        b.post("/console/channels/PHONE/active", Map.of("_csrf", csrf, "active", "false"));
        assertThat(b.get("/console/channels").body()).contains("Канал PHONE змінити не можна");
        assertThat(channel("PHONE").get("active").asBoolean()).isTrue();
        assertThat(b.post("/console/channels/PIGEON/active", Map.of("_csrf", csrf, "active", "false"))
                        .status())
                .isEqualTo(404);
    }

    JsonNode channel(String code) {
        for (JsonNode c : api.get("/api/channels").json()) {
            if (c.get("code").asText().equals(code)) {
                return c;
            }
        }
        throw new AssertionError("no channel " + code);
    }

    @Test
    void theImportPageRefusesABadFileByItsLinesWritingNothingThenTakesAGoodOne() {
        ConsoleHttp b = signedIn(operatorToken);
        ConsoleHttp.Page page = b.get("/console/import");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("enctype=\"multipart/form-data\"", "receivedAt", "обовʼязковий");
        String csrf = page.csrf();
        String header =
                "receivedAt,channel,category,description,placeAddress,firstName,lastName,address,phone,questions\n";
        // Line 3 holds a description over two lines: the next record starts on line 5.
        String bad = header
                + "2026-03-02,MAIL,water,Немає води,\"вул. Січових Стрільців, 12\",Олена,Коваленко,\"вул. Шевченка, 5\",050 123 45 67,009\n"
                + "2026-03-03,PHONE,water,\"Немає води\nуже тиждень\",\"вул. Січових Стрільців, 12\",Петро,Іваненко,\"вул. Шевченка, 7\",12345,009\n"
                + "2026-03-04,PIGEON,water,Немає води,\"вул. Січових Стрільців, 12\",Петро,Іваненко,\"вул. Шевченка, 7\",050 123 45 67,999\n";
        ConsoleHttp.Page refused = b.upload(
                "/console/import", Map.of("_csrf", csrf), "file", "журнал.csv", bad.getBytes(StandardCharsets.UTF_8));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"import-problems\"", "Нічого не імпортовано", "журнал.csv");
        List<String[]> problems = problemRows(refused.body());
        assertThat(problems)
                .anyMatch(p -> p[0].equals("3") && p[1].startsWith("phone:"))
                .anyMatch(p -> p[0].equals("5") && p[1].startsWith("channel:") && p[1].contains("PIGEON"))
                .anyMatch(p -> p[0].equals("5") && p[1].startsWith("questions[].topic:") && p[1].contains("999"))
                .noneMatch(p -> p[0].equals("2"))
                .noneMatch(p -> p[1].contains("java.") || p[1].contains("ua.zvernennia"));
        assertThat(api.get("/api/appeals").json().get("total").asInt())
                .as("nothing written")
                .isZero();

        ConsoleHttp.Page template = b.get("/console/import/template.csv");
        assertThat(template.status()).isEqualTo(200);
        assertThat(template.header("Content-Type")).startsWith("text/csv");
        ConsoleHttp.Page imported = b.upload(
                "/console/import",
                Map.of("_csrf", csrf),
                "file",
                "зразок.csv",
                template.body().getBytes(StandardCharsets.UTF_8));
        assertThat(imported.status()).as(imported.body()).isEqualTo(303);
        assertThat(b.get("/console/import").body()).contains("Імпортовано звернень: 1");
        JsonNode items = api.get("/api/appeals").json().get("items");
        assertThat(items).hasSize(1);
        JsonNode one =
                api.get("/api/appeals/" + items.get(0).get("number").asText()).json();
        assertThat(one.get("channelCode").asText()).isEqualTo("MAIL");
        assertThat(one.get("questions").findValuesAsText("topic")).containsExactly("009", "010");
        assertThat(one.get("receivedAt").asText()).isEqualTo("2026-04-14T07:15:00Z");

        // Without the session's CSRF token a file changes nothing.
        ConsoleHttp.Page forged = b.upload(
                "/console/import",
                Map.of("_csrf", "guess"),
                "file",
                "зразок.csv",
                template.body().getBytes(StandardCharsets.UTF_8));
        assertThat(forged.status()).isEqualTo(403);
        assertThat(api.get("/api/appeals").json().get("total").asInt()).isEqualTo(1);
    }

    /** The rows of the import page's problem table: line, text. */
    static List<String[]> problemRows(String page) {
        var out = new ArrayList<String[]>();
        Matcher m = Pattern.compile("<tr><td>([^<]*)</td><td>([^<]*)</td></tr>").matcher(page);
        while (m.find()) {
            out.add(new String[] {
                m.group(1),
                m.group(2).replace("&#39;", "'").replace("&quot;", "\"").replace("&amp;", "&")
            });
        }
        return out;
    }

    @Test
    void theReportPageShowsThePeriodsFiguresTakesTheAdminsNarrativeAndDownloadsAllThreeFormats() throws Exception {
        ConsoleHttp operator = signedIn(operatorToken);
        register(operator, "MAIL", "2026-02-10T10:00");
        register(operator, "GOV_HOTLINE", "2026-03-10T10:00");
        register(operator, "PHONE", "2026-04-10T10:00");

        ConsoleHttp.Page page = operator.get("/console/reports");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .as("the last finished quarter by default")
                .contains(
                        "<option value=\"2026-Q1\" selected>",
                        "За I квартал 2026 року",
                        "Звернень: <strong>2</strong>",
                        "format=docx",
                        "format=csv")
                .doesNotContain("id=\"narrative-form\"");
        assertThat(operator.post(
                                "/console/reports/narrative",
                                Map.of("_csrf", page.csrf(), "period", "2026-Q1", "text", "Ні"))
                        .status())
                .as("operators read the narrative, admins write it")
                .isEqualTo(403);

        ConsoleHttp admin = signedIn(ADMIN);
        ConsoleHttp.Page adminPage = admin.get("/console/reports?period=2026-H1");
        assertThat(adminPage.body())
                .contains(
                        "<option value=\"2026-H1\" selected>",
                        "Період ще триває",
                        "Звернень: <strong>3</strong>",
                        "id=\"narrative-form\"");
        ConsoleHttp.Page saved = admin.post(
                "/console/reports/narrative",
                Map.of(
                        "_csrf",
                        adminPage.csrf(),
                        "period",
                        "2026-Q1",
                        "text",
                        "Проведено 2 засідання комісії з питань звернень громадян.\n\nВидано 1 розпорядження."));
        assertThat(saved.status()).isEqualTo(303);
        assertThat(saved.header("Location")).isEqualTo("/console/reports?period=2026-Q1");
        assertThat(api.get("/api/reports/narratives/2026-Q1").json().get("text").asText())
                .startsWith("Проведено 2 засідання");
        assertThat(operator.get("/console/reports?period=2026-Q1").body())
                .contains("Проведено 2 засідання", "Збережено");
        assertThat(operator.get("/console/reports?period=2026-Q7").status()).isEqualTo(400);

        ConsoleHttp.Page html = operator.get("/console/reports/council?period=2026-Q1&format=html");
        assertThat(html.status()).isEqualTo(200);
        assertThat(html.header("Content-Security-Policy"))
                .contains("default-src 'none'")
                .doesNotContain("script-src");
        assertThat(html.body())
                .contains("надійшло 2 звернення громадян, у яких порушено 2 питання", "Проведено 2 засідання комісії")
                .isEqualTo(api.get("/api/reports/council?period=2026-Q1").body());
        ConsoleHttp.Page csv = operator.get("/console/reports/council?period=2026-Q1&format=csv");
        assertThat(csv.header("Content-Disposition")).contains("zvernennia-2026-q1.csv");
        assertThat(csv.body())
                .isEqualTo(api.get("/api/reports/council?period=2026-Q1&format=csv")
                        .body());
        byte[] docx = consoleBytes(operator, "/console/reports/council?period=2026-Q1&format=docx");
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            String text =
                    doc.getParagraphs().stream().map(XWPFParagraph::getText).reduce("", (x, y) -> x + "\n" + y);
            assertThat(text).contains("за I квартал 2026 року", "надійшло 2 звернення", "Видано 1 розпорядження.");
        }
    }

    byte[] consoleBytes(ConsoleHttp b, String path) throws Exception {
        String cookie = "zv_console=" + b.cookies.get("zv_console");
        HttpResponse<byte[]> r = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.httpPort() + path))
                                .header("Cookie", cookie)
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse(""))
                .startsWith("application/vnd.openxmlformats-officedocument");
        return r.body();
    }

    @Test
    void theStatisticsPageShowsTheRegistersBreakdownsOfApiStats() {
        ConsoleHttp b = signedIn(operatorToken);
        String first = register(b, "MAIL", "2026-04-01T10:00");
        register(b, "REGIONAL_HOTLINE", "2026-04-02T10:00");
        register(b, "GOV_HOTLINE", "2026-04-03T10:00");
        String csrf = b.get("/console/appeals/" + first).csrf();
        b.post(
                "/console/appeals/" + first + "/classification",
                form(
                        "_csrf",
                        csrf,
                        "question",
                        "009",
                        "question",
                        "006",
                        "type",
                        "3.3",
                        "form",
                        "5.1",
                        "signatories",
                        "",
                        "sign",
                        "",
                        "earlierNumber",
                        "",
                        "outcome",
                        ""));

        JsonNode api =
                this.api.get("/api/stats?from=2026-04-01&to=2026-04-15").json().get("register");
        ConsoleHttp.Page page = b.get("/console/stats?from=2026-04-01&to=2026-04-15&groupBy=WEEK");
        assertThat(page.status()).isEqualTo(200);
        String body = page.body();
        assertThat(body)
                .contains(
                        "id=\"register-total\"",
                        "Звернень: <strong>" + api.get("appeals").asLong() + "</strong>",
                        "питань у них: <strong>" + api.get("questions").asLong() + "</strong>");
        for (String section : List.of("channels", "topics", "types", "forms", "signs", "terms")) {
            String table = table(body, "register-" + section);
            for (JsonNode line : api.get(section)) {
                String count = line.get("count").asText();
                String percent = line.get("percent").isNull()
                        ? "—"
                        : line.get("percent").asText().replace('.', ',') + " %";
                assertThat(table)
                        .as(section + " " + line)
                        .contains(Html.escape(line.get("name").asText()))
                        .containsPattern(
                                Pattern.quote(Html.escape(line.get("name").asText())) + "</td>\\s*<td class=\"n\">"
                                        + count + "</td>\\s*<td class=\"n\">" + Pattern.quote(percent) + "</td>");
            }
        }
        assertThat(table(body, "register-channels")).contains("Разом: Гарячі лінії");
        assertThat(api.get("questions").asLong()).isEqualTo(4);
    }

    static String table(String page, String id) {
        Matcher m = Pattern.compile("<table class=\"figures\" id=\"" + id + "\">(.*?)</table>", Pattern.DOTALL)
                .matcher(page);
        assertThat(m.find()).as("table " + id).isTrue();
        return m.group(1);
    }

    /** HTML escaping as the templates do it, for comparing names with apostrophes. */
    static final class Html {
        static String escape(String s) {
            return s.replace("&", "&amp;")
                    .replace("<", "&lt;")
                    .replace(">", "&gt;")
                    .replace("\"", "&#34;")
                    .replace("'", "&#39;");
        }
    }
}
