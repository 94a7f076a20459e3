package ua.zvernennia.viber;

import java.nio.charset.StandardCharsets;

/**
 * What to answer a Viber callback: an HTTP status and, for {@code conversation_started}, a JSON
 * body (the welcome message). Immutable.
 *
 * @param body UTF-8 JSON, or null for an empty body
 */
public record ViberResponse(int status, String body) {
    static final ViberResponse OK = new ViberResponse(200, null);
    static final ViberResponse BAD_REQUEST = new ViberResponse(400, null);
    static final ViberResponse FORBIDDEN = new ViberResponse(403, null);
    static final ViberResponse NOT_DONE = new ViberResponse(503, null);

    public static final String CONTENT_TYPE = "application/json; charset=utf-8";

    public boolean hasBody() {
        return body != null;
    }

    public byte[] bodyBytes() {
        return body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    }
}
