package ua.zvernennia.app.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The OpenAPI document of the whole API, assembled from one YAML fragment per feature under
 * {@code /openapi/} on the classpath: each fragment adds its paths and schemas.
 */
public final class OpenApiDocument {
    /** One fragment per feature of the API, in the order they appear in the document. */
    public static final List<String> FRAGMENTS = List.of(
            "base",
            "tokens",
            "appeals",
            "categories",
            "stats",
            "health",
            "operations",
            "privacy",
            "open311",
            "executors",
            "register",
            "openmap");

    private OpenApiDocument() {}

    /** The document the server serves, from the fragments on the classpath. */
    public static String json() {
        return assemble(name -> {
            try (InputStream in = OpenApiDocument.class.getResourceAsStream("/openapi/" + name + ".yaml")) {
                if (in == null) {
                    throw new IllegalStateException("missing OpenAPI fragment " + name);
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The document assembled from {@code fragment} (name to YAML text) of each of {@link #FRAGMENTS}. */
    public static String assemble(Function<String, String> fragment) {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        ObjectNode doc = null;
        for (String name : FRAGMENTS) {
            try {
                ObjectNode part = (ObjectNode) yaml.readTree(fragment.apply(name));
                if (doc == null) {
                    doc = part;
                } else {
                    merge(doc, part);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        try {
            return ApiJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void merge(ObjectNode into, ObjectNode from) {
        for (Iterator<Map.Entry<String, JsonNode>> it = from.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode existing = into.get(e.getKey());
            if (existing instanceof ObjectNode o && e.getValue() instanceof ObjectNode n) {
                merge(o, n);
            } else {
                into.set(e.getKey(), e.getValue());
            }
        }
    }
}
