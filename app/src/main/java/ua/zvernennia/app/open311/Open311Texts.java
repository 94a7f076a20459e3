package ua.zvernennia.app.open311;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** The Ukrainian texts of GeoReport answers, from the {@code open311/texts} bundle. Thread-safe. */
final class Open311Texts {
    private static final ResourceBundle BUNDLE = ResourceBundle.getBundle(
            "open311.texts",
            Locale.ROOT,
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));

    private Open311Texts() {}

    static String get(String key, Object... args) {
        String pattern = BUNDLE.getString(key);
        return args.length == 0 ? pattern : new MessageFormat(pattern, Locale.ROOT).format(args);
    }
}
