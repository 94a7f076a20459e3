package ua.zvernennia.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import ua.zvernennia.core.testing.TestCategories;
import ua.zvernennia.storage.KnownAppeals;

/** The quarterly report of the hand-worked first quarter of 2025: HTML with its charts, and CSV. */
class QuarterlyReportTest {
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
                        "DB_URL",
                        "jdbc:h2:file:" + dir.resolve("db").toAbsolutePath(),
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

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.httpPort() + path))
                                .header("Authorization", "Bearer " + TokenApiTest.ADMIN)
                                .build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static List<Element> elements(Document svg, String tag) {
        NodeList nodes = svg.getElementsByTagNameNS("http://www.w3.org/2000/svg", tag);
        return java.util.stream.IntStream.range(0, nodes.getLength())
                .mapToObj(i -> (Element) nodes.item(i))
                .toList();
    }

    static Document svg(String html, String figureId) throws Exception {
        Matcher m = Pattern.compile("<figure id=\"" + figureId + "\">(<svg.*?</svg>)</figure>", Pattern.DOTALL)
                .matcher(html);
        assertThat(m.find()).as("figure " + figureId).isTrue();
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(m.group(1).getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theHtmlReportIsInUkrainianWithItsChartsAndFetchesNothing() throws Exception {
        HttpResponse<String> r = get("/api/reports/quarterly?year=2025&quarter=1");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(r.headers().firstValue("Content-Security-Policy").orElse("")).contains("default-src 'none'");
        String html = r.body();
        assertThat(html)
                .contains(
                        "<html lang=\"uk\">",
                        "Інформаційна довідка про роботу зі зверненнями громадян за I квартал 2025 року",
                        "надійшло звернень: 12",
                        "урядова гаряча лінія",
                        "гаряча лінія міста",
                        "телефон",
                        "e-mail",
                        "Telegram",
                        "Viber",
                        "особистий прийом",
                        "41,7",
                        "Вирішено у встановлений строк",
                        "КП «Ліфтове господарство»");
        assertThat(html)
                .doesNotContain("термінал/демо", "<script", "src=", "href=", "@import", "url(", "@font-face", "{0}");

        // Shares by channel: one arc per channel with appeals, arcs that close the ring.
        Document donut = svg(html, "chart-channels");
        List<Element> arcs = elements(donut, "circle").stream()
                .filter(e -> "slice".equals(e.getAttribute("class")))
                .toList();
        assertThat(arcs).hasSize(7);
        double drawn = arcs.stream()
                .mapToDouble(e ->
                        Double.parseDouble(e.getAttribute("stroke-dasharray").split(" ")[0]))
                .sum();
        assertThat(drawn).isCloseTo(2 * Math.PI * 70, org.assertj.core.data.Offset.offset(0.05));
        assertThat(arcs.get(1)
                        .getElementsByTagNameNS("http://www.w3.org/2000/svg", "title")
                        .item(0)
                        .getTextContent())
                .isEqualTo("гаряча лінія міста: 5");

        // Bars by category: one per category, all equal here (3 each).
        Document bars = svg(html, "chart-categories");
        List<Element> rects = elements(bars, "rect");
        assertThat(rects).hasSize(4);
        assertThat(rects.stream().map(e -> e.getAttribute("width")).distinct()).hasSize(1);
        assertThat(elements(bars, "text").stream().map(Element::getTextContent)).contains("Водоканал", "Ліфти", "3");
    }

    @Test
    void theCsvReportHasOneFigureARowAndSharesThatAddUpTo100() throws Exception {
        HttpResponse<String> r = get("/api/reports/quarterly.csv?year=2025&quarter=1");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(r.headers().firstValue("Content-Disposition").orElse("")).contains("zvernennia-2025-q1.csv");
        assertThat(r.body()).startsWith("\uFEFF");
        assertThat(get("/api/reports/quarterly?year=2025&quarter=1&format=csv").body())
                .isEqualTo(r.body());

        CsvMapper csv = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
        List<List<String>> rows;
        try (MappingIterator<List<String>> it =
                csv.readerForListOf(String.class).readValues(r.body().substring(1))) {
            rows = it.readAll();
        }
        assertThat(rows.get(0)).containsExactly("розділ", "код", "назва", "показник", "значення", "відсоток");
        BigDecimal channels = BigDecimal.ZERO;
        for (List<String> row : rows) {
            if (row.get(0).equals("channel")) {
                channels = channels.add(new BigDecimal(row.get(5)));
            }
        }
        assertThat(channels).isEqualByComparingTo("100.0");
        assertThat(rows)
                .contains(
                        List.of("channel", "HOTLINE", "гаряча лінія міста", "appeals", "5", "41.7"),
                        List.of("channel", "GOV_HOTLINE", "урядова гаряча лінія", "appeals", "1", "8.4"),
                        List.of("category", "lifts", "Ліфти", "appeals", "3", "25.0"),
                        List.of(
                                "deadlines",
                                "overdue",
                                "Зі строком виконання, що минув (прострочені)",
                                "appeals",
                                "5",
                                ""),
                        List.of("deadlines", "median_hours", "Медіанний час вирішення, год", "hours", "10.0", ""),
                        List.of("executor", "", "КП «Водоканал»", "resolved_on_time", "1", "50.0"));
    }

    @Test
    void badReportRequestsAreRefused() throws Exception {
        assertThat(admin.get("/api/reports/quarterly?year=2025&quarter=5")
                        .json()
                        .get("error")
                        .asText())
                .contains("quarter");
        assertThat(admin.get("/api/reports/quarterly?year=abc&quarter=1").status())
                .isEqualTo(400);
        assertThat(admin.get("/api/reports/quarterly?quarter=1").status()).isEqualTo(400);
        assertThat(admin.get("/api/reports/quarterly?year=2025&quarter=1&format=pdf")
                        .json()
                        .get("error")
                        .asText())
                .contains("pdf");
        assertThat(admin.as(null)
                        .get("/api/reports/quarterly?year=2025&quarter=1")
                        .status())
                .isEqualTo(401);
    }

    @Test
    void aQuarterWithoutAppealsStillRenders() throws Exception {
        String html = get("/api/reports/quarterly?year=2024&quarter=3").body();
        assertThat(html)
                .contains("за III квартал 2024 року", "надійшло звернень: 0", "Звернень за період не надходило.");
        assertThat(svg(html, "chart-channels")).isNotNull();
    }
}
