package ua.zvernennia.app.register;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ua.zvernennia.core.register.Classifier;

/**
 * Reads the classifier file ({@code config/classifier.yaml}): the classifier and the default topic of
 * each bot direction. When the configured file does not exist, the copy the jar carries is read.
 */
public final class ClassifierFile {
    private static final Logger log = LoggerFactory.getLogger(ClassifierFile.class);
    static final String RESOURCE = "/classifier.yaml";
    private static final ObjectMapper YAML =
            new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** The classifier and the default mapping of directions ({@code category} or {@code category.issue-type}) to topics. */
    public record Loaded(Classifier classifier, Map<String, String> mapping) {}

    record Item(String code, String name, Boolean collective, Boolean repeated) {
        Classifier.Entry entry() {
            String flag = Boolean.TRUE.equals(collective)
                    ? Classifier.COLLECTIVE
                    : Boolean.TRUE.equals(repeated) ? Classifier.REPEATED : null;
            return new Classifier.Entry(code, name, flag);
        }
    }

    record Group(String id, String name, List<String> topics) {}

    record Document(
            List<Item> types,
            List<Item> forms,
            List<Item> signs,
            @JsonProperty("citizen-categories") List<Item> citizenCategories,
            List<Item> topics,
            @JsonProperty("fallback-topic") String fallbackTopic,
            @JsonProperty("topic-groups") List<Group> topicGroups,
            List<Item> outcomes,
            Map<String, String> mapping) {}

    private ClassifierFile() {}

    public static Loaded read(Path file) {
        try {
            if (Files.isRegularFile(file)) {
                return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
            }
            log.info("no classifier file at {}: the jar's own copy is used", file);
            try (InputStream in = ClassifierFile.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("the default classifier " + RESOURCE + " is missing from the jar");
                }
                return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "the jar's " + RESOURCE);
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("the classifier file " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    static Loaded parse(String yaml, String where) {
        try {
            Document d = YAML.readValue(yaml, Document.class);
            var groups = d.topicGroups() == null
                    ? List.<Classifier.TopicGroup>of()
                    : d.topicGroups().stream()
                            .map(g -> new Classifier.TopicGroup(
                                    g.id(), g.name(), g.topics() == null ? List.of() : g.topics()))
                            .toList();
            Classifier c = new Classifier(
                    entries(d.types()),
                    entries(d.forms()),
                    entries(d.signs()),
                    entries(d.citizenCategories()),
                    entries(d.topics()),
                    groups,
                    entries(d.outcomes()),
                    d.fallbackTopic());
            var mapping = new LinkedHashMap<String, String>();
            if (d.mapping() != null) {
                d.mapping().forEach((direction, topic) -> {
                    if (c.topic(topic).isEmpty()) {
                        throw new IllegalArgumentException(
                                "mapping: " + direction + " names an unknown topic " + topic);
                    }
                    mapping.put(direction, topic);
                });
            }
            return new Loaded(c, mapping);
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("the classifier (" + where + ") is not valid: " + e.getMessage(), e);
        }
    }

    private static List<Classifier.Entry> entries(List<Item> items) {
        return items == null ? List.of() : items.stream().map(Item::entry).toList();
    }
}
