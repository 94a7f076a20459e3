package ua.zvernennia.app.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import ua.zvernennia.core.appeal.AppealEvent;
import ua.zvernennia.core.desk.AppealIntake;

/**
 * The console's Ukrainian words for statuses, channels, history entries, form problems and the
 * register's fields. Thread-safe.
 */
public final class Labels {
    private static final Properties WORDS = load();

    private Labels() {}

    public static String of(Enum<?> value) {
        return value == null ? "" : word(prefix(value) + "." + value.name());
    }

    public static String word(String key) {
        return WORDS.getProperty(key, key);
    }

    /** The word of {@code key} with its {@code {0}}, {@code {1}}... replaced by {@code args}. */
    public static String word(String key, Object... args) {
        String s = word(key);
        for (int i = 0; i < args.length; i++) {
            s = s.replace("{" + i + "}", String.valueOf(args[i]));
        }
        return s;
    }

    /** Whether the bundle has a word for {@code key}. */
    static boolean has(String key) {
        return WORDS.containsKey(key);
    }

    /**
     * A history entry's note as the page shows it: a change of the register's classification
     * ({@code type: — → 3.3; questions: 009 → 009, 010}, in the API's words as recorded) with the
     * fields named in Ukrainian; any other note as written.
     */
    public static String note(AppealEvent e) {
        if (e.note() == null || e.kind() != AppealEvent.Kind.CLASSIFICATION) {
            return e.note();
        }
        var parts = new java.util.ArrayList<String>();
        for (String part : e.note().split("; ")) {
            int colon = part.indexOf(": ");
            String key = colon > 0 ? "register." + part.substring(0, colon) : null;
            parts.add(key != null && WORDS.containsKey(key) ? WORDS.getProperty(key) + part.substring(colon) : part);
        }
        return String.join("; ", parts);
    }

    /** Who did something: the citizen in words, anyone else (an operator, a channel) as recorded. */
    public static String actor(String actor) {
        return WORDS.getProperty("actor." + actor, actor);
    }

    /** A form problem as the operator reads it: the field, then what is wrong. */
    public static String problem(AppealIntake.Problem p) {
        String specific = WORDS.getProperty("problem." + p.field().name() + "." + p.code());
        return word("field." + p.field().name()) + ": " + (specific != null ? specific : word("problem." + p.code()));
    }

    private static String prefix(Enum<?> value) {
        return switch (value.getDeclaringClass().getSimpleName()) {
            case "AppealStatus" -> "status";
            case "Channel" -> "channel";
            case "DeadlineClass" -> "deadline";
            case "Kind" -> "event";
            case "Role" -> "role";
            default -> value.getDeclaringClass().getSimpleName();
        };
    }

    private static Properties load() {
        var p = new Properties();
        try (InputStream in = Labels.class.getResourceAsStream("/console/labels.properties")) {
            if (in == null) {
                throw new IllegalStateException("console/labels.properties is missing from the jar");
            }
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
