package ua.zvernennia.app.open311;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ua.zvernennia.app.api.ApiJson;

/**
 * The two formats of GeoReport v2, chosen by the resource's extension ({@code services.json},
 * {@code services.xml}). An answer is a tree of ordered maps and lists: JSON writes it as it is;
 * XML wraps it in the root element and names each list's items by the specification's singular
 * ({@code <services><service>}, {@code <service_requests><request>}, {@code <errors><error>}).
 */
enum Format {
    JSON("json", "application/json; charset=utf-8"),
    XML("xml", "text/xml; charset=utf-8");

    /** The item element of each list, by the list's element name. */
    private static final Map<String, String> ITEMS = Map.of(
            "services", "service",
            "service_requests", "request",
            "errors", "error",
            "attributes", "attribute",
            "values", "value",
            "endpoints", "endpoint",
            "formats", "format");

    private static final ObjectMapper JSON_WRITER = ApiJson.MAPPER;

    final String extension;
    final String contentType;

    Format(String extension, String contentType) {
        this.extension = extension;
        this.contentType = contentType;
    }

    /** The format named by the end of {@code file} ({@code water.json}), if any. */
    static Optional<Format> of(String file) {
        for (Format f : values()) {
            if (file.endsWith("." + f.extension)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** {@code file} without its format's extension. */
    String strip(String file) {
        return file.substring(0, file.length() - extension.length() - 1);
    }

    /**
     * Writes {@code body}: a list (under the root element {@code root}) or a map (the root
     * element's children).
     */
    String write(String root, Object body) {
        if (this == JSON) {
            try {
                return JSON_WRITER.writeValueAsString(body);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        var out = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
        element(out, root, body);
        return out.append('\n').toString();
    }

    private static void element(StringBuilder out, String name, Object value) {
        if (value == null) {
            out.append('<').append(name).append("/>");
            return;
        }
        out.append('<').append(name).append('>');
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> element(out, (String) k, v));
        } else if (value instanceof List<?> list) {
            String item = ITEMS.get(name);
            if (item == null) {
                throw new IllegalArgumentException("no item element for the list " + name);
            }
            for (Object v : list) {
                element(out, item, v);
            }
        } else {
            escape(out, String.valueOf(value));
        }
        out.append("</").append(name).append('>');
    }

    private static void escape(StringBuilder out, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> {
                    // Characters XML 1.0 cannot carry at all are dropped rather than break the document.
                    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
                        out.append(c);
                    }
                }
            }
        }
    }
}
