package ua.zvernennia.core.register;

import java.util.Objects;

/**
 * The topic of a bot direction: a whole category ({@code issueTypeId} null) or one of its issue
 * types.
 */
public record TopicMapping(String categoryId, String issueTypeId, String topic) {
    public TopicMapping {
        Objects.requireNonNull(categoryId, "categoryId");
        Objects.requireNonNull(topic, "topic");
    }

    /** The direction as the classifier file and the API name it: {@code lifts} or {@code lifts.stuck}. */
    public String direction() {
        return direction(categoryId, issueTypeId);
    }

    public static String direction(String categoryId, String issueTypeId) {
        return issueTypeId == null ? categoryId : categoryId + "." + issueTypeId;
    }
}
