package ua.zvernennia.core.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import ua.zvernennia.core.appeal.AppealStatus;
import ua.zvernennia.core.chat.UnsupportedKind;

/** The Ukrainian and the English texts have the same keys, and every key the code uses. */
class BundlesTest {
    static final Pattern KEY = Pattern.compile("\"([a-z]+(?:\\.[a-z]+)+)\"|(?:t\\.get|text)\\(\"([a-z]+)\"");
    static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d}");

    static Properties load(String name) throws IOException {
        var p = new Properties();
        try (Reader r =
                new InputStreamReader(BundlesTest.class.getResourceAsStream("/" + name), StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }

    /** Keys written out in the code that speaks to citizens and staff. */
    static Set<String> keysInCode() throws IOException {
        var files = new ArrayList<Path>();
        for (String pkg : new String[] {"conversation", "engine", "desk", "deadline"}) {
            try (Stream<Path> s = Files.list(Path.of("src/main/java/ua/zvernennia/core/" + pkg))) {
                s.forEach(files::add);
            }
        }
        var keys = new TreeSet<String>();
        for (Path f : files) {
            Matcher m = KEY.matcher(Files.readString(f));
            while (m.find()) {
                keys.add(m.group(1) != null ? m.group(1) : m.group(2));
            }
        }
        // Keys made of a prefix and a name.
        for (UnsupportedKind k : UnsupportedKind.values()) {
            keys.add("unsupported." + k);
        }
        for (AppealStatus s : AppealStatus.values()) {
            keys.add("status." + s);
        }
        for (ButtonId.Fixed global : List.of(ButtonId.Fixed.BACK, ButtonId.Fixed.CANCEL, ButtonId.Fixed.HELP)) {
            keys.add("button." + global.encode());
        }
        for (StepRow row : Steps.TABLE.rows()) {
            keys.add(row.question());
            keys.add(row.hint());
        }
        for (Step editable : Steps.TABLE.editable()) {
            keys.add("button.edit." + editable.name().toLowerCase(Locale.ROOT));
        }
        return keys;
    }

    @Test
    void sameKeysInBothLanguages() throws IOException {
        assertThat(load("messages_en.properties").stringPropertyNames())
                .containsExactlyInAnyOrderElementsOf(load("messages.properties").stringPropertyNames());
    }

    @Test
    void everyKeyTheCodeUsesIsThere() throws IOException {
        Set<String> used = keysInCode();
        assertThat(used)
                .as("keys found in the code")
                .contains("consent.ask", "summary", "error.empty")
                .hasSizeGreaterThan(60);
        assertThat(load("messages.properties").stringPropertyNames()).containsAll(used);
        assertThat(load("messages_en.properties").stringPropertyNames()).containsAll(used);
        for (String key : used) {
            assertThat(Texts.of("uk").has(key)).as(key).isTrue();
            assertThat(Texts.of("en").has(key)).as(key).isTrue();
        }
    }

    @Test
    void samePlaceholdersInBothLanguages() throws IOException {
        Properties uk = load("messages.properties");
        Properties en = load("messages_en.properties");
        for (String key : uk.stringPropertyNames()) {
            assertThat(placeholders(en.getProperty(key, ""))).as(key).isEqualTo(placeholders(uk.getProperty(key)));
        }
    }

    @Test
    void ukrainianApostropheIsTheModifierLetter() throws IOException {
        Properties uk = load("messages.properties");
        for (String key : uk.stringPropertyNames()) {
            assertThat(uk.getProperty(key)).as(key).doesNotContain("'").doesNotContain("’");
        }
    }

    @Test
    void theBundlesAreReallyDifferent() {
        assertThat(Texts.of("en").get("main.menu")).isEqualTo("How can I help?");
        assertThat(Texts.of("uk").get("main.menu")).isEqualTo("Чим можу допомогти?");
    }

    static Set<String> placeholders(String text) {
        var out = new TreeSet<String>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }
}
