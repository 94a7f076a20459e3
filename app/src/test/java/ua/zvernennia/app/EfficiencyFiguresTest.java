package ua.zvernennia.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import ua.zvernennia.core.appeal.Appeal;
import ua.zvernennia.core.appeal.AppealEvent;
import ua.zvernennia.core.appeal.AppealNumber;
import ua.zvernennia.core.appeal.AppealStatus;
import ua.zvernennia.core.appeal.Rating;
import ua.zvernennia.core.chat.Channel;
import ua.zvernennia.core.chat.ChatKey;
import ua.zvernennia.core.engine.Stores;

/**
 * The executors' efficiency is one set of figures: the console's statistics page, the quarterly
 * report (HTML and CSV, through the API and the console) and {@code GET /api/stats} show the same,
 * and they are those computed by hand for two executors.
 */
class EfficiencyFiguresTest {
    static final String ADMIN = "admin-token-for-efficiency-tests-0123";
    static final ZoneId KYIV = ZoneId.of("Europe/Kyiv");
    /** The figures, in the order of the report's columns. */
    static final List<String> FIGURES = List.of(
            "received",
            "resolved",
            "resolvedOnTime",
            "onTimePercent",
            "medianHours",
            "reopened",
            "reopenedPercent",
            "averageRating");

    @RegisterExtension
    final RunningApp running = RunningApp.withTelegram(Map.of("ADMIN_TOKEN", ADMIN));

    /** One appeal's story, in hours after it was filed (deadline 10 h). */
    record Story(Double resolvedAfter, Integer rating, Double reopenedAfter) {}

    List<AppealNumber> file(long executorId, Instant t0, List<Story> stories) {
        ChatKey chat = ChatKey.of(Channel.TELEGRAM, "8301");
        return running.app().storage().unitOfWork().run(s -> {
            var out = new ArrayList<AppealNumber>();
            for (Story story : stories) {
                Appeal a = Filed.appeal("lifts", "Не працює ліфт, підʼїзд " + (out.size() + 1))
                        .at(t0)
                        .dueIn(Duration.ofHours(10))
                        .in(s, chat);
                s.assignments()
                        .assign(a.number(), s.assignments().executor(executorId).orElseThrow());
                tell(s, a.number(), t0, story);
                out.add(a.number());
            }
            return out;
        });
    }

    private static void tell(Stores s, AppealNumber n, Instant t0, Story story) {
        if (story.resolvedAfter() == null) {
            return;
        }
        s.appeals()
                .changeStatus(
                        n,
                        AppealStatus.REGISTERED,
                        AppealStatus.RESOLVED,
                        "Бригада",
                        "Зроблено",
                        null,
                        t0.plus(hours(story.resolvedAfter())));
        if (story.reopenedAfter() != null) {
            s.appeals()
                    .changeStatus(
                            n,
                            AppealStatus.RESOLVED,
                            AppealStatus.IN_PROGRESS,
                            AppealEvent.CITIZEN,
                            "ні",
                            null,
                            t0.plus(hours(story.reopenedAfter())));
        } else if (story.rating() != null) {
            s.appeals().rate(n, new Rating(story.rating()));
        }
    }

    private static Duration hours(double h) {
        return Duration.ofMinutes(Math.round(h * 60));
    }

    @Test
    void theConsoleAndTheReportShowTheFiguresOfTheApiComputedByHand() throws Exception {
        ApiClient admin = new ApiClient(running.app().httpPort(), ADMIN);
        long a = MenuExecutorTest.newExecutor(admin, "Бригада А");
        long b = MenuExecutorTest.newExecutor(admin, "Бригада Б");
        Instant t0 = Instant.now().minus(Duration.ofDays(2));
        // A: resolved after 2 h (on time) rated 5; after 20 h (late) rated 3; resolved after 4 h
        //    then reopened by the citizen; one still open.
        file(
                a,
                t0,
                List.of(
                        new Story(2.0, 5, null),
                        new Story(20.0, 3, null),
                        new Story(4.0, null, 5.0),
                        new Story(null, null, null)));
        // B: resolved after 1 h rated 4, after 3 h rated 5, after 12 h (late) unrated.
        file(b, t0, List.of(new Story(1.0, 4, null), new Story(3.0, 5, null), new Story(12.0, null, null)));

        Map<String, String> handA = figures(4, 2, 1, "50.0", "11.0", 1, "33.3", "4.0");
        Map<String, String> handB = figures(3, 3, 2, "66.7", "3.0", 0, "0.0", "4.5");

        LocalDate day = t0.atZone(KYIV).toLocalDate();
        int year = day.getYear();
        int quarter = (day.getMonthValue() - 1) / 3 + 1;
        LocalDate from = LocalDate.of(year, (quarter - 1) * 3 + 1, 1);
        LocalDate to = from.plusMonths(3).minusDays(1);

        // GET /api/stats over the quarter.
        JsonNode stats = admin.get("/api/stats?from=" + from + "&to=" + to).json();
        Map<Long, Map<String, String>> api = new LinkedHashMap<>();
        for (JsonNode e : stats.get("efficiency")) {
            var figures = new LinkedHashMap<String, String>();
            for (String f : FIGURES) {
                JsonNode v = e.get(f);
                figures.put(
                        f,
                        v.isNull()
                                ? "—"
                                : v.isIntegralNumber()
                                        ? v.asText()
                                        : BigDecimal.valueOf(v.asDouble()).toPlainString());
            }
            api.put(e.get("executorId").asLong(), figures);
        }
        assertThat(api.get(a)).isEqualTo(handA);
        assertThat(api.get(b)).isEqualTo(handB);
        assertThat(stats.get("efficiency").findValuesAsText("executor")).contains("Бригада А", "Бригада Б");

        // The console's statistics page, over the same dates.
        ConsoleHttp console = new ConsoleHttp(running.app().httpPort());
        assertThat(console.signIn(ADMIN).status()).isEqualTo(303);
        ConsoleHttp.Page page = console.get("/console/stats?from=" + from + "&to=" + to + "&groupBy=MONTH");
        assertThat(page.status()).isEqualTo(200);
        Map<Long, Map<String, String>> onPage = consoleTable(page.body());
        assertThat(onPage).isEqualTo(api);

        // The quarterly report: HTML (decimal commas) and CSV, from the API and from the console.
        String q = "year=" + year + "&quarter=" + quarter;
        for (String html : List.of(
                admin.get("/api/reports/quarterly?" + q).body(),
                console.get("/console/stats/report?" + q + "&format=html").body())) {
            Map<Long, Map<String, String>> inReport = reportTable(html);
            assertThat(inReport.keySet()).containsExactlyElementsOf(api.keySet());
            api.forEach((id, figures) -> assertThat(inReport.get(id))
                    .as("executor %s in the report", id)
                    .isEqualTo(commas(figures)));
        }
        for (String csv : List.of(
                admin.get("/api/reports/quarterly.csv?" + q).body(),
                console.get("/console/stats/report?" + q + "&format=csv").body())) {
            Map<Long, Map<String, String>> inCsv = csvRows(csv);
            assertThat(inCsv.get(a)).isEqualTo(csvFigures(handA, 2));
            assertThat(inCsv.get(b)).isEqualTo(csvFigures(handB, 2));
            api.forEach((id, figures) -> assertThat(inCsv.get(id)).containsAllEntriesOf(csvFigures(figures, null)));
        }
    }

    static Map<String, String> figures(
            long received,
            long resolved,
            long onTime,
            String onTimePercent,
            String median,
            long reopened,
            String reopenedPercent,
            String rating) {
        var out = new LinkedHashMap<String, String>();
        out.put("received", Long.toString(received));
        out.put("resolved", Long.toString(resolved));
        out.put("resolvedOnTime", Long.toString(onTime));
        out.put("onTimePercent", onTimePercent);
        out.put("medianHours", median);
        out.put("reopened", Long.toString(reopened));
        out.put("reopenedPercent", reopenedPercent);
        out.put("averageRating", rating);
        return out;
    }

    /** The efficiency table of the console's statistics page, by executor id. */
    static Map<Long, Map<String, String>> consoleTable(String html) {
        int start = html.indexOf("<table class=\"figures\" id=\"efficiency\">");
        assertThat(start).as("the efficiency table").isNotNegative();
        String table = html.substring(start, html.indexOf("</table>", start));
        Map<Long, Map<String, String>> out = new LinkedHashMap<>();
        Matcher row = Pattern.compile("<tr data-executor=\"(\\d+)\">(.*?)</tr>", Pattern.DOTALL)
                .matcher(table);
        while (row.find()) {
            var figures = new LinkedHashMap<String, String>();
            Matcher cell = Pattern.compile("data-figure=\"(\\w+)\">([^<]*)").matcher(row.group(2));
            while (cell.find()) {
                figures.put(cell.group(1), cell.group(2).strip());
            }
            out.put(Long.parseLong(row.group(1)), figures);
        }
        return out;
    }

    /** The report's efficiency table, by executor id: the figures in column order. */
    static Map<Long, Map<String, String>> reportTable(String html) {
        int start = html.indexOf("<table id=\"efficiency\">");
        assertThat(start).as("the report's efficiency table").isNotNegative();
        String table = html.substring(start, html.indexOf("</table>", start));
        Map<Long, Map<String, String>> out = new LinkedHashMap<>();
        Matcher row = Pattern.compile("<tr data-executor=\"(\\d+)\">(.*?)</tr>", Pattern.DOTALL)
                .matcher(table);
        while (row.find()) {
            List<String> cells = new ArrayList<>();
            Matcher cell = Pattern.compile("<td class=\"n\">([^<]*)</td>").matcher(row.group(2));
            while (cell.find()) {
                cells.add(cell.group(1));
            }
            var figures = new LinkedHashMap<String, String>();
            for (int i = 0; i < FIGURES.size(); i++) {
                figures.put(FIGURES.get(i), cells.get(i));
            }
            out.put(Long.parseLong(row.group(1)), figures);
        }
        return out;
    }

    /** The figures as the report writes them: decimal commas. */
    static Map<String, String> commas(Map<String, String> figures) {
        var out = new LinkedHashMap<String, String>();
        figures.forEach((k, v) -> out.put(k, v.replace('.', ',')));
        return out;
    }

    /** The CSV's efficiency rows, by executor id: measure → value (and measure% → percent). */
    static Map<Long, Map<String, String>> csvRows(String csv) throws Exception {
        assertThat(csv).startsWith("\uFEFF");
        List<List<String>> rows;
        try (MappingIterator<List<String>> it = new CsvMapper()
                .enable(CsvParser.Feature.WRAP_AS_ARRAY)
                .readerForListOf(String.class)
                .readValues(csv.substring(1))) {
            rows = it.readAll();
        }
        Map<Long, Map<String, String>> out = new LinkedHashMap<>();
        for (List<String> f : rows) {
            if (f.get(0).equals("efficiency")) {
                var figures = out.computeIfAbsent(Long.parseLong(f.get(1)), k -> new LinkedHashMap<>());
                figures.put(f.get(3), f.get(4));
                if (!f.get(5).isEmpty()) {
                    figures.put(f.get(3) + "%", f.get(5));
                }
            }
        }
        return out;
    }

    /** The figures as CSV rows hold them; {@code ratings} (how many rated) when known. */
    static Map<String, String> csvFigures(Map<String, String> figures, Integer ratings) {
        var out = new LinkedHashMap<String, String>();
        out.put("received", figures.get("received"));
        out.put("resolved", figures.get("resolved"));
        out.put("resolved_on_time", figures.get("resolvedOnTime"));
        if (!figures.get("onTimePercent").equals("—")) {
            out.put("resolved_on_time%", figures.get("onTimePercent"));
        }
        out.put("median_hours", figures.get("medianHours").equals("—") ? "" : figures.get("medianHours"));
        out.put("reopened", figures.get("reopened"));
        if (!figures.get("reopenedPercent").equals("—")) {
            out.put("reopened%", figures.get("reopenedPercent"));
        }
        out.put("average_rating", figures.get("averageRating").equals("—") ? "" : figures.get("averageRating"));
        if (ratings != null) {
            out.put("ratings", Integer.toString(ratings));
        }
        return out;
    }
}
