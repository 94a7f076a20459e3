package ua.zvernennia.app.report;

import java.util.List;
import java.util.Locale;

/**
 * Charts as inline SVG: no scripts, no fonts but the reader's own sans-serif, so a saved report
 * opens anywhere and shows the same.
 */
final class SvgCharts {
    /** Distinct colours that stay apart for readers with red–green colour blindness (Okabe–Ito). */
    static final List<String> COLOURS =
            List.of("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#999999");

    record Slice(String label, long value) {}

    private SvgCharts() {}

    static String colour(int i) {
        return COLOURS.get(i % COLOURS.size());
    }

    /** Horizontal bars, one a row, with the label on the left and the value at the bar's end. */
    static String bars(String title, List<Slice> rows) {
        int rowHeight = 26;
        int labelWidth = 300;
        int maxBar = 330;
        int width = labelWidth + maxBar + 90;
        int height = Math.max(1, rows.size()) * rowHeight + 10;
        long max = rows.stream().mapToLong(Slice::value).max().orElse(0);
        StringBuilder svg = open(title, width, height);
        for (int i = 0; i < rows.size(); i++) {
            Slice r = rows.get(i);
            int y = 5 + i * rowHeight;
            double w = max == 0 ? 0 : (double) r.value() * maxBar / max;
            svg.append("<text x=\"")
                    .append(labelWidth - 8)
                    .append("\" y=\"")
                    .append(y + 17)
                    .append("\" text-anchor=\"end\">")
                    .append(Html.escape(r.label()))
                    .append("</text>");
            svg.append("<rect x=\"")
                    .append(labelWidth)
                    .append("\" y=\"")
                    .append(y + 3)
                    .append("\" width=\"")
                    .append(num(w))
                    .append("\" height=\"")
                    .append(rowHeight - 8)
                    .append("\" fill=\"")
                    .append(colour(0))
                    .append("\"><title>")
                    .append(Html.escape(r.label()))
                    .append(": ")
                    .append(r.value())
                    .append("</title></rect>");
            svg.append("<text x=\"")
                    .append(num(labelWidth + w + 6))
                    .append("\" y=\"")
                    .append(y + 17)
                    .append("\">")
                    .append(Html.number(r.value()))
                    .append("</text>");
        }
        return svg.append("</svg>").toString();
    }

    /** A ring of shares, one arc a slice, in the order and colours of {@link #colour}. */
    static String donut(String title, List<Slice> slices) {
        int size = 220;
        double cx = size / 2.0;
        double r = 70;
        double circumference = 2 * Math.PI * r;
        long total = slices.stream().mapToLong(Slice::value).sum();
        StringBuilder svg = open(title, size, size);
        svg.append("<circle cx=\"")
                .append(num(cx))
                .append("\" cy=\"")
                .append(num(cx))
                .append("\" r=\"")
                .append(num(r))
                .append("\" fill=\"none\" stroke=\"#e6e6e6\" stroke-width=\"36\"/>");
        double offset = 0;
        for (int i = 0; i < slices.size(); i++) {
            Slice s = slices.get(i);
            if (s.value() == 0 || total == 0) {
                continue;
            }
            double length = circumference * s.value() / total;
            // Arcs start at twelve o'clock and go clockwise.
            svg.append("<circle class=\"slice\" cx=\"")
                    .append(num(cx))
                    .append("\" cy=\"")
                    .append(num(cx))
                    .append("\" r=\"")
                    .append(num(r))
                    .append("\" fill=\"none\" stroke=\"")
                    .append(colour(i))
                    .append("\" stroke-width=\"36\" stroke-dasharray=\"")
                    .append(num(length))
                    .append(' ')
                    .append(num(circumference - length))
                    .append("\" stroke-dashoffset=\"")
                    .append(num(-offset))
                    .append("\" transform=\"rotate(-90 ")
                    .append(num(cx))
                    .append(' ')
                    .append(num(cx))
                    .append(")\"><title>")
                    .append(Html.escape(s.label()))
                    .append(": ")
                    .append(s.value())
                    .append("</title></circle>");
            offset += length;
        }
        svg.append("<text x=\"")
                .append(num(cx))
                .append("\" y=\"")
                .append(num(cx + 6))
                .append("\" text-anchor=\"middle\" font-size=\"18\">")
                .append(Html.number(total))
                .append("</text>");
        return svg.append("</svg>").toString();
    }

    private static StringBuilder open(String title, int width, int height) {
        return new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"")
                .append(width)
                .append("\" height=\"")
                .append(height)
                .append("\" viewBox=\"0 0 ")
                .append(width)
                .append(' ')
                .append(height)
                .append("\" font-family=\"sans-serif\" font-size=\"13\" aria-label=\"")
                .append(Html.escape(title))
                .append("\"><title>")
                .append(Html.escape(title))
                .append("</title>");
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
