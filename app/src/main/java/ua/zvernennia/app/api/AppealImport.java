package ua.zvernennia.app.api;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import ua.zvernennia.core.appeal.AppealNumber;
import ua.zvernennia.core.appeal.AppealStatus;
import ua.zvernennia.core.category.CategoryCatalog;
import ua.zvernennia.core.chat.Channel;
import ua.zvernennia.core.desk.AppealIntake;
import ua.zvernennia.core.desk.OperatorDesk;
import ua.zvernennia.core.refusal.Refusal;
import ua.zvernennia.core.register.Classification;
import ua.zvernennia.core.register.Classifier;
import ua.zvernennia.core.register.IntakeChannel;
import ua.zvernennia.core.register.IntakeChannels;
import ua.zvernennia.core.register.Register;

/**
 * A back-log of appeals from a CSV file (UTF-8, a header row naming the columns, the classifier's
 * codes): every row is checked first, and either all are registered in one unit of work or none,
 * with every problem named by its line (and nothing written). The API and the console's import
 * page run the same checks. Thread-safe.
 */
public final class AppealImport {
    /** Columns an import may have; the first four and the person's and place's are required per row. */
    public static final List<String> COLUMNS = List.of(
            "receivedAt",
            "channel",
            "category",
            "issueType",
            "description",
            "placeAddress",
            "latitude",
            "longitude",
            "firstName",
            "lastName",
            "address",
            "phone",
            "type",
            "form",
            "signatories",
            "sign",
            "earlierNumber",
            "citizenCategories",
            "questions",
            "status",
            "closedAt",
            "outcome",
            "comment");
    /** The columns every file must have. */
    public static final List<String> REQUIRED =
            List.of("receivedAt", "channel", "category", "description", "firstName", "lastName", "address", "phone");
    /**
     * The most rows one file may hold. A file is one transaction of the one writer, which the
     * bot's turns wait behind: a thousand rows take it some seconds (about 7 on a busy 2-core
     * machine); a longer back-log goes in several files.
     */
    public static final int MAX_ROWS = 1_000;
    /** The largest file, bytes (a thousand rows of long descriptions). */
    public static final int MAX_BYTES = 5 * 1024 * 1024;

    private static final CsvMapper CSV =
            CsvMapper.builder().enable(CsvParser.Feature.WRAP_AS_ARRAY).build();

    /**
     * One problem of the file.
     *
     * @param line the file's line (the header is line 1); 0 for the file as a whole
     * @param text what is wrong, naming the field: {@code phone: a Ukrainian number ... required}
     */
    public record Problem(int line, String text) {
        @Override
        public String toString() {
            return line > 0 ? "line " + line + ": " + text : text;
        }
    }

    /** The outcome: the numbers given, in the order of the rows, or every problem in the order of the lines. */
    public record Result(List<AppealNumber> registered, List<Problem> problems) {
        public Result {
            registered = List.copyOf(registered);
            problems = List.copyOf(problems);
        }

        static Result refused(List<Problem> problems) {
            return new Result(List.of(), problems);
        }
    }

    /** A record of the file with the line it starts on. */
    private record Row(int line, List<String> cells) {}

    private final Register register;
    private final CategoryCatalog catalog;

    /** @param catalog the active menu the rows' directions are checked against */
    public AppealImport(Register register, CategoryCatalog catalog) {
        this.register = register;
        this.catalog = catalog;
    }

    /** Checks every row of {@code csv} and registers them all, or none when any has a problem. */
    public Result run(String csv, String actor) {
        var problems = new ArrayList<Problem>();
        List<Row> rows = rows(csv, problems);
        if (!problems.isEmpty()) {
            return Result.refused(problems);
        }
        if (rows.isEmpty()) {
            return Result.refused(
                    List.of(new Problem(1, "the file is empty; the first line names the columns: " + COLUMNS)));
        }
        List<String> header = rows.get(0).cells().stream()
                .map(h -> h == null ? "" : h.replace("\uFEFF", "").strip())
                .toList();
        var index = new HashMap<String, Integer>();
        for (int i = 0; i < header.size(); i++) {
            String h = header.get(i);
            if (!COLUMNS.contains(h)) {
                problems.add(new Problem(1, "unknown column '" + h + "'; known: " + COLUMNS));
            } else if (index.put(h, i) != null) {
                problems.add(new Problem(1, "column '" + h + "' twice"));
            }
        }
        for (String r : REQUIRED) {
            if (!index.containsKey(r)) {
                problems.add(new Problem(1, "column '" + r + "' is missing"));
            }
        }
        if (rows.size() - 1 > MAX_ROWS) {
            problems.add(
                    new Problem(0, "the file has " + (rows.size() - 1) + " rows; at most " + MAX_ROWS + " at a time"));
        }
        if (!problems.isEmpty()) {
            return Result.refused(problems);
        }
        List<IntakeChannel> channels = register.channels().all();
        var prepared = new ArrayList<Register.ImportRow>();
        var earlierByLine = new HashMap<Integer, AppealNumber>();
        for (Row row : rows.subList(1, rows.size())) {
            if (row.cells().stream().allMatch(c -> c == null || c.isBlank())) {
                continue;
            }
            var lineProblems = new ArrayList<String>();
            Register.ImportRow checked =
                    check(row, new Cells(row.cells(), index), channels, earlierByLine, lineProblems);
            if (lineProblems.isEmpty()) {
                prepared.add(checked);
            } else {
                lineProblems.forEach(p -> problems.add(new Problem(row.line(), p)));
            }
        }
        if (!earlierByLine.isEmpty()) {
            Set<AppealNumber> found = register.existing(earlierByLine.values());
            earlierByLine.forEach((line, number) -> {
                if (!found.contains(number)) {
                    problems.add(new Problem(line, "earlierNumber: there is no appeal " + number));
                }
            });
        }
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparingInt(Problem::line));
            return Result.refused(problems);
        }
        if (prepared.isEmpty()) {
            return Result.refused(List.of(new Problem(0, "the file has no rows under its header")));
        }
        return new Result(register.registerAll(prepared, actor), List.of());
    }

    /** One row checked; its problems go to {@code problems}, and the row is null when there are any. */
    private Register.ImportRow check(
            Row row,
            Cells get,
            List<IntakeChannel> channels,
            Map<Integer, AppealNumber> earlierByLine,
            List<String> problems) {
        ZoneId zone = register.zone();
        Instant now = register.clock().instant();
        IntakeChannel channel = null;
        try {
            channel = IntakeChannels.operatorChannel(get.text("channel"), channels);
        } catch (Refusal e) {
            problems.add(e.getMessage());
        }
        Instant receivedAt = time(get.text("receivedAt"), "receivedAt", zone, problems);
        if (get.text("receivedAt") == null) {
            problems.add(
                    "receivedAt: required (2025-01-15, 2025-01-15T10:30 in the city's time, or 2025-01-15T08:30:00Z)");
        }
        Double lat = decimal(get.text("latitude"), "latitude", problems);
        Double lon = decimal(get.text("longitude"), "longitude", problems);
        Channel kind = channel == null ? Channel.PHONE : IntakeChannels.kind(channel);
        String category = get.text("category");
        AppealIntake.Checked appeal = AppealIntake.check(
                new AppealIntake.Form(
                        kind,
                        category,
                        get.text("issueType"),
                        get.text("description"),
                        lat,
                        lon,
                        get.text("placeAddress"),
                        get.text("firstName"),
                        get.text("lastName"),
                        get.text("address"),
                        get.text("phone")),
                catalog,
                EnumSet.of(kind));
        appeal.problems().forEach(p -> problems.add(AppealController.message(p, category)));
        Classification classification = null;
        try {
            String earlierText = get.text("earlierNumber");
            AppealNumber earlier = null;
            if (earlierText != null) {
                earlier = AppealNumber.parse(earlierText)
                        .orElseThrow(() -> new IllegalArgumentException(
                                "earlierNumber: '" + earlierText + "' is not an appeal number such as 2025-000123"));
                earlierByLine.put(row.line(), earlier);
            }
            classification = new Classification(
                    get.text("type"),
                    get.text("form"),
                    integer(get.text("signatories"), "signatories"),
                    get.text("sign"),
                    earlier,
                    codes(get.text("citizenCategories")),
                    codes(get.text("questions")),
                    null);
            problems.addAll(register.problems(receivedAt, classification));
        } catch (IllegalArgumentException e) {
            // A value refusing itself: a number that is not one, too many questions, signatories out of range.
            problems.add(e.getMessage());
        }
        String comment = get.text("comment");
        if (comment != null && comment.length() > OperatorDesk.MAX_COMMENT) {
            problems.add("comment: " + comment.length() + " characters; at most " + OperatorDesk.MAX_COMMENT);
        }
        AppealStatus closeAs = null;
        Instant closedAt = null;
        String status = get.text("status");
        if (status != null && !status.equalsIgnoreCase("REGISTERED")) {
            String s = status.toUpperCase(Locale.ROOT);
            if (s.equals("RESOLVED") || s.equals("REJECTED")) {
                closeAs = AppealStatus.valueOf(s);
            } else {
                problems.add("status: '" + status + "' is not one of [REGISTERED, RESOLVED, REJECTED]");
            }
            closedAt = time(get.text("closedAt"), "closedAt", zone, problems);
            if (closeAs != null && get.text("closedAt") == null) {
                problems.add("closedAt: required for a closed appeal");
            }
            if (closedAt != null && (closedAt.isAfter(now) || (receivedAt != null && closedAt.isBefore(receivedAt)))) {
                problems.add("closedAt: between receivedAt and now");
            }
            if (closeAs == AppealStatus.REJECTED && comment == null) {
                problems.add("comment: a REJECTED appeal needs the reason");
            }
        } else if (get.text("closedAt") != null) {
            problems.add("closedAt: only for a RESOLVED or REJECTED status");
        }
        String outcome = get.text("outcome");
        if (outcome != null) {
            if (closeAs == null) {
                problems.add("outcome: only for a RESOLVED or REJECTED status");
            } else if (register.classifier().outcome(outcome).isEmpty()) {
                problems.add("outcome: '" + outcome + "' is not one of "
                        + Classifier.codes(register.classifier().outcomes()));
            }
        }
        if (!problems.isEmpty()) {
            return null;
        }
        Classification kept = outcome == null ? classification : classification.withOutcome(outcome);
        return new Register.ImportRow(
                row.line(),
                new Register.Intake(appeal.appeal().orElseThrow(), channel, receivedAt, kept, comment),
                closeAs,
                closedAt,
                comment);
    }

    /** The file's records, each with the line it starts on (a quoted cell may hold line breaks). */
    private static List<Row> rows(String csv, List<Problem> problems) {
        var out = new ArrayList<Row>();
        MappingIterator<List<String>> it = null;
        try {
            it = CSV.readerForListOf(String.class).with(CsvSchema.emptySchema()).readValues(csv);
            while (it.hasNextValue()) {
                int line = it.getParser().currentLocation().getLineNr();
                out.add(new Row(line, it.nextValue()));
            }
        } catch (IOException | RuntimeException e) {
            // The parser's message names its own classes; the operator needs the line and the likely cause.
            int line = it == null
                    ? 1
                    : Math.max(1, it.getParser().currentLocation().getLineNr());
            problems.add(new Problem(line, "not CSV that can be read: a quote not closed, or a cell that is not text"));
        } finally {
            if (it != null) {
                try {
                    it.close();
                } catch (IOException e) {
                    // A reader over a string: nothing to release.
                }
            }
        }
        return out;
    }

    private record Cells(List<String> row, Map<String, Integer> index) {
        String text(String column) {
            Integer i = index.get(column);
            if (i == null || i >= row.size()) {
                return null;
            }
            String v = row.get(i);
            return v == null || v.isBlank() ? null : v.strip();
        }
    }

    /**
     * A receipt or closing time: an ISO time with an offset ({@code 2025-01-15T08:30:00Z}), a local
     * time in the city ({@code 2025-01-15T10:30}) or a date (its start in the city); a value that is
     * none of these adds a problem and gives null.
     */
    static Instant time(String value, String field, ZoneId zone, List<String> problems) {
        if (value == null) {
            return null;
        }
        try {
            if (value.length() == 10) {
                return LocalDate.parse(value).atStartOfDay(zone).toInstant();
            }
            if (value.endsWith("Z") || value.matches(".*[+-]\\d\\d:\\d\\d$")) {
                return OffsetDateTime.parse(value).toInstant();
            }
            return LocalDateTime.parse(value).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            problems.add(field + ": '" + value
                    + "' is not a date (2025-01-15) or time (2025-01-15T10:30, 2025-01-15T08:30:00Z)");
            return null;
        }
    }

    private static Double decimal(String value, String field, List<String> problems) {
        if (value == null) {
            return null;
        }
        try {
            return Double.valueOf(value.replace(',', '.'));
        } catch (NumberFormatException e) {
            problems.add(field + ": '" + value + "' is not a number");
            return null;
        }
    }

    private static Integer integer(String value, String field) {
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + ": '" + value + "' is not a whole number");
        }
    }

    /** Codes separated by semicolons (or commas): {@code 009;010}. */
    static List<String> codes(String value) {
        if (value == null) {
            return List.of();
        }
        return Arrays.stream(value.split("[;,]"))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }
}
