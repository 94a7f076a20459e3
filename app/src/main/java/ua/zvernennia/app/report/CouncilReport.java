package ua.zvernennia.app.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import ua.zvernennia.core.register.Narrative;
import ua.zvernennia.core.register.Register;
import ua.zvernennia.core.register.RegisterFigures;
import ua.zvernennia.core.register.RegisterFigures.Line;
import ua.zvernennia.core.register.ReportPeriod;

/**
 * The council's report «Інформація про роботу зі зверненнями громадян» for a quarter, half-year
 * or year: the register's figures and the narrative admins wrote, as a printable HTML page (A4),
 * CSV (one figure a row) and a DOCX document the council edits and signs.
 *
 * @param narrative the narrative part; empty when none was written
 */
public record CouncilReport(RegisterFigures figures, Wording wording, ZoneId zone, String narrative) {
    /**
     * The report's words that a city sets (AppConfig's {@code council}).
     *
     * @param organisation the organisation the heading names
     * @param receivedBy   where appeals came to, in the report's sentences
     * @param reportTitle  the title, which the period follows
     */
    public record Wording(String organisation, String receivedBy, String reportTitle) {
        public Wording {
            java.util.Objects.requireNonNull(organisation, "organisation");
            java.util.Objects.requireNonNull(receivedBy, "receivedBy");
            java.util.Objects.requireNonNull(reportTitle, "reportTitle");
        }
    }

    private static final ResourceBundle BUNDLE = ResourceBundle.getBundle(
            "council",
            Locale.ROOT,
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy", Locale.ROOT);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm", Locale.ROOT);
    private static final CsvMapper CSV = CsvMapper.builder().build();

    /** The names of the lines of terms, by code. */
    public static Map<String, String> termNames() {
        var termNames = new LinkedHashMap<String, String>();
        for (String code : List.of(
                RegisterFigures.CLOSED_ON_TIME,
                RegisterFigures.CLOSED_LATE,
                RegisterFigures.OPEN_IN_TIME,
                RegisterFigures.OPEN_OVERDUE)) {
            termNames.put(code, text("term." + code));
        }
        return termNames;
    }

    /** What a breakdown calls the appeals not classified in it. */
    public static String unknownName() {
        return text("unknown");
    }

    /** The report of {@code period} as of now. */
    public static CouncilReport of(Register register, ReportPeriod period, Wording wording) {
        RegisterFigures f = register.reports().figures(period, text("unknown"), termNames());
        return new CouncilReport(
                f,
                wording,
                register.zone(),
                register.reports().narrative(period).map(Narrative::body).orElse(""));
    }

    static String text(String key, Object... args) {
        String s;
        try {
            s = BUNDLE.getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalArgumentException("no council report text for key " + key, e);
        }
        for (int i = 0; i < args.length; i++) {
            s = s.replace("{" + i + "}", String.valueOf(args[i]));
        }
        return s;
    }

    /** The noun of {@code key} after the number {@code n}: «1 звернення», «3 звернення», «5 звернень». */
    static String noun(String key, long n) {
        long last = n % 10;
        long lastTwo = n % 100;
        String form = last == 1 && lastTwo != 11
                ? "one"
                : last >= 2 && last <= 4 && (lastTwo < 12 || lastTwo > 14) ? "few" : "many";
        return text(key + "." + form);
    }

    /** «за I квартал 2025 року», «за II півріччя 2025 року», «за 2025 рік». */
    public String periodWords() {
        ReportPeriod p = figures.period();
        String index = switch (p.kind()) {
            case QUARTER -> text("quarter." + p.index());
            case HALF -> text("half." + p.index());
            case YEAR -> "";
        };
        return text("period." + p.kind().name(), index, p.year());
    }

    public String title() {
        return wording.reportTitle() + " " + periodWords();
    }

    public boolean unfinished() {
        return figures.asOf().isBefore(figures.period().range(zone).end());
    }

    String asOf() {
        return DATE_TIME.format(figures.asOf().atZone(zone));
    }

    /** The opening sentence: where, how many appeals, how many questions. */
    public String intro() {
        String when = periodWords();
        return text(
                "intro",
                Character.toUpperCase(when.charAt(0)) + when.substring(1),
                wording.receivedBy(),
                Html.number(figures.appeals()),
                Html.number(figures.questions()),
                noun("appeals", figures.appeals()),
                noun("questions", figures.questions()));
    }

    /** The sentences on channel groups: «Гарячі лінії — 10 (25,0 %).» */
    public List<String> groupSentences() {
        var out = new ArrayList<String>();
        for (Line l : figures.channels()) {
            if (l.subtotal()) {
                out.add(text("groups.sentence", l.name(), Html.number(l.count()), Html.decimal(l.percent())));
            }
        }
        return out;
    }

    /** The narrative's paragraphs (split at blank lines). */
    public List<String> narrativeParagraphs() {
        if (narrative == null || narrative.isBlank()) {
            return List.of();
        }
        return java.util.Arrays.stream(narrative.strip().split("\\R\\s*\\R"))
                .map(p -> p.strip().replaceAll("\\s*\\R\\s*", " "))
                .toList();
    }

    /** A section of tables, in the order every format prints them. */
    record Section(
            String key,
            String csvSection,
            List<Line> lines,
            String shareColumn,
            String countColumn,
            boolean codes,
            List<String> sentences) {}

    List<Section> sections() {
        RegisterFigures f = figures;
        var out = new ArrayList<Section>();
        out.add(new Section(
                "section.channels",
                "channel",
                f.channels(),
                "column.share.appeals",
                "column.count",
                false,
                groupSentences()));
        out.add(new Section(
                "section.topics",
                "topic",
                f.topics(),
                "column.share.questions",
                "column.questions",
                true,
                List.of(text(
                        "questions.sentence",
                        Html.number(f.appeals()),
                        Html.number(f.questions()),
                        noun("appeals", f.appeals()),
                        noun("questions", f.questions())))));
        out.add(new Section(
                "section.types", "type", f.types(), "column.share.appeals", "column.count", false, List.of()));
        out.add(new Section(
                "section.forms",
                "form",
                f.forms(),
                "column.share.appeals",
                "column.count",
                false,
                List.of(text(
                        "collective.sentence",
                        Html.number(f.collective()),
                        Html.number(f.signatories()),
                        noun("persons", f.signatories())))));
        out.add(new Section(
                "section.signs",
                "sign",
                f.signs(),
                "column.share.appeals",
                "column.count",
                false,
                List.of(text("repeated.sentence", Html.number(f.repeated())))));
        out.add(new Section(
                "section.citizens",
                "citizen_category",
                f.citizenCategories(),
                "column.share.appeals",
                "column.count",
                false,
                List.of()));
        out.add(new Section(
                "section.outcomes",
                "outcome",
                f.outcomes(),
                "column.share.closed",
                "column.count",
                false,
                List.of(text("closed.sentence", Html.number(f.closed())))));
        out.add(new Section(
                "section.terms", "terms", f.terms(), "column.share.appeals", "column.count", false, List.of()));
        return out;
    }

    // ---- HTML ------------------------------------------------------------------------------------------

    public String html() {
        StringBuilder h = new StringBuilder(16_384);
        String title = title();
        h.append("<!DOCTYPE html>\n<html lang=\"uk\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(Html.escape(title))
                .append("</title>\n<style>\n")
                .append("@page{size:A4;margin:2cm 1.5cm 2cm 2.5cm}\n")
                .append(
                        "body{font-family:'Times New Roman',serif;font-size:12pt;max-width:17cm;margin:1cm auto;color:#000;line-height:1.35}\n")
                .append(
                        "h1{font-size:14pt;text-align:center}h2{font-size:12pt;margin-top:1.2em}p{text-align:justify}\n")
                .append(
                        "table{border-collapse:collapse;width:100%;margin:.5em 0;page-break-inside:auto}tr{page-break-inside:avoid}\n")
                .append(
                        "th,td{border:1px solid #000;padding:2pt 4pt;vertical-align:top}th{background:#eee}td.n{text-align:right;white-space:nowrap}\n")
                .append("tr.subtotal td{font-weight:bold}tr.item.grouped td:first-child{padding-left:1.2em}\n")
                .append(
                        ".note{font-size:10pt;color:#333}.signature{margin-top:2em;display:flex;justify-content:space-between}\n")
                .append("@media print{body{margin:0;max-width:none}}\n</style>\n</head>\n<body>\n");
        h.append("<p class=\"note\">")
                .append(Html.escape(wording.organisation()))
                .append("</p>\n");
        h.append("<h1>").append(Html.escape(title)).append("</h1>\n");
        h.append("<p class=\"note\">")
                .append(Html.escape(text(
                        "as.of",
                        DATE.format(figures.period().first()),
                        DATE.format(figures.period().last()),
                        asOf())))
                .append("</p>\n");
        if (unfinished()) {
            h.append("<p class=\"note\"><strong>")
                    .append(Html.escape(text("unfinished")))
                    .append("</strong></p>\n");
        }
        h.append("<p id=\"intro\">").append(Html.escape(intro())).append("</p>\n");
        if (figures.appeals() == 0) {
            h.append("<p>").append(Html.escape(text("no.appeals"))).append("</p>\n");
        }
        for (Section s : sections()) {
            h.append("<h2>").append(Html.escape(text(s.key()))).append("</h2>\n");
            for (String sentence : s.sentences()) {
                h.append("<p>").append(Html.escape(sentence)).append("</p>\n");
            }
            if (s.lines().isEmpty()) {
                continue;
            }
            h.append("<table id=\"").append(s.csvSection()).append("\">\n<tr>");
            if (s.codes()) {
                h.append("<th>").append(Html.escape(text("column.code"))).append("</th>");
            }
            h.append("<th>")
                    .append(Html.escape(text(
                            s.key().equals("section.topics")
                                    ? "column.topic"
                                    : s.key().equals("section.channels") ? "column.channel" : "column.item")))
                    .append("</th><th>")
                    .append(Html.escape(text(s.countColumn())))
                    .append("</th><th>")
                    .append(Html.escape(text(s.shareColumn())))
                    .append("</th></tr>\n");
            for (Line l : s.lines()) {
                h.append("<tr class=\"")
                        .append(l.subtotal() ? "subtotal" : l.group() != null ? "item grouped" : "item")
                        .append("\"");
                if (l.code() != null) {
                    h.append(" data-code=\"").append(Html.escape(l.code())).append("\"");
                }
                h.append(">");
                if (s.codes()) {
                    h.append("<td>")
                            .append(l.code() == null ? "" : Html.escape(l.code()))
                            .append("</td>");
                }
                h.append("<td>")
                        .append(Html.escape(l.subtotal() ? text("group.total", l.name()) : l.name()))
                        .append("</td>")
                        .append("<td class=\"n\">")
                        .append(Html.escape(Html.number(l.count())))
                        .append("</td>")
                        .append("<td class=\"n\">")
                        .append(Html.escape(Html.decimal(l.percent())))
                        .append("</td></tr>\n");
            }
            h.append("</table>\n");
        }
        List<String> paragraphs = narrativeParagraphs();
        if (!paragraphs.isEmpty()) {
            h.append("<h2>").append(Html.escape(text("section.narrative"))).append("</h2>\n<div id=\"narrative\">\n");
            for (String p : paragraphs) {
                h.append("<p>").append(Html.escape(p)).append("</p>\n");
            }
            h.append("</div>\n");
        }
        h.append("<div class=\"signature\"><span>")
                .append(Html.escape(text("signature.position")))
                .append("</span><span>")
                .append(text("signature.line"))
                .append("</span><span>")
                .append(Html.escape(text("signature.name")))
                .append("</span></div>\n");
        h.append("<footer class=\"note\"><p>")
                .append(Html.escape(text("footer", asOf())))
                .append("</p></footer>\n</body>\n</html>\n");
        return h.toString();
    }

    // ---- CSV -------------------------------------------------------------------------------------------

    /**
     * One figure a row ({@code розділ,код,назва,показник,значення,відсоток}), decimals with a point,
     * with a byte order mark so that spreadsheet programs read it as UTF-8. Subtotals are rows of
     * the sections {@code channel_group} and {@code topic_group}.
     */
    public String csv() {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of(
                text("csv.section"),
                text("csv.code"),
                text("csv.name"),
                text("csv.measure"),
                text("csv.value"),
                text("csv.percent")));
        rows.add(List.of(
                "period",
                figures.period().key(),
                title(),
                "as_of",
                figures.asOf().toString(),
                ""));
        rows.add(List.of("total", "appeals", wording.organisation(), "appeals", Long.toString(figures.appeals()), ""));
        rows.add(List.of(
                "total", "questions", wording.organisation(), "questions", Long.toString(figures.questions()), ""));
        rows.add(List.of("total", "collective", "", "appeals", Long.toString(figures.collective()), ""));
        rows.add(List.of("total", "signatories", "", "persons", Long.toString(figures.signatories()), ""));
        rows.add(List.of("total", "repeated", "", "appeals", Long.toString(figures.repeated()), ""));
        rows.add(List.of("total", "closed", "", "appeals", Long.toString(figures.closed()), ""));
        for (Section s : sections()) {
            String measure = s.csvSection().equals("topic") ? "questions" : "appeals";
            for (Line l : s.lines()) {
                rows.add(List.of(
                        l.subtotal() ? s.csvSection() + "_group" : s.csvSection(),
                        l.code() == null ? "" : l.code(),
                        l.name(),
                        measure,
                        Long.toString(l.count()),
                        l.percent() == null ? "" : l.percent().toPlainString()));
            }
        }
        if (!narrative.isBlank()) {
            rows.add(List.of("narrative", "", text("section.narrative"), "text", narrative.strip(), ""));
        }
        StringWriter out = new StringWriter();
        out.write(QuarterlyReport.BOM);
        try (var writer = CSV.writer(CsvSchema.emptySchema().withLineSeparator("\r\n"))
                .without(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                .writeValues(out)) {
            for (List<String> row : rows) {
                writer.write(row.stream().map(QuarterlyReport::cell).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    // ---- DOCX ------------------------------------------------------------------------------------------

    /** The report as a Word document (Office Open XML), for the council to edit and sign. */
    public byte[] docx() {
        return CouncilDocx.write(this);
    }

    static String share(BigDecimal percent) {
        return Html.decimal(percent);
    }

    static String count(long n) {
        return Html.number(n);
    }

    static Map<String, String> labels(Section s) {
        var m = new LinkedHashMap<String, String>();
        m.put(
                "item",
                text(
                        s.key().equals("section.topics")
                                ? "column.topic"
                                : s.key().equals("section.channels") ? "column.channel" : "column.item"));
        m.put("count", text(s.countColumn()));
        m.put("share", text(s.shareColumn()));
        return m;
    }
}
