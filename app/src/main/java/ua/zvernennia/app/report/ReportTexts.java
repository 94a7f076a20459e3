package ua.zvernennia.app.report;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import ua.zvernennia.core.appeal.AppealStatus;
import ua.zvernennia.core.chat.Channel;
import ua.zvernennia.core.conversation.Texts;

/** The report's Ukrainian texts from the {@code report} bundle. Thread-safe. */
public final class ReportTexts {
    private static final ResourceBundle BUNDLE = ResourceBundle.getBundle(
            "report",
            Locale.ROOT,
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));

    private ReportTexts() {}

    public static String get(String key, Object... args) {
        String s;
        try {
            s = BUNDLE.getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalArgumentException("no report text for key " + key, e);
        }
        for (int i = 0; i < args.length; i++) {
            s = s.replace("{" + i + "}", String.valueOf(args[i]));
        }
        return s;
    }

    public static boolean has(String key) {
        return BUNDLE.containsKey(key);
    }

    public static String channel(Channel channel) {
        return get("channel." + channel.name());
    }

    /** Status names as citizens see them in the bot. */
    public static String status(AppealStatus status) {
        return Texts.of(Texts.DEFAULT_LANGUAGE).get("status." + status.name());
    }
}
