package ua.zvernennia.core.register;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ua.zvernennia.core.stats.Percentages;

/**
 * The figures of a council's report on its work with citizens' appeals, computed from what the
 * register counted: appeals by channel with group subtotals, questions by topic (shares of the
 * questions) with group subtotals, the classifier's breakdowns, outcomes and terms. The period
 * is null for the figures of an arbitrary range of dates (the statistics). Shares of a
 * breakdown add up to 100.0 (see {@link Percentages}); a subtotal's share is the sum of its lines'.
 */
public record RegisterFigures(
        ReportPeriod period,
        Instant asOf,
        long appeals,
        List<Line> channels,
        long questions,
        List<Line> topics,
        List<Line> types,
        List<Line> forms,
        long collective,
        long signatories,
        List<Line> signs,
        long repeated,
        List<Line> citizenCategories,
        long closed,
        List<Line> outcomes,
        List<Line> terms) {

    /**
     * One line of a breakdown.
     *
     * @param subtotal true for a group's subtotal; its items follow it, carrying its name in {@code group}
     * @param group    the group an item belongs to, or null
     * @param percent  the share of the breakdown's whole; null when the whole is zero
     */
    public record Line(boolean subtotal, String code, String name, String group, long count, BigDecimal percent) {}

    /** Codes of the lines in {@link #terms}. */
    public static final String CLOSED_ON_TIME = "closed_on_time";

    public static final String CLOSED_LATE = "closed_late";
    public static final String OPEN_IN_TIME = "open_in_time";
    public static final String OPEN_OVERDUE = "open_overdue";

    public RegisterFigures {
        channels = List.copyOf(channels);
        topics = List.copyOf(topics);
        types = List.copyOf(types);
        forms = List.copyOf(forms);
        signs = List.copyOf(signs);
        citizenCategories = List.copyOf(citizenCategories);
        outcomes = List.copyOf(outcomes);
        terms = List.copyOf(terms);
    }

    /**
     * The figures of {@code counts}.
     *
     * @param channels    every channel the register knows, in order
     * @param unknownName what a breakdown calls the appeals not classified in it
     * @param termNames   the names of the four lines of terms, by their codes
     */
    public static RegisterFigures of(
            ReportPeriod period,
            Instant asOf,
            RegisterCounts counts,
            Classifier classifier,
            List<IntakeChannel> channels,
            String unknownName,
            Map<String, String> termNames) {
        return new RegisterFigures(
                period,
                asOf,
                counts.appeals(),
                channelLines(counts, channels),
                counts.questions(),
                topicLines(counts, classifier),
                listLines(classifier.types(), counts.byType(), counts.appeals(), unknownName),
                listLines(classifier.forms(), counts.byForm(), counts.appeals(), unknownName),
                flagged(classifier.forms(), counts.byForm(), Classifier.COLLECTIVE),
                counts.signatories(),
                listLines(classifier.signs(), counts.bySign(), counts.appeals(), unknownName),
                flagged(classifier.signs(), counts.bySign(), Classifier.REPEATED),
                categoryLines(classifier, counts),
                counts.closed(),
                listLines(classifier.outcomes(), counts.byOutcome(), counts.closed(), unknownName),
                termLines(counts, termNames));
    }

    private static long flagged(List<Classifier.Entry> list, Map<String, Long> counts, String flag) {
        return list.stream()
                .filter(e -> flag.equals(e.flag()))
                .mapToLong(e -> counts.getOrDefault(e.code(), 0L))
                .sum();
    }

    private static List<Line> channelLines(RegisterCounts counts, List<IntakeChannel> channels) {
        // Every active channel is shown, with zeros; an inactive or unknown one only when it has appeals.
        var shown = new ArrayList<IntakeChannel>();
        for (IntakeChannel c : channels) {
            if (counts.byChannel().getOrDefault(c.code(), 0L) > 0
                    || (c.active() && !c.code().equals("CONSOLE"))) {
                shown.add(c);
            }
        }
        for (String code : counts.byChannel().keySet()) {
            if (channels.stream().noneMatch(c -> c.code().equals(code))) {
                shown.add(new IntakeChannel(code, code, null, false, false, false, Integer.MAX_VALUE));
            }
        }
        List<BigDecimal> percents = Percentages.of(shown.stream()
                .map(c -> counts.byChannel().getOrDefault(c.code(), 0L))
                .toList());
        // Groups in the order of their first channel; each group's subtotal before its channels.
        var groups = new LinkedHashMap<String, List<Integer>>();
        for (int i = 0; i < shown.size(); i++) {
            String g = shown.get(i).reportGroup();
            groups.computeIfAbsent(g == null ? "\u0000" + i : g, k -> new ArrayList<>())
                    .add(i);
        }
        var out = new ArrayList<Line>();
        for (var e : groups.entrySet()) {
            boolean grouped = !e.getKey().startsWith("\u0000");
            if (grouped) {
                long sum = e.getValue().stream()
                        .mapToLong(i ->
                                counts.byChannel().getOrDefault(shown.get(i).code(), 0L))
                        .sum();
                BigDecimal pct = counts.appeals() == 0
                        ? null
                        : e.getValue().stream().map(percents::get).reduce(BigDecimal.ZERO.setScale(1), BigDecimal::add);
                out.add(new Line(true, null, e.getKey(), e.getKey(), sum, pct));
            }
            for (int i : e.getValue()) {
                IntakeChannel c = shown.get(i);
                out.add(new Line(
                        false,
                        c.code(),
                        c.nameUk(),
                        grouped ? e.getKey() : null,
                        counts.byChannel().getOrDefault(c.code(), 0L),
                        counts.appeals() == 0 ? null : percents.get(i)));
            }
        }
        return out;
    }

    private static List<Line> topicLines(RegisterCounts counts, Classifier classifier) {
        Map<String, Long> q = counts.questionsByTopic();
        var codes = new ArrayList<>(q.keySet());
        codes.removeIf(c -> q.get(c) == 0);
        Map<String, String> names = Classifier.names(classifier.topics());
        codes.sort(Comparator.<String>comparingLong(q::get).reversed().thenComparing(c -> c));
        List<BigDecimal> percents = Percentages.of(codes.stream().map(q::get).toList());
        var percentOf = new LinkedHashMap<String, BigDecimal>();
        for (int i = 0; i < codes.size(); i++) {
            percentOf.put(codes.get(i), percents.get(i));
        }
        // Blocks: a group (its subtotal and its topics) or a topic on its own, largest first.
        record Block(String name, long count, List<String> topics, boolean group) {}
        var blocks = new ArrayList<Block>();
        var done = new java.util.HashSet<String>();
        for (String code : codes) {
            if (done.contains(code)) {
                continue;
            }
            var group = classifier.groupOf(code);
            if (group.isPresent()) {
                List<String> members = codes.stream()
                        .filter(c -> group.get().topics().contains(c))
                        .toList();
                done.addAll(members);
                blocks.add(new Block(
                        group.get().name(), members.stream().mapToLong(q::get).sum(), members, true));
            } else {
                done.add(code);
                blocks.add(new Block(null, q.get(code), List.of(code), false));
            }
        }
        blocks.sort(Comparator.comparingLong(Block::count).reversed());
        var out = new ArrayList<Line>();
        for (Block b : blocks) {
            if (b.group()) {
                out.add(new Line(
                        true,
                        null,
                        b.name(),
                        b.name(),
                        b.count(),
                        b.topics().stream().map(percentOf::get).reduce(BigDecimal.ZERO.setScale(1), BigDecimal::add)));
            }
            for (String code : b.topics()) {
                out.add(new Line(
                        false,
                        code,
                        names.getOrDefault(code, code),
                        b.group() ? b.name() : null,
                        q.get(code),
                        percentOf.get(code)));
            }
        }
        return out;
    }

    /** Every item of the list, zeros included, and the unclassified ones when there are any. */
    private static List<Line> listLines(
            List<Classifier.Entry> list, Map<String, Long> counts, long whole, String unknownName) {
        var codes = new ArrayList<String>();
        var names = new ArrayList<String>();
        for (Classifier.Entry e : list) {
            codes.add(e.code());
            names.add(e.name());
        }
        long classified = 0;
        for (var e : counts.entrySet()) {
            if (!e.getKey().equals(RegisterCounts.UNKNOWN) && !codes.contains(e.getKey())) {
                codes.add(e.getKey());
                names.add(e.getKey());
            }
        }
        for (String c : codes) {
            classified += counts.getOrDefault(c, 0L);
        }
        long unknown = Math.max(0, whole - classified);
        if (unknown > 0) {
            codes.add(RegisterCounts.UNKNOWN);
            names.add(unknownName);
        }
        var values = codes.stream()
                .map(c -> c.equals(RegisterCounts.UNKNOWN) ? unknown : counts.getOrDefault(c, 0L))
                .toList();
        List<BigDecimal> percents = Percentages.of(values);
        var out = new ArrayList<Line>();
        for (int i = 0; i < codes.size(); i++) {
            out.add(new Line(
                    false, codes.get(i), names.get(i), null, values.get(i), whole == 0 ? null : percents.get(i)));
        }
        return out;
    }

    /** Authors' categories: an appeal may count under several, so each share is of all appeals. */
    private static List<Line> categoryLines(Classifier classifier, RegisterCounts counts) {
        var out = new ArrayList<Line>();
        for (Classifier.Entry e : classifier.citizenCategories()) {
            long n = counts.citizenCategories().getOrDefault(e.code(), 0L);
            if (n > 0) {
                out.add(new Line(false, e.code(), e.name(), null, n, Percentages.ratio(n, counts.appeals())));
            }
        }
        return out;
    }

    private static List<Line> termLines(RegisterCounts counts, Map<String, String> names) {
        var codes = List.of(CLOSED_ON_TIME, CLOSED_LATE, OPEN_IN_TIME, OPEN_OVERDUE);
        var values = List.of(counts.closedOnTime(), counts.closedLate(), counts.openInTime(), counts.openOverdue());
        List<BigDecimal> percents = Percentages.of(values);
        var out = new ArrayList<Line>();
        for (int i = 0; i < codes.size(); i++) {
            out.add(new Line(
                    false,
                    codes.get(i),
                    names.getOrDefault(codes.get(i), codes.get(i)),
                    null,
                    values.get(i),
                    counts.appeals() == 0 ? null : percents.get(i)));
        }
        return out;
    }
}
