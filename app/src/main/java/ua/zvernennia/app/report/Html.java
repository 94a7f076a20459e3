package ua.zvernennia.app.report;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Locale;

/** Escaping and Ukrainian number formats for the report's HTML. */
final class Html {
    private static final Locale UK = Locale.forLanguageTag("uk-UA");

    private Html() {}

    /** Text safe in HTML content and in double-quoted attributes. */
    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** 1 234 567, as Ukrainian texts write numbers. */
    static String number(long n) {
        return NumberFormat.getIntegerInstance(UK).format(n);
    }

    /** 41,7 (a decimal comma); a dash when there is no value. */
    static String decimal(BigDecimal d) {
        return d == null ? ReportTexts.get("not.applicable") : d.toPlainString().replace('.', ',');
    }
}
