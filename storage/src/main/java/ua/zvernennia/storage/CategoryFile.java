package ua.zvernennia.storage;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import ua.zvernennia.core.category.Category;
import ua.zvernennia.core.category.CategoryMenu;
import ua.zvernennia.core.category.DeadlineClass;
import ua.zvernennia.core.category.IssueType;

/**
 * The category menu as a YAML file ({@code config/categories.yaml}): it seeds an empty database,
 * and export/import use the same form so that a city can edit the menu offline. Thread-safe.
 */
public final class CategoryFile {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
                    .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                    .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES))
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    /** The file's shape. Order in the list is the order in the menu. */
    public record Menu(List<Entry> categories) {}

    /**
     * A category. {@code executorId} refers to an executor record and wins over {@code executor}
     * (its name, written beside it for people to read); a file with the name alone (as files were
     * before executors were records) refers to the executor of that name.
     */
    public record Entry(
            String id,
            String name,
            String nameEn,
            String emoji,
            DeadlineClass deadline,
            String executor,
            Long executorId,
            Boolean active,
            List<TypeEntry> issueTypes) {}

    /** An issue type; {@code executorId} (optional) sends its appeals to another executor than the category's. */
    public record TypeEntry(
            String id, String name, String nameEn, DeadlineClass deadline, Long executorId, Boolean active) {}

    private CategoryFile() {}

    public static List<Category> read(Path file) {
        try {
            return parse(Files.readString(file));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads and validates a whole menu.
     *
     * @throws IllegalArgumentException saying what is wrong, when anything is
     */
    public static List<Category> parse(String yaml) {
        Menu menu;
        try {
            menu = YAML.readValue(yaml, Menu.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "not a valid category file: " + e.getOriginalMessage()
                            + (e.getLocation() == null
                                    ? ""
                                    : " (line " + e.getLocation().getLineNr() + ")"),
                    e);
        }
        if (menu == null || menu.categories() == null || menu.categories().isEmpty()) {
            throw new IllegalArgumentException("the file has no categories");
        }
        List<Category> out = new ArrayList<>();
        int position = 1;
        for (Entry e : menu.categories()) {
            if (e.deadline() == null) {
                throw new IllegalArgumentException("category '" + e.id() + "' has no deadline class");
            }
            List<IssueType> types = new ArrayList<>();
            int typePosition = 1;
            for (TypeEntry t : e.issueTypes() == null ? List.<TypeEntry>of() : e.issueTypes()) {
                types.add(new IssueType(
                        t.id(),
                        t.name(),
                        t.nameEn(),
                        t.deadline(),
                        t.executorId(),
                        typePosition++,
                        t.active() == null || t.active()));
            }
            out.add(new Category(
                    e.id(),
                    e.name(),
                    e.nameEn(),
                    e.emoji(),
                    e.deadline(),
                    e.executor(),
                    e.executorId(),
                    position++,
                    e.active() == null || e.active(),
                    types));
        }
        List<String> problems = CategoryMenu.problems(out);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        return out;
    }

    public static String write(List<Category> categories) {
        List<Entry> entries = categories.stream()
                .map(c -> new Entry(
                        c.id(),
                        c.nameUk(),
                        c.nameEn(),
                        c.emoji(),
                        c.deadlineClass(),
                        c.executor(),
                        c.executorId(),
                        c.active() ? null : Boolean.FALSE,
                        c.issueTypes().isEmpty()
                                ? null
                                : c.issueTypes().stream()
                                        .map(t -> new TypeEntry(
                                                t.id(),
                                                t.nameUk(),
                                                t.nameEn(),
                                                t.deadlineClass(),
                                                t.executorId(),
                                                t.active() ? null : Boolean.FALSE))
                                        .toList()))
                .toList();
        try {
            return YAML.writeValueAsString(new Menu(entries));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the category file", e);
        }
    }
}
