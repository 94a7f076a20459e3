package ua.zvernennia.core.register;

import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import ua.zvernennia.core.category.Category;
import ua.zvernennia.core.engine.UnitOfWork;
import ua.zvernennia.core.refusal.Refusal;

/**
 * The bot's directions mapped to the classifier's topics: an appeal filed in the bot raises the
 * question its direction maps to. A direction's own mapping is in the database, or else in the
 * classifier file; an issue type without one takes its category's, and a category without one the
 * fallback topic. Thread-safe.
 */
public final class TopicMap {
    private final UnitOfWork work;
    private final RegisterStore store;
    private final Supplier<List<Category>> menu;
    private final Clock clock;
    private final Classifier classifier;
    private final Map<String, String> fileMapping;

    TopicMap(
            UnitOfWork work,
            RegisterStore store,
            Supplier<List<Category>> menu,
            Clock clock,
            Classifier classifier,
            Map<String, String> fileMapping) {
        this.work = work;
        this.store = store;
        this.menu = menu;
        this.clock = clock;
        this.classifier = classifier;
        this.fileMapping = fileMapping;
    }

    /**
     * Writes the classifier file's topic for every direction of the menu that has none in the
     * database yet, so that the bot's appeals get their first question when filed; admins' own
     * choices stay. Until it has run, the file's topics apply anyway (see {@link #byDirection()}),
     * so a database that cannot be written to (a full disk) loses nothing but that it is recorded.
     *
     * @return how many directions were written
     */
    public int seed() {
        Set<String> known = new HashSet<>();
        for (Category c : menu.get()) {
            known.add(c.id());
            c.issueTypes().forEach(t -> known.add(TopicMapping.direction(c.id(), t.id())));
        }
        if (known.stream().noneMatch(fileMapping::containsKey)) {
            return 0;
        }
        var have = store.mapping().stream().map(TopicMapping::direction).collect(Collectors.toSet());
        if (fileMapping.keySet().stream().filter(known::contains).allMatch(have::contains)) {
            return 0;
        }
        return work.run(s -> {
            var written =
                    s.register().mapping().stream().map(TopicMapping::direction).collect(Collectors.toSet());
            int n = 0;
            for (var e : fileMapping.entrySet()) {
                if (!written.contains(e.getKey()) && known.contains(e.getKey())) {
                    String[] parts = e.getKey().split("\\.", 2);
                    s.register()
                            .putMapping(parts[0], parts.length > 1 ? parts[1] : null, e.getValue(), clock.instant());
                    n++;
                }
            }
            return n;
        });
    }

    /** The directions mapped in the database. */
    public List<TopicMapping> mapping() {
        return store.mapping();
    }

    /**
     * Maps a direction to a topic; for an issue type a null topic removes its own mapping (the
     * file's topic for it, or else its category's, applies).
     */
    public TopicMapping put(String categoryId, String issueTypeId, String topic) {
        String id = categoryId == null ? "" : categoryId.strip();
        Category category = menu.get().stream()
                .filter(c -> c.id().equals(id))
                .findFirst()
                .orElseThrow(() -> Refusal.invalid("category", "category: no category '" + id + "'"));
        String type = issueTypeId == null || issueTypeId.isBlank() ? null : issueTypeId.strip();
        if (type != null && category.issueType(type).isEmpty()) {
            throw Refusal.invalid("issueType", "issueType: no issue type '" + type + "' in " + category.id());
        }
        String t = topic == null || topic.isBlank() ? null : topic.strip();
        if (t == null && type == null) {
            throw Refusal.invalid(
                    "topic", "topic: a category needs a topic; known: " + Classifier.codes(classifier.topics()));
        }
        if (t != null && classifier.topic(t).isEmpty()) {
            throw Refusal.invalid(
                    "topic",
                    "topic: '" + t + "' is not a topic of the classifier; known: "
                            + Classifier.codes(classifier.topics()));
        }
        work.run(s -> {
            s.register().putMapping(category.id(), type, t, clock.instant());
            return null;
        });
        return new TopicMapping(
                category.id(), type, t == null ? byDirection().get(TopicMapping.direction(category.id(), type)) : t);
    }

    /** The topic of every direction of the menu, by {@link TopicMapping#direction}. */
    public Map<String, String> byDirection() {
        List<TopicMapping> rows = store.mapping();
        var out = new LinkedHashMap<String, String>();
        for (Category c : menu.get()) {
            out.put(c.id(), topicOf(rows, c.id(), null));
            c.issueTypes().forEach(t -> out.put(TopicMapping.direction(c.id(), t.id()), topicOf(rows, c.id(), t.id())));
        }
        return out;
    }

    /** The topic of one direction given the database's mapping {@code rows}. */
    String topicOf(List<TopicMapping> rows, String categoryId, String issueTypeId) {
        Map<String, String> own = new HashMap<>();
        rows.forEach(m -> own.put(m.direction(), m.topic()));
        if (issueTypeId != null) {
            String direction = TopicMapping.direction(categoryId, issueTypeId);
            String topic = own.getOrDefault(direction, fileMapping.get(direction));
            if (topic != null) {
                return topic;
            }
        }
        return own.getOrDefault(categoryId, fileMapping.getOrDefault(categoryId, classifier.fallbackTopic()));
    }
}
