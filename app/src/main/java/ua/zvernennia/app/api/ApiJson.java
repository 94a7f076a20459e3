package ua.zvernennia.app.api;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import ua.zvernennia.core.refusal.Refusal;

/**
 * The API's JSON: strict on input (unknown fields, wrong types and nulls for numbers are
 * refused with a 400 that says what is wrong), ISO-8601 times on output. Thread-safe.
 */
public final class ApiJson {
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .disable(com.fasterxml.jackson.databind.MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .build();

    private ApiJson() {}

    /**
     * Reads request bodies: exactly one JSON value (anything after it is refused), no key twice in
     * an object, and only well-formed UTF-8.
     */
    private static final ObjectReader STRICT = MAPPER.reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    /**
     * The request body as {@code type}, or a 400 naming the problem: not one JSON value, a key
     * given twice, bytes that are not UTF-8 or a string that is not Unicode text (a lone surrogate
     * such as {@code \ud800}), an unknown field, a wrong type.
     */
    public static <T> T body(Context ctx, Class<T> type) {
        byte[] body = ctx.bodyAsBytes();
        if (body.length == 0 || new String(body, StandardCharsets.UTF_8).isBlank()) {
            throw Refusal.invalid("the request body is empty; a JSON object is expected");
        }
        try {
            JsonNode tree = STRICT.readTree(body);
            if (tree == null || tree.isMissingNode()) {
                throw Refusal.invalid("the request body is empty; a JSON object is expected");
            }
            String bad = invalidText(tree, "");
            if (bad != null) {
                throw Refusal.invalid("invalid Unicode in " + bad + ": a lone surrogate is not text");
            }
            T value = MAPPER.treeToValue(tree, type);
            if (value == null) {
                throw Refusal.invalid("a JSON object is expected");
            }
            return value;
        } catch (JsonParseException e) {
            String where = e.getLocation() == null
                    ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr() + ")";
            String message = e.getOriginalMessage();
            if (message != null && message.startsWith("Duplicate field")) {
                throw Refusal.invalid("invalid JSON: a key given twice: " + message + where);
            }
            if (message != null && message.contains("UTF-8")) {
                throw Refusal.invalid("invalid JSON: the body is not valid UTF-8" + where);
            }
            throw Refusal.invalid("invalid JSON: " + message + where);
        } catch (UnrecognizedPropertyException e) {
            throw Refusal.invalid(
                    e.getPropertyName(),
                    "unknown field '" + e.getPropertyName() + "'; known fields: " + e.getKnownPropertyIds());
        } catch (MismatchedInputException e) {
            throw mismatched(e);
        } catch (JsonProcessingException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IllegalArgumentException iae) {
                // A request record refusing itself in its constructor: the client's value does not fit.
                throw Refusal.invalid(iae.getMessage() == null ? "a value does not fit" : iae.getMessage());
            }
            String where = e.getLocation() == null
                    ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr() + ")";
            throw Refusal.invalid("invalid JSON: " + e.getOriginalMessage() + where);
        } catch (java.io.IOException e) {
            throw Refusal.invalid("invalid JSON: the body could not be read");
        }
    }

    /**
     * A value of the wrong kind, refused naming the field and what fits it: Jackson's own message
     * names the Java type it wanted, which says nothing to the caller. A body that is not an
     * object at all stays invalid JSON.
     */
    private static Refusal mismatched(MismatchedInputException e) {
        if (e.getCause() instanceof IllegalArgumentException iae && iae.getMessage() != null) {
            // A request record refusing itself in its constructor.
            return Refusal.invalid(iae.getMessage());
        }
        if (e.getPath().isEmpty()) {
            String where = e.getLocation() == null
                    ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr() + ")";
            return Refusal.invalid("invalid JSON: a JSON object is expected" + where);
        }
        StringBuilder path = new StringBuilder();
        for (var ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        String field = path.toString();
        Class<?> wanted = e.getTargetType();
        String what = wanted == null
                ? "a value of another kind"
                : wanted.isEnum()
                        ? "one of " + java.util.Arrays.toString(wanted.getEnumConstants())
                        : Number.class.isAssignableFrom(wanted) || (wanted.isPrimitive() && wanted != boolean.class)
                                ? "a number"
                                : wanted == Boolean.class || wanted == boolean.class
                                        ? "true or false"
                                        : java.util.Collection.class.isAssignableFrom(wanted) || wanted.isArray()
                                                ? "a list"
                                                : wanted == String.class ? "a string" : "an object";
        if (e instanceof InvalidFormatException bad && bad.getValue() != null) {
            return Refusal.invalid(field, "'" + field + "': '" + bad.getValue() + "' is not " + what);
        }
        return Refusal.invalid(field, "'" + field + "': " + what + " expected");
    }

    /** Where in {@code node} a key or string holds a lone surrogate, or null when all is text. */
    static String invalidText(JsonNode node, String path) {
        if (node.isTextual()) {
            return wellFormed(node.textValue()) ? null : (path.isEmpty() ? "the body" : "'" + path + "'");
        }
        if (node.isObject()) {
            for (var it = node.fields(); it.hasNext(); ) {
                var field = it.next();
                String at = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                if (!wellFormed(field.getKey())) {
                    return "a key";
                }
                String bad = invalidText(field.getValue(), at);
                if (bad != null) {
                    return bad;
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String bad = invalidText(node.get(i), path + "[" + i + "]");
                if (bad != null) {
                    return bad;
                }
            }
        }
        return null;
    }

    /** True when every surrogate in {@code s} is half of a pair. */
    static boolean wellFormed(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
