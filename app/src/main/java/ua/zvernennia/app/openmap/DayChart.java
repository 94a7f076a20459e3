package ua.zvernennia.app.openmap;

import java.util.List;
import ua.zvernennia.core.openmap.OpenStatistics;

/**
 * The open statistics' chart by day: an SVG of bars (appeals filed, and of them resolved) drawn
 * on the server, so the page needs no script. Only numbers and dates go into it.
 */
final class DayChart {
    private static final int HEIGHT = 160;
    private static final int WIDTH = 720;

    private DayChart() {}

    static String svg(List<OpenStatistics.DayCount> days) {
        if (days.isEmpty()) {
            return "<p>Немає даних.</p>";
        }
        long max = Math.max(
                1,
                days.stream().mapToLong(OpenStatistics.DayCount::appeals).max().orElse(1));
        double step = (double) WIDTH / days.size();
        double bar = Math.max(1, step * 0.8);
        var out = new StringBuilder(
                "<svg class=\"chart\" id=\"day-chart\" role=\"img\" viewBox=\"0 0 " + WIDTH + " " + (HEIGHT + 20)
                        + "\" preserveAspectRatio=\"none\" aria-label=\"Звернення за днями: подано (синій) і вирішено (зелений)\">");
        for (int i = 0; i < days.size(); i++) {
            OpenStatistics.DayCount d = days.get(i);
            double x = i * step;
            double h = (double) d.appeals() / max * HEIGHT;
            double r = (double) d.resolved() / max * HEIGHT;
            out.append("<rect x=\"")
                    .append(num(x))
                    .append("\" y=\"")
                    .append(num(HEIGHT - h))
                    .append("\" width=\"")
                    .append(num(bar))
                    .append("\" height=\"")
                    .append(num(h))
                    .append("\" fill=\"#0b4f8a\"><title>")
                    .append(d.date())
                    .append(": ")
                    .append(d.appeals())
                    .append(" подано, ")
                    .append(d.resolved())
                    .append(" вирішено</title></rect>");
            out.append("<rect x=\"")
                    .append(num(x + bar / 4))
                    .append("\" y=\"")
                    .append(num(HEIGHT - r))
                    .append("\" width=\"")
                    .append(num(bar / 2))
                    .append("\" height=\"")
                    .append(num(r))
                    .append("\" fill=\"#1e7b34\"/>");
        }
        out.append("<text x=\"0\" y=\"")
                .append(HEIGHT + 16)
                .append("\" font-size=\"12\">")
                .append(days.get(0).date())
                .append("</text>");
        out.append("<text x=\"")
                .append(WIDTH)
                .append("\" y=\"")
                .append(HEIGHT + 16)
                .append("\" font-size=\"12\" text-anchor=\"end\">")
                .append(days.get(days.size() - 1).date())
                .append("</text></svg>");
        return out.toString();
    }

    private static String num(double v) {
        return String.format(java.util.Locale.ROOT, "%.1f", v);
    }
}
