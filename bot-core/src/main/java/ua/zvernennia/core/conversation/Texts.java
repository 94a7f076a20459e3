package ua.zvernennia.core.conversation;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Citizen-facing texts from the {@code messages} bundles, Ukrainian first. Placeholders are
 * {@code {0}}, {@code {1}}, ...; apostrophes need no escaping.
 */
public final class Texts {
    public static final String DEFAULT_LANGUAGE = "uk";
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
    private static final Texts UK = new Texts("uk", ResourceBundle.getBundle("messages", Locale.ROOT, NO_FALLBACK));
    private static final Texts EN = new Texts("en", ResourceBundle.getBundle("messages", Locale.ENGLISH, NO_FALLBACK));

    private final String language;
    private final ResourceBundle bundle;

    private Texts(String language, ResourceBundle bundle) {
        this.language = language;
        this.bundle = bundle;
    }

    public static Texts of(String language) {
        return "en".equals(language) ? EN : UK;
    }

    /** "en" stays "en"; anything else is Ukrainian. */
    public static String supported(String language) {
        return "en".equals(language) ? "en" : DEFAULT_LANGUAGE;
    }

    public String language() {
        return language;
    }

    public String get(String key, Object... args) {
        String s;
        try {
            s = bundle.getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalArgumentException("no text for key " + key, e);
        }
        for (int i = 0; i < args.length; i++) {
            s = s.replace("{" + i + "}", String.valueOf(args[i]));
        }
        return s;
    }

    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    /** The text cut to {@code max} characters, the last of them an ellipsis. */
    static String shortened(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
