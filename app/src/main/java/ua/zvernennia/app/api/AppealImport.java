package ua.zvernennia.app.api;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import ua.zvernennia.app.register.Register;
import ua.zvernennia.core.appeal.AppealNumber;
import ua.zvernennia.core.appeal.AppealStatus;
import ua.zvernennia.core.chat.Channel;
import ua.zvernennia.core.desk.AppealIntake;
import ua.zvernennia.core.desk.Refusal;
import ua.zvernennia.core.register.Classification;
import ua.zvernennia.core.register.IntakeChannel;

/**
 * A back-log of appeals from a CSV file (UTF-8, a header row naming the columns, the classifier's
 * codes): every row is checked first, and either all are registered in one transaction or none,
 * with every problem named by its line. Thread-safe.
 */
public final class AppealImport {
    /** Columns an import may have; the first four and the person's and place's are required per row. */
    public static final List<String> COLUMNS = List.of("receivedAt", "channel", "category", "issueType", "description", "placeAddress",
            "latitude", "longitude", "firstName", "lastName", "address", "phone", "type", "form", "signatories", "sign",
            "earlierNumber", "citizenCategories", "questions", "status", "closedAt", "outcome", "comment");
    private static final Set<String> REQUIRED = Set.of("receivedAt", "channel", "category", "description", "firstName", "lastName",
            "address", "phone");
    /** The most rows one file may hold. */
    public static final int MAX_ROWS = 20_000;
    private static final CsvMapper CSV = CsvMapper.builder().enable(CsvParser.Feature.WRAP_AS_ARRAY).build();

    /** The outcome: the numbers given, in the order of the rows, or every problem by line. */
    public record Result(List<AppealNumber> registered, List<String> problems) {
    }

    private AppealImport() {
    }

    public static Result run(Register register, String csv, String actor) {
        var problems = new ArrayList<String>();
        List<List<String>> rows = rows(csv, problems);
        if (!problems.isEmpty()) {
            return new Result(List.of(), problems);
        }
        if (rows.isEmpty()) {
            return new Result(List.of(), List.of("line 1: the file is empty; the first line names the columns: " + COLUMNS));
        }
        List<String> header = rows.get(0).stream().map(h -> h.strip().replace("\uFEFF", "")).toList();
        var index = new HashMap<String, Integer>();
        for (int i = 0; i < header.size(); i++) {
            String h = header.get(i);
            if (!COLUMNS.contains(h)) {
                problems.add("line 1: unknown column '" + h + "'; known: " + COLUMNS);
            } else if (index.put(h, i) != null) {
                problems.add("line 1: column '" + h + "' twice");
            }
        }
        for (String r : REQUIRED) {
            if (!index.containsKey(r)) {
                problems.add("line 1: column '" + r + "' is missing");
            }
        }
        if (rows.size() - 1 > MAX_ROWS) {
            problems.add("the file has " + (rows.size() - 1) + " rows; at most " + MAX_ROWS + " at a time");
        }
        if (!problems.isEmpty()) {
            return new Result(List.of(), problems);
        }
        List<IntakeChannel> channels = register.channels();
        ZoneId zone = register.zone();
        Instant now = register.clock().instant();
        var earlier = new ArrayList<String>();
        var prepared = new ArrayList<Register.ImportRow>();
        var earlierByLine = new HashMap<Integer, String>();
        for (int r = 1; r < rows.size(); r++) {
            int line = r + 1;
            List<String> row = rows.get(r);
            if (row.stream().allMatch(String::isBlank)) {
                continue;
            }
            var get = new Cells(row, index);
            var lineProblems = new ArrayList<String>();
            IntakeChannel channel = null;
            try {
                channel = channelOf(get.text("channel"), channels);
            } catch (Refusal e) {
                lineProblems.add(e.getMessage());
            }
            Instant receivedAt = time(get.text("receivedAt"), "receivedAt", zone, lineProblems);
            if (receivedAt == null && get.text("receivedAt") == null) {
                lineProblems.add("receivedAt: required (2025-01-15, 2025-01-15T10:30 in the city's time, or 2025-01-15T08:30:00Z)");
            }
            Double lat = decimal(get.text("latitude"), "latitude", lineProblems);
            Double lon = decimal(get.text("longitude"), "longitude", lineProblems);
            Channel kind = channel == null ? Channel.PHONE : kindOf(channel);
            AppealIntake.Checked checked = AppealIntake.check(new AppealIntake.Form(kind, get.text("category"), get.text("issueType"),
                    get.text("description"), lat, lon, get.text("placeAddress"), get.text("firstName"), get.text("lastName"),
                    get.text("address"), get.text("phone")), register.catalog(), EnumSet.of(kind));
            checked.problems().forEach(p -> lineProblems.add(AppealController.message(p, get.text("category"))));
            Classification classification = null;
            try {
                String earlierText = get.text("earlierNumber");
                AppealNumber earlierNumber = null;
                if (earlierText != null) {
                    earlierNumber = AppealNumber.parse(earlierText)
                            .orElseThrow(() -> new IllegalArgumentException("earlierNumber: '" + earlierText + "' is not an appeal number such as 2025-000123"));
                    earlierByLine.put(line, earlierNumber.toString());
                    earlier.add(earlierNumber.toString());
                }
                classification = new Classification(get.text("type"), get.text("form"), integer(get.text("signatories"), "signatories"),
                        get.text("sign"), earlierNumber, list(get.text("citizenCategories")), list(get.text("questions")), null);
                lineProblems.addAll(register.problems(receivedAt, classification));
            } catch (IllegalArgumentException e) {
                lineProblems.add(e.getMessage());
            }
            AppealStatus closeAs = null;
            Instant closedAt = null;
            String status = get.text("status");
            if (status != null && !status.equalsIgnoreCase("REGISTERED")) {
                try {
                    closeAs = AppealStatus.valueOf(status.strip().toUpperCase(java.util.Locale.ROOT));
                    if (closeAs != AppealStatus.RESOLVED && closeAs != AppealStatus.REJECTED) {
                        throw new IllegalArgumentException();
                    }
                } catch (IllegalArgumentException e) {
                    lineProblems.add("status: '" + status + "' is not one of [REGISTERED, RESOLVED, REJECTED]");
                    closeAs = null;
                }
                closedAt = time(get.text("closedAt"), "closedAt", zone, lineProblems);
                if (closeAs != null && closedAt == null && get.text("closedAt") == null) {
                    lineProblems.add("closedAt: required for a closed appeal");
                }
                if (closedAt != null && (closedAt.isAfter(now) || (receivedAt != null && closedAt.isBefore(receivedAt)))) {
                    lineProblems.add("closedAt: between receivedAt and now");
                }
                if (closeAs == AppealStatus.REJECTED && get.text("comment") == null) {
                    lineProblems.add("comment: a REJECTED appeal needs the reason");
                }
            } else if (get.text("closedAt") != null) {
                lineProblems.add("closedAt: only for a RESOLVED or REJECTED status");
            }
            String outcome = get.text("outcome");
            if (outcome != null) {
                if (closeAs == null) {
                    lineProblems.add("outcome: only for a RESOLVED or REJECTED status");
                } else if (register.classifier().outcome(outcome).isEmpty()) {
                    lineProblems.add("outcome: '" + outcome + "' is not one of " + ua.zvernennia.core.register.Classifier.codes(register.classifier().outcomes()));
                }
            }
            if (lineProblems.isEmpty()) {
                Classification c = outcome == null ? classification : new Classification(classification.type(), classification.form(),
                        classification.signatories(), classification.sign(), classification.earlier(), classification.citizenCategories(),
                        classification.questions(), outcome.strip());
                prepared.add(new Register.ImportRow(line, new Register.Intake(checked.appeal().orElseThrow(), channel, receivedAt, c,
                        get.text("comment")), closeAs, closedAt, get.text("comment")));
            } else {
                lineProblems.forEach(p -> problems.add("line " + line + ": " + p));
            }
        }
        if (!earlier.isEmpty()) {
            Set<String> found = register.existing(List.copyOf(new LinkedHashSet<>(earlier)));
            earlierByLine.forEach((line, num) -> {
                if (!found.contains(num)) {
                    problems.add("line " + line + ": earlierNumber: there is no appeal " + num);
                }
            });
            problems.sort(java.util.Comparator.comparingInt(AppealImport::lineOf));
        }
        if (!problems.isEmpty()) {
            return new Result(List.of(), problems);
        }
        if (prepared.isEmpty()) {
            return new Result(List.of(), List.of("the file has no rows under its header"));
        }
        return new Result(register.registerAll(prepared, actor), List.of());
    }

    private static int lineOf(String problem) {
        try {
            return Integer.parseInt(problem.substring(5, problem.indexOf(':')));
        } catch (RuntimeException e) {
            return Integer.MAX_VALUE;
        }
    }

    private static List<List<String>> rows(String csv, List<String> problems) {
        var out = new ArrayList<List<String>>();
        try (MappingIterator<List<String>> it = CSV.readerForListOf(String.class).with(CsvSchema.emptySchema()).readValues(csv)) {
            while (it.hasNextValue()) {
                out.add(it.nextValue());
            }
        } catch (IOException | RuntimeException e) {
            problems.add("line " + (out.size() + 1) + ": not CSV that can be read (" + e.getClass().getSimpleName().replace("Exception", "")
                    + ": a quote not closed, or bytes that are not UTF-8)");
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

    private static IntakeChannel channelOf(String code, List<IntakeChannel> channels) {
        return Register.operatorChannel(code, channels);
    }

    private static Channel kindOf(IntakeChannel c) {
        return Register.kind(c);
    }

    static Instant time(String value, String field, ZoneId zone, List<String> problems) {
        if (value == null) {
            return null;
        }
        try {
            if (value.length() == 10) {
                return LocalDate.parse(value).atStartOfDay(zone).toInstant();
            }
            if (value.endsWith("Z") || value.matches(".*[+-]\\d\\d:\\d\\d$")) {
                return java.time.OffsetDateTime.parse(value).toInstant();
            }
            return LocalDateTime.parse(value).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            problems.add(field + ": '" + value + "' is not a date (2025-01-15) or time (2025-01-15T10:30, 2025-01-15T08:30:00Z)");
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
    static List<String> list(String value) {
        if (value == null) {
            return List.of();
        }
        return java.util.Arrays.stream(value.split("[;,]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
