package ua.zvernennia.storage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import ua.zvernennia.core.appeal.AppealNumber;
import ua.zvernennia.core.register.Classification;
import ua.zvernennia.core.register.IntakeChannel;
import ua.zvernennia.core.register.RegisterCounts;

/**
 * The register's rows: an appeal's channel code, registration time and classification, its
 * questions and its author's categories; the channels; the mapping of the bot's directions to
 * topics; the narratives of reports; and the counts of a period. Bound to one handle; not
 * thread-safe.
 */
public final class RegisterRows {
    private final Handle handle;

    RegisterRows(Handle handle) {
        this.handle = handle;
    }

    /** What the register holds of one appeal besides what {@code Appeal} carries. */
    public record Entry(String channelCode, Instant registeredAt, Classification classification) {
    }

    /** The topic of a bot direction: a category ({@code issueTypeId} null) or one of its issue types. */
    public record Mapping(String categoryId, String issueTypeId, String topic) {
    }

    /** The narrative part of a report for a period. */
    public record Narrative(String period, String body, Instant updatedAt, String updatedBy) {
    }

    /**
     * Writes the first question of a new appeal: the topic mapped to its issue type, or else to
     * its category; none when neither is mapped (the report then counts its direction's topic).
     */
    static void firstQuestion(Handle handle, String num, String categoryId, String issueTypeId) {
        handle.createQuery("SELECT topic_code FROM topic_mapping WHERE category_id = :category AND issue_type_id IN ('', :type) "
                        + "ORDER BY issue_type_id DESC")
                .bind("category", categoryId)
                .bind("type", issueTypeId == null ? "" : issueTypeId)
                .mapTo(String.class)
                .findFirst()
                .ifPresent(topic -> handle.createUpdate("INSERT INTO appeal_question (appeal_num, idx, topic_code) VALUES (:num, 0, :topic)")
                        .bind("num", num).bind("topic", topic).execute());
    }

    // ---- one appeal --------------------------------------------------------------------------------

    public Optional<Entry> find(AppealNumber number) {
        String num = number.toString();
        List<String> questions = handle.createQuery("SELECT topic_code FROM appeal_question WHERE appeal_num = :num ORDER BY idx")
                .bind("num", num).mapTo(String.class).list();
        List<String> categories = handle.createQuery("SELECT code FROM appeal_citizen_category WHERE appeal_num = :num ORDER BY code")
                .bind("num", num).mapTo(String.class).list();
        return handle.createQuery("SELECT channel, channel_code, registered_at, created_at, appeal_type, appeal_form, signatories, "
                        + "appeal_sign, earlier_num, outcome FROM appeal WHERE num = :num")
                .bind("num", num)
                .map((rs, ctx) -> {
                    int signatories = rs.getInt("signatories");
                    Integer s = rs.wasNull() ? null : signatories;
                    long registered = rs.getLong("registered_at");
                    Instant registeredAt = rs.wasNull() ? Instant.ofEpochMilli(rs.getLong("created_at")) : Instant.ofEpochMilli(registered);
                    String code = rs.getString("channel_code");
                    String earlier = rs.getString("earlier_num");
                    return new Entry(code == null ? rs.getString("channel") : code, registeredAt, new Classification(
                            rs.getString("appeal_type"), rs.getString("appeal_form"), s, rs.getString("appeal_sign"),
                            earlier == null ? null : AppealNumber.parse(earlier).orElse(null), categories, questions,
                            rs.getString("outcome")));
                })
                .findOne();
    }

    /** Replaces the appeal's classification, questions and author's categories with {@code c}. */
    public void save(AppealNumber number, Classification c) {
        String num = number.toString();
        int changed = handle.createUpdate("UPDATE appeal SET appeal_type = :type, appeal_form = :form, signatories = :signatories, "
                        + "appeal_sign = :sign, earlier_num = :earlier, outcome = :outcome WHERE num = :num")
                .bind("type", c.type()).bind("form", c.form()).bind("signatories", c.signatories()).bind("sign", c.sign())
                .bind("earlier", c.earlier() == null ? null : c.earlier().toString()).bind("outcome", c.outcome()).bind("num", num)
                .execute();
        if (changed != 1) {
            throw new IllegalStateException("no appeal " + num);
        }
        handle.createUpdate("DELETE FROM appeal_question WHERE appeal_num = :num").bind("num", num).execute();
        for (int i = 0; i < c.questions().size(); i++) {
            handle.createUpdate("INSERT INTO appeal_question (appeal_num, idx, topic_code) VALUES (:num, :idx, :topic)")
                    .bind("num", num).bind("idx", i).bind("topic", c.questions().get(i)).execute();
        }
        handle.createUpdate("DELETE FROM appeal_citizen_category WHERE appeal_num = :num").bind("num", num).execute();
        for (String code : c.citizenCategories()) {
            handle.createUpdate("INSERT INTO appeal_citizen_category (appeal_num, code) VALUES (:num, :code)")
                    .bind("num", num).bind("code", code).execute();
        }
    }

    /** Records the register's channel of a new appeal and when it was typed in. */
    public void registered(AppealNumber number, String channelCode, Instant registeredAt) {
        handle.createUpdate("UPDATE appeal SET channel_code = :code, registered_at = :at WHERE num = :num")
                .bind("code", channelCode).bind("at", registeredAt.toEpochMilli()).bind("num", number.toString()).execute();
    }

    /** Whether an appeal of this number exists. */
    public boolean exists(AppealNumber number) {
        return handle.createQuery("SELECT COUNT(*) FROM appeal WHERE num = :num").bind("num", number.toString())
                .mapTo(Integer.class).one() > 0;
    }

    // ---- channels ------------------------------------------------------------------------------------

    /** The channels a new database starts with: the app's own, and three a city may deactivate. */
    static final List<IntakeChannel> DEFAULT_CHANNELS = List.of(
            new IntakeChannel("GOV_HOTLINE", "Урядова гаряча лінія", "Гарячі лінії", false, true, true, 10),
            new IntakeChannel("REGIONAL_HOTLINE", "Гаряча лінія голови облдержадміністрації", "Гарячі лінії", false, false, true, 20),
            new IntakeChannel("HOTLINE", "Гаряча лінія міста", "Гарячі лінії", false, true, true, 30),
            new IntakeChannel("PHONE", "Телефоном", null, false, true, true, 40),
            new IntakeChannel("MAIL", "Листом поштою", "Письмові звернення", false, false, true, 50),
            new IntakeChannel("FORWARDED", "Від інших органів, установ, організацій", "Письмові звернення", false, false, true, 60),
            new IntakeChannel("IN_PERSON", "На особистому прийомі", null, false, true, true, 70),
            new IntakeChannel("EMAIL", "Електронною поштою", "Електронні звернення", false, true, true, 80),
            new IntakeChannel("WEB", "Вебсайт і застосунки", "Електронні звернення", false, true, true, 90),
            new IntakeChannel("TELEGRAM", "Telegram", "Електронні звернення", true, true, true, 100),
            new IntakeChannel("VIBER", "Viber", "Електронні звернення", true, true, true, 110),
            new IntakeChannel("CONSOLE", "Демо в терміналі", null, true, true, false, 120));

    /** Writes {@link #DEFAULT_CHANNELS} into an empty channel table; returns how many. */
    int seedChannels(Instant at) {
        if (handle.createQuery("SELECT COUNT(*) FROM intake_channel").mapTo(Integer.class).one() > 0) {
            return 0;
        }
        DEFAULT_CHANNELS.forEach(c -> addChannel(c, at));
        return DEFAULT_CHANNELS.size();
    }

    public List<IntakeChannel> channels() {
        return handle.createQuery("SELECT * FROM intake_channel ORDER BY sort_order, code")
                .map((rs, ctx) -> new IntakeChannel(rs.getString("code"), rs.getString("name_uk"), rs.getString("report_group"),
                        rs.getBoolean("messenger"), rs.getBoolean("built_in"), rs.getBoolean("active"), rs.getInt("sort_order")))
                .list();
    }

    public void addChannel(IntakeChannel c, Instant at) {
        handle.createUpdate("INSERT INTO intake_channel (code, name_uk, report_group, messenger, built_in, active, sort_order, updated_at) "
                        + "VALUES (:code, :name, :group, :messenger, :builtIn, :active, :position, :at)")
                .bind("code", c.code()).bind("name", c.nameUk()).bind("group", c.reportGroup()).bind("messenger", c.messenger())
                .bind("builtIn", c.builtIn()).bind("active", c.active()).bind("position", c.position()).bind("at", at.toEpochMilli())
                .execute();
    }

    public void updateChannel(IntakeChannel c, Instant at) {
        handle.createUpdate("UPDATE intake_channel SET name_uk = :name, report_group = :group, active = :active, sort_order = :position, "
                        + "updated_at = :at WHERE code = :code")
                .bind("code", c.code()).bind("name", c.nameUk()).bind("group", c.reportGroup()).bind("active", c.active())
                .bind("position", c.position()).bind("at", at.toEpochMilli())
                .execute();
    }

    // ---- mapping -------------------------------------------------------------------------------------

    public List<Mapping> mapping() {
        return handle.createQuery("SELECT category_id, issue_type_id, topic_code FROM topic_mapping ORDER BY category_id, issue_type_id")
                .map((rs, ctx) -> new Mapping(rs.getString("category_id"),
                        rs.getString("issue_type_id").isEmpty() ? null : rs.getString("issue_type_id"), rs.getString("topic_code")))
                .list();
    }

    /** Maps a category ({@code issueTypeId} null) or an issue type to a topic; a null topic removes an issue type's own mapping. */
    public void putMapping(String categoryId, String issueTypeId, String topic, Instant at) {
        String type = issueTypeId == null ? "" : issueTypeId;
        handle.createUpdate("DELETE FROM topic_mapping WHERE category_id = :category AND issue_type_id = :type")
                .bind("category", categoryId).bind("type", type).execute();
        if (topic != null) {
            handle.createUpdate("INSERT INTO topic_mapping (category_id, issue_type_id, topic_code, updated_at) VALUES (:category, :type, :topic, :at)")
                    .bind("category", categoryId).bind("type", type).bind("topic", topic).bind("at", at.toEpochMilli()).execute();
        }
    }

    // ---- narratives ------------------------------------------------------------------------------------

    public Optional<Narrative> narrative(String period) {
        return handle.createQuery("SELECT * FROM report_narrative WHERE period = :period")
                .bind("period", period)
                .map((rs, ctx) -> new Narrative(rs.getString("period"), rs.getString("body"), Instant.ofEpochMilli(rs.getLong("updated_at")),
                        rs.getString("updated_by")))
                .findOne();
    }

    /** Writes the narrative of a period; an empty body removes it. */
    public void putNarrative(String period, String body, String actor, Instant at) {
        handle.createUpdate("DELETE FROM report_narrative WHERE period = :period").bind("period", period).execute();
        if (body != null && !body.isBlank()) {
            handle.createUpdate("INSERT INTO report_narrative (period, body, updated_at, updated_by) VALUES (:period, :body, :at, :by)")
                    .bind("period", period).bind("body", body).bind("at", at.toEpochMilli()).bind("by", actor).execute();
        }
    }

    // ---- counts ----------------------------------------------------------------------------------------

    private static final String RANGE = "a.created_at >= :from AND a.created_at < :until";

    /**
     * The register's counts over the appeals received in {@code [from, until)}, as of {@code asOf}.
     * An appeal without questions counts one question of its direction's mapped topic, or of
     * {@code fallbackTopic}.
     */
    public RegisterCounts counts(Instant from, Instant until, Instant asOf, String fallbackTopic) {
        // Appeals written beside the stores (the generate command) have no channel code: their channel is it.
        Map<String, Long> byChannel = grouped("SELECT COALESCE(a.channel_code, a.channel) AS k, COUNT(*) AS n FROM appeal a WHERE " + RANGE
                + " GROUP BY COALESCE(a.channel_code, a.channel)", from, until);
        long appeals = byChannel.values().stream().mapToLong(Long::longValue).sum();
        Map<String, Long> topics = new HashMap<>(grouped("SELECT q.topic_code AS k, COUNT(*) AS n FROM appeal_question q "
                + "JOIN appeal a ON a.num = q.appeal_num WHERE " + RANGE + " GROUP BY q.topic_code", from, until));
        var mapped = new HashMap<String, String>();
        for (Mapping m : mapping()) {
            mapped.put(m.categoryId() + "\n" + (m.issueTypeId() == null ? "" : m.issueTypeId()), m.topic());
        }
        handle.createQuery("SELECT a.category_id, a.issue_type_id, COUNT(*) AS n FROM appeal a WHERE " + RANGE
                        + " AND NOT EXISTS (SELECT 1 FROM appeal_question q WHERE q.appeal_num = a.num) GROUP BY a.category_id, a.issue_type_id")
                .bind("from", from.toEpochMilli()).bind("until", until.toEpochMilli())
                .map((rs, ctx) -> {
                    String category = rs.getString("category_id");
                    String type = rs.getString("issue_type_id");
                    String topic = mapped.getOrDefault(category + "\n" + (type == null ? "" : type),
                            mapped.getOrDefault(category + "\n", fallbackTopic));
                    return Map.entry(topic, rs.getLong("n"));
                })
                .forEach(e -> topics.merge(e.getKey(), e.getValue(), Long::sum));
        Map<String, Long> types = grouped("SELECT a.appeal_type AS k, COUNT(*) AS n FROM appeal a WHERE " + RANGE + " GROUP BY a.appeal_type", from, until);
        Map<String, Long> forms = grouped("SELECT a.appeal_form AS k, COUNT(*) AS n FROM appeal a WHERE " + RANGE + " GROUP BY a.appeal_form", from, until);
        Map<String, Long> signs = grouped("SELECT a.appeal_sign AS k, COUNT(*) AS n FROM appeal a WHERE " + RANGE + " GROUP BY a.appeal_sign", from, until);
        Map<String, Long> outcomes = grouped("SELECT a.outcome AS k, COUNT(*) AS n FROM appeal a WHERE " + RANGE
                + " AND a.closed_at IS NOT NULL GROUP BY a.outcome", from, until);
        Map<String, Long> categories = grouped("SELECT c.code AS k, COUNT(*) AS n FROM appeal_citizen_category c "
                + "JOIN appeal a ON a.num = c.appeal_num WHERE " + RANGE + " GROUP BY c.code", from, until);
        long[] terms = handle.createQuery("SELECT COALESCE(SUM(a.signatories), 0) AS signatories, "
                        + "SUM(CASE WHEN a.closed_at IS NOT NULL THEN 1 ELSE 0 END) AS closed, "
                        + "SUM(CASE WHEN a.closed_at IS NOT NULL AND a.closed_at <= a.legal_deadline_at THEN 1 ELSE 0 END) AS on_time, "
                        + "SUM(CASE WHEN a.closed_at IS NOT NULL AND a.closed_at > a.legal_deadline_at THEN 1 ELSE 0 END) AS late, "
                        + "SUM(CASE WHEN a.closed_at IS NULL AND a.legal_deadline_at < :asOf THEN 1 ELSE 0 END) AS open_overdue, "
                        + "SUM(CASE WHEN a.closed_at IS NULL AND a.legal_deadline_at >= :asOf THEN 1 ELSE 0 END) AS open_in_time "
                        + "FROM appeal a WHERE " + RANGE)
                .bind("from", from.toEpochMilli()).bind("until", until.toEpochMilli()).bind("asOf", asOf.toEpochMilli())
                .map((rs, ctx) -> new long[] {rs.getLong("signatories"), rs.getLong("closed"), rs.getLong("on_time"), rs.getLong("late"),
                        rs.getLong("open_overdue"), rs.getLong("open_in_time")})
                .one();
        return new RegisterCounts(appeals, byChannel, topics, types, forms, terms[0], signs, categories, outcomes, terms[1], terms[2],
                terms[3], terms[4], terms[5]);
    }

    private Map<String, Long> grouped(String sql, Instant from, Instant until) {
        var out = new HashMap<String, Long>();
        handle.createQuery(sql)
                .bind("from", from.toEpochMilli()).bind("until", until.toEpochMilli())
                .map((rs, ctx) -> {
                    String k = rs.getString("k");
                    return Map.entry(k == null ? RegisterCounts.UNKNOWN : k, rs.getLong("n"));
                })
                .forEach(e -> out.merge(e.getKey(), e.getValue(), Long::sum));
        return out;
    }

    /** For tests and the import: every appeal number with the given numbers that exist. */
    public List<String> existing(List<String> numbers) {
        if (numbers.isEmpty()) {
            return List.of();
        }
        return new ArrayList<>(handle.createQuery("SELECT num FROM appeal WHERE num IN (<nums>)").bindList("nums", numbers)
                .mapTo(String.class).list());
    }
}
