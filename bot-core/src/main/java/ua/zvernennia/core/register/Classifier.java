package ua.zvernennia.core.register;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The classifier of citizens' appeals as the city applies it: the lists of types, forms, signs,
 * citizen categories and topics of the Cabinet of Ministers' classifier, the outcomes of closed
 * appeals, and the groups the council's report sums topics into. Immutable, thread-safe.
 *
 * @param fallbackTopic the topic of an appeal whose direction has no topic mapped
 */
public record Classifier(
        List<Entry> types,
        List<Entry> forms,
        List<Entry> signs,
        List<Entry> citizenCategories,
        List<Entry> topics,
        List<TopicGroup> topicGroups,
        List<Entry> outcomes,
        String fallbackTopic) {

    /**
     * One item of a list.
     *
     * @param flag what the item means to the register: {@code collective} (a form whose appeals
     *             carry signatories), {@code repeated} (a sign that needs the earlier appeal), or null
     */
    public record Entry(String code, String name, String flag) {
        public Entry {
            if (code == null || !code.matches("[0-9A-Za-z.\\-]{1,16}")) {
                throw new IllegalArgumentException(
                        "a classifier code must be 1..16 letters, digits, dots or hyphens: '" + code + "'");
            }
            if (name == null || name.isBlank() || name.length() > 200) {
                throw new IllegalArgumentException("the name of " + code + " must be 1..200 characters");
            }
        }
    }

    /** Topics that the report sums into one subtotal. */
    public record TopicGroup(String id, String name, List<String> topics) {
        public TopicGroup {
            Objects.requireNonNull(id, "id");
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("the topic group " + id + " needs a name");
            }
            topics = List.copyOf(topics);
        }
    }

    public static final String COLLECTIVE = "collective";
    public static final String REPEATED = "repeated";

    public Classifier {
        types = checked("types", types);
        forms = checked("forms", forms);
        signs = checked("signs", signs);
        citizenCategories = checked("citizen-categories", citizenCategories);
        topics = checked("topics", topics);
        outcomes = checked("outcomes", outcomes);
        topicGroups = List.copyOf(topicGroups);
        var known = topics.stream().map(Entry::code).collect(Collectors.toSet());
        var grouped = new java.util.HashSet<String>();
        for (TopicGroup g : topicGroups) {
            for (String t : g.topics()) {
                if (!known.contains(t)) {
                    throw new IllegalArgumentException("topic group " + g.id() + " names an unknown topic " + t);
                }
                if (!grouped.add(t)) {
                    throw new IllegalArgumentException("topic " + t + " is in two groups");
                }
            }
        }
        if (!known.contains(fallbackTopic)) {
            throw new IllegalArgumentException("the fallback topic " + fallbackTopic + " is not among the topics");
        }
    }

    private static List<Entry> checked(String list, List<Entry> entries) {
        if (entries == null || entries.isEmpty()) {
            throw new IllegalArgumentException("the classifier's list " + list + " is empty");
        }
        var seen = new java.util.HashSet<String>();
        for (Entry e : entries) {
            if (!seen.add(e.code())) {
                throw new IllegalArgumentException("code " + e.code() + " is twice in " + list);
            }
        }
        return List.copyOf(entries);
    }

    public Optional<Entry> type(String code) {
        return find(types, code);
    }

    public Optional<Entry> form(String code) {
        return find(forms, code);
    }

    public Optional<Entry> sign(String code) {
        return find(signs, code);
    }

    public Optional<Entry> citizenCategory(String code) {
        return find(citizenCategories, code);
    }

    public Optional<Entry> topic(String code) {
        return find(topics, code);
    }

    public Optional<Entry> outcome(String code) {
        return find(outcomes, code);
    }

    /** The group of a topic, if it is in one. */
    public Optional<TopicGroup> groupOf(String topic) {
        return topicGroups.stream().filter(g -> g.topics().contains(topic)).findFirst();
    }

    /** Codes of a list, for messages that name what is allowed. */
    public static List<String> codes(List<Entry> list) {
        return list.stream().map(Entry::code).toList();
    }

    /** The names of a list by code, in the list's order. */
    public static Map<String, String> names(List<Entry> list) {
        return list.stream().collect(Collectors.toMap(Entry::code, Entry::name, (a, b) -> a, LinkedHashMap::new));
    }

    private static Optional<Entry> find(List<Entry> list, String code) {
        if (code == null) {
            return Optional.empty();
        }
        String c = code.strip();
        return list.stream().filter(e -> e.code().equals(c)).findFirst();
    }

    /** Every problem of a classification against this classifier, each naming its field; empty when it fits. */
    public List<String> problems(Classification c) {
        var out = new ArrayList<String>();
        check(out, "type", c.type(), this::type, types);
        check(out, "form", c.form(), this::form, forms);
        check(out, "sign", c.sign(), this::sign, signs);
        check(out, "outcome", c.outcome(), this::outcome, outcomes);
        for (String q : c.questions()) {
            check(out, "questions[].topic", q, this::topic, topics);
        }
        for (String k : c.citizenCategories()) {
            check(out, "citizenCategories", k, this::citizenCategory, citizenCategories);
        }
        boolean collective = c.form() != null
                && form(c.form()).map(e -> COLLECTIVE.equals(e.flag())).orElse(false);
        if (collective && c.signatories() == null) {
            out.add("signatories: a collective appeal needs the number of its signatories (2 or more)");
        }
        if (!collective && c.signatories() != null && c.form() != null) {
            out.add("signatories: only a collective appeal (form "
                    + forms.stream()
                            .filter(e -> COLLECTIVE.equals(e.flag()))
                            .map(Entry::code)
                            .toList() + ") has signatories");
        }
        boolean repeated = c.sign() != null
                && sign(c.sign()).map(e -> REPEATED.equals(e.flag())).orElse(false);
        if (repeated && c.earlier() == null) {
            out.add("earlierNumber: a repeated appeal needs the number of the earlier one (such as 2025-000123)");
        }
        return out;
    }

    private static void check(
            List<String> out, String field, String code, Function<String, Optional<Entry>> find, List<Entry> list) {
        if (code != null && find.apply(code).isEmpty()) {
            out.add(field + ": '" + code + "' is not a code of the classifier; known: " + codes(list));
        }
    }
}
