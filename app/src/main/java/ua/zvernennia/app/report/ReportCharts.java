package ua.zvernennia.app.report;

import java.time.format.DateTimeFormatter;
import java.util.Locale;
import ua.zvernennia.core.stats.Statistics;

/**
 * The report's charts of a set of statistics, as inline SVG: for the quarterly report and the
 * web console's statistics page, so both draw the same figures the same way.
 */
public final class ReportCharts {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM", Locale.ROOT);
    private static final DateTimeFormatter FULL = DateTimeFormatter.ofPattern("dd.MM.yyyy", Locale.ROOT);

    private ReportCharts() {}

    /** Appeals by channel: a ring, one colour a channel in the order of {@code byChannel}. */
    public static String channels(Statistics s) {
        return SvgCharts.donut(
                ReportTexts.get("chart.channels"),
                s.byChannel().stream()
                        .map(c -> new SvgCharts.Slice(ReportTexts.channel(c.channel()), c.count()))
                        .toList());
    }

    /** Appeals by category, as bars; empty when there are none. */
    public static String categories(Statistics s) {
        if (s.byCategory().isEmpty()) {
            return "";
        }
        return SvgCharts.bars(
                ReportTexts.get("chart.categories"),
                s.byCategory().stream()
                        .map(c -> new SvgCharts.Slice(c.name(), c.count()))
                        .toList());
    }

    /** Appeals filed in each period of the statistics' grouping, as bars. */
    public static String periods(Statistics s, String title) {
        return SvgCharts.bars(
                title,
                s.periods().stream()
                        .map(p -> new SvgCharts.Slice(
                                p.first().equals(p.last())
                                        ? FULL.format(p.first())
                                        : DAY.format(p.first()) + "–" + FULL.format(p.last()),
                                p.total()))
                        .toList());
    }

    /** The colour of the {@code i}-th slice of the ring, for a legend. */
    public static String colour(int i) {
        return SvgCharts.colour(i);
    }
}
