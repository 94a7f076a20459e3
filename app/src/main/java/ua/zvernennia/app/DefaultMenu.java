package ua.zvernennia.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ua.zvernennia.core.category.Category;
import ua.zvernennia.storage.CategoryFile;

/**
 * The menu that seeds an empty database: {@code CATEGORIES_FILE} when it exists, otherwise the
 * default menu the jar carries (the same {@code config/categories.yaml}), so the jar runs from any
 * folder.
 */
final class DefaultMenu {
    private static final Logger log = LoggerFactory.getLogger(DefaultMenu.class);
    static final String RESOURCE = "/categories.yaml";

    private DefaultMenu() {}

    static List<Category> read(Path file) {
        if (Files.isRegularFile(file)) {
            return CategoryFile.read(file);
        }
        log.info("no menu file at {}: the default menu in the jar seeds an empty database", file);
        return builtIn();
    }

    static List<Category> builtIn() {
        try (InputStream in = DefaultMenu.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the default menu " + RESOURCE + " is missing from the jar");
            }
            return CategoryFile.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
