package ua.zvernennia.storage;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import ua.zvernennia.core.appeal.AppealNumber;
import ua.zvernennia.core.register.Classification;
import ua.zvernennia.core.register.IntakeChannel;
import ua.zvernennia.core.register.Narrative;
import ua.zvernennia.core.register.RegisterCounts;
import ua.zvernennia.core.register.RegisterEntry;
import ua.zvernennia.core.register.RegisterRecords;
import ua.zvernennia.core.register.TopicMapping;

/**
 * The register's rows: an appeal's channel code, registration time and classification, its
 * questions and its author's categories; the channels; the mapping of the bot's directions to
 * topics; the narratives of reports; and the counts of a period. Bound to one handle; not
 * thread-safe.
 */
public final class RegisterRows implements RegisterRecords {
    private final Handle handle;

    RegisterRows(Handle handle) {
        this.handle = handle;
    }

    /**
     * Writes the first question of a new appeal: the topic mapped to its issue type, or else to
     * its category; none when neither is mapped (the report then counts its direction's topic).
     */
    static void firstQuestion(Handle handle, String num, String categoryId, String issueTypeId) {
        handle.createQuery(
                        "SELECT topic_code FROM topic_mapping WHERE category_id = :category AND issue_type_id IN ('', :type) "
                                + "ORDER BY issue_type_id DESC")
                .bind("category", categoryId)
                .bind("type", issueTypeId == null ? "" : issueTypeId)
                .mapTo(String.class)
                .findFirst()
                .ifPresent(topic -> handle.createUpdate(
                                "INSERT INTO appeal_question (appeal_num, idx, topic_code) VALUES (:num, 0, :topic)")
                        .bind("num", num)
                        .bind("topic", topic)
                        .execute());
    }

    // ---- one appeal --------------------------------------------------------------------------------

    @Override
    public Optional<RegisterEntry> find(AppealNumber number) {
        String num = number.toString();
        List<String> questions = handle.createQuery(
                        "SELECT topic_code FROM appeal_question WHERE appeal_num = :num ORDER BY idx")
                .bind("num", num)
                .mapTo(String.class)
                .list();
        List<String> categories = handle.createQuery(
                        "SELECT code FROM appeal_citizen_category WHERE appeal_num = :num ORDER BY code")
                .bind("num", num)
                .mapTo(String.class)
                .list();
        return handle.createQuery(
                        "SELECT channel, channel_code, registered_at, created_at, appeal_type, appeal_form, signatories, "
                                + "appeal_sign, earlier_num, outcome FROM appeal WHERE num = :num")
                .bind("num", num)
                .map((rs, ctx) -> {
                    int signatories = rs.getInt("signatories");
                    Integer s = rs.wasNull() ? null : signatories;
                    long registered = rs.getLong("registered_at");
                    Instant registeredAt = rs.wasNull()
                            ? Instant.ofEpochMilli(rs.getLong("created_at"))
                            : Instant.ofEpochMilli(registered);
                    String code = rs.getString("channel_code");
                    String earlier = rs.getString("earlier_num");
                    return new RegisterEntry(
                            code == null ? rs.getString("channel") : code,
                            registeredAt,
                            new Classification(
                                    rs.getString("appeal_type"),
                                    rs.getString("appeal_form"),
                                    s,
                                    rs.getString("appeal_sign"),
                                    earlier == null
                                            ? null
                                            : AppealNumber.parse(earlier).orElse(null),
                                    categories,
                                    questions,
                                    rs.getString("outcome")));
                })
                .findOne();
    }

    @Override
    public void save(AppealNumber number, Classification c) {
        String num = number.toString();
        int changed = handle.createUpdate(
                        "UPDATE appeal SET appeal_type = :type, appeal_form = :form, signatories = :signatories, "
                                + "appeal_sign = :sign, earlier_num = :earlier, outcome = :outcome WHERE num = :num")
                .bind("type", c.type())
                .bind("form", c.form())
                .bind("signatories", c.signatories())
                .bind("sign", c.sign())
                .bind("earlier", c.earlier() == null ? null : c.earlier().toString())
                .bind("outcome", c.outcome())
                .bind("num", num)
                .execute();
        if (changed != 1) {
            throw new IllegalStateException("no appeal " + num);
        }
        handle.createUpdate("DELETE FROM appeal_question WHERE appeal_num = :num")
                .bind("num", num)
                .execute();
        for (int i = 0; i < c.questions().size(); i++) {
            handle.createUpdate("INSERT INTO appeal_question (appeal_num, idx, topic_code) VALUES (:num, :idx, :topic)")
                    .bind("num", num)
                    .bind("idx", i)
                    .bind("topic", c.questions().get(i))
                    .execute();
        }
        handle.createUpdate("DELETE FROM appeal_citizen_category WHERE appeal_num = :num")
                .bind("num", num)
                .execute();
        for (String code : c.citizenCategories()) {
            handle.createUpdate("INSERT INTO appeal_citizen_category (appeal_num, code) VALUES (:num, :code)")
                    .bind("num", num)
                    .bind("code", code)
                    .execute();
        }
    }

    @Override
    public void registered(AppealNumber number, String channelCode, Instant registeredAt) {
        handle.createUpdate("UPDATE appeal SET channel_code = :code, registered_at = :at WHERE num = :num")
                .bind("code", channelCode)
                .bind("at", registeredAt.toEpochMilli())
                .bind("num", number.toString())
                .execute();
    }

    @Override
    public boolean exists(AppealNumber number) {
        return handle.createQuery("SELECT COUNT(*) FROM appeal WHERE num = :num")
                        .bind("num", number.toString())
                        .mapTo(Integer.class)
                        .one()
                > 0;
    }

    // ---- channels ------------------------------------------------------------------------------------

    @Override
    public List<IntakeChannel> channels() {
        List<IntakeChannel> written = handle.createQuery("SELECT * FROM intake_channel ORDER BY sort_order, code")
                .map((rs, ctx) -> new IntakeChannel(
                        rs.getString("code"),
                        rs.getString("name_uk"),
                        rs.getString("report_group"),
                        rs.getBoolean("messenger"),
                        rs.getBoolean("built_in"),
                        rs.getBoolean("active"),
                        rs.getInt("sort_order")))
                .list();
        return written.isEmpty() ? IntakeChannel.DEFAULTS : written;
    }

    /**
     * Writes {@link IntakeChannel#DEFAULTS} into an empty table before the first change of a
     * channel. Nothing writes them when the storage opens: opening writes nothing (a full disk or a
     * read-only database still opens), and {@code copy} finds a new database empty.
     */
    private void writeDefaultsIfNone(Instant at) {
        ChatLocks.namedWhereShared(handle, "zvernennia intake channels");
        if (handle.createQuery("SELECT COUNT(*) FROM intake_channel")
                        .mapTo(Integer.class)
                        .one()
                == 0) {
            IntakeChannel.DEFAULTS.forEach(c -> insertChannel(c, at));
        }
    }

    @Override
    public void addChannel(IntakeChannel c, Instant at) {
        writeDefaultsIfNone(at);
        insertChannel(c, at);
    }

    private void insertChannel(IntakeChannel c, Instant at) {
        handle.createUpdate(
                        "INSERT INTO intake_channel (code, name_uk, report_group, messenger, built_in, active, sort_order, updated_at) "
                                + "VALUES (:code, :name, :group, :messenger, :builtIn, :active, :position, :at)")
                .bind("code", c.code())
                .bind("name", c.nameUk())
                .bind("group", c.reportGroup())
                .bind("messenger", c.messenger())
                .bind("builtIn", c.builtIn())
                .bind("active", c.active())
                .bind("position", c.position())
                .bind("at", at.toEpochMilli())
                .execute();
    }

    @Override
    public void updateChannel(IntakeChannel c, Instant at) {
        writeDefaultsIfNone(at);
        handle.createUpdate(
                        "UPDATE intake_channel SET name_uk = :name, report_group = :group, active = :active, sort_order = :position, "
                                + "updated_at = :at WHERE code = :code")
                .bind("code", c.code())
                .bind("name", c.nameUk())
                .bind("group", c.reportGroup())
                .bind("active", c.active())
                .bind("position", c.position())
                .bind("at", at.toEpochMilli())
                .execute();
    }

    // ---- mapping -------------------------------------------------------------------------------------

    @Override
    public List<TopicMapping> mapping() {
        return handle.createQuery(
                        "SELECT category_id, issue_type_id, topic_code FROM topic_mapping ORDER BY category_id, issue_type_id")
                .map((rs, ctx) -> new TopicMapping(
                        rs.getString("category_id"),
                        rs.getString("issue_type_id").isEmpty() ? null : rs.getString("issue_type_id"),
                        rs.getString("topic_code")))
                .list();
    }

    @Override
    public void putMapping(String categoryId, String issueTypeId, String topic, Instant at) {
        String type = issueTypeId == null ? "" : issueTypeId;
        ChatLocks.namedWhereShared(handle, "zvernennia topic " + categoryId + "/" + type);
        handle.createUpdate("DELETE FROM topic_mapping WHERE category_id = :category AND issue_type_id = :type")
                .bind("category", categoryId)
                .bind("type", type)
                .execute();
        if (topic != null) {
            handle.createUpdate(
                            "INSERT INTO topic_mapping (category_id, issue_type_id, topic_code, updated_at) VALUES (:category, :type, :topic, :at)")
                    .bind("category", categoryId)
                    .bind("type", type)
                    .bind("topic", topic)
                    .bind("at", at.toEpochMilli())
                    .execute();
        }
    }

    // ---- narratives ------------------------------------------------------------------------------------

    Optional<Narrative> narrative(String period) {
        return handle.createQuery("SELECT * FROM report_narrative WHERE period = :period")
                .bind("period", period)
                .map((rs, ctx) -> new Narrative(
                        rs.getString("period"),
                        rs.getString("body"),
                        Instant.ofEpochMilli(rs.getLong("updated_at")),
                        rs.getString("updated_by")))
                .findOne();
    }

    @Override
    public void putNarrative(String period, String body, String actor, Instant at) {
        ChatLocks.namedWhereShared(handle, "zvernennia narrative " + period);
        handle.createUpdate("DELETE FROM report_narrative WHERE period = :period")
                .bind("period", period)
                .execute();
        if (body != null && !body.isBlank()) {
            handle.createUpdate(
                            "INSERT INTO report_narrative (period, body, updated_at, updated_by) VALUES (:period, :body, :at, :by)")
                    .bind("period", period)
                    .bind("body", body)
                    .bind("at", at.toEpochMilli())
                    .bind("by", actor)
                    .execute();
        }
    }

    // ---- counts ----------------------------------------------------------------------------------------

    private static final String RANGE = "a.created_at >= :from AND a.created_at < :until";

    /** See {@link ua.zvernennia.core.register.RegisterStore#counts}. */
    RegisterCounts counts(
            Instant from, Instant until, Instant asOf, Map<String, String> directions, String fallbackTopic) {
        // Appeals written beside the stores (the generate command) have no channel code: their channel is it.
        Map<String, Long> byChannel = grouped(
                "SELECT COALESCE(a.channel_code, a.channel) AS k, COUNT(*) AS n FROM appeal a WHERE " + RANGE
                        + " GROUP BY COALESCE(a.channel_code, a.channel)",
                from,
                until);
        long appeals = byChannel.values().stream().mapToLong(Long::longValue).sum();
        Map<String, Long> topics = new HashMap<>(grouped(
                "SELECT q.topic_code AS k, COUNT(*) AS n FROM appeal_question q "
                        + "JOIN appeal a ON a.num = q.appeal_num WHERE " + RANGE + " GROUP BY q.topic_code",
                from,
                until));
        handle.createQuery(
                        "SELECT a.category_id, a.issue_type_id, COUNT(*) AS n FROM appeal a WHERE " + RANGE
                                + " AND NOT EXISTS (SELECT 1 FROM appeal_question q WHERE q.appeal_num = a.num) GROUP BY a.category_id, a.issue_type_id")
                .bind("from", from.toEpochMilli())
                .bind("until", until.toEpochMilli())
                .map((rs, ctx) -> {
                    String category = rs.getString("category_id");
                    String type = rs.getString("issue_type_id");
                    String topic = type == null ? null : directions.get(TopicMapping.direction(category, type));
                    if (topic == null) {
                        topic = directions.getOrDefault(category, fallbackTopic);
                    }
                    return Map.entry(topic, rs.getLong("n"));
                })
                .forEach(e -> topics.merge(e.getKey(), e.getValue(), Long::sum));
        Map<String, Long> types = grouped(
                "SELECT a.appeal_type AS k, COUNT(*) AS n FROM appeal a WHERE " + RANGE + " GROUP BY a.appeal_type",
                from,
                until);
        Map<String, Long> forms = grouped(
                "SELECT a.appeal_form AS k, COUNT(*) AS n FROM appeal a WHERE " + RANGE + " GROUP BY a.appeal_form",
                from,
                until);
        Map<String, Long> signs = grouped(
                "SELECT a.appeal_sign AS k, COUNT(*) AS n FROM appeal a WHERE " + RANGE + " GROUP BY a.appeal_sign",
                from,
                until);
        Map<String, Long> outcomes = grouped(
                "SELECT a.outcome AS k, COUNT(*) AS n FROM appeal a WHERE " + RANGE
                        + " AND a.closed_at IS NOT NULL GROUP BY a.outcome",
                from,
                until);
        Map<String, Long> categories = grouped(
                "SELECT c.code AS k, COUNT(*) AS n FROM appeal_citizen_category c "
                        + "JOIN appeal a ON a.num = c.appeal_num WHERE " + RANGE + " GROUP BY c.code",
                from,
                until);
        long[] terms = handle.createQuery("SELECT COALESCE(SUM(a.signatories), 0) AS signatories, "
                        + "SUM(CASE WHEN a.closed_at IS NOT NULL THEN 1 ELSE 0 END) AS closed, "
                        + "SUM(CASE WHEN a.closed_at IS NOT NULL AND a.closed_at <= a.legal_deadline_at THEN 1 ELSE 0 END) AS on_time, "
                        + "SUM(CASE WHEN a.closed_at IS NOT NULL AND a.closed_at > a.legal_deadline_at THEN 1 ELSE 0 END) AS late, "
                        + "SUM(CASE WHEN a.closed_at IS NULL AND a.legal_deadline_at < :asOf THEN 1 ELSE 0 END) AS open_overdue, "
                        + "SUM(CASE WHEN a.closed_at IS NULL AND a.legal_deadline_at >= :asOf THEN 1 ELSE 0 END) AS open_in_time "
                        + "FROM appeal a WHERE " + RANGE)
                .bind("from", from.toEpochMilli())
                .bind("until", until.toEpochMilli())
                .bind("asOf", asOf.toEpochMilli())
                .map((rs, ctx) -> new long[] {
                    rs.getLong("signatories"),
                    rs.getLong("closed"),
                    rs.getLong("on_time"),
                    rs.getLong("late"),
                    rs.getLong("open_overdue"),
                    rs.getLong("open_in_time")
                })
                .one();
        return new RegisterCounts(
                appeals,
                byChannel,
                topics,
                types,
                forms,
                terms[0],
                signs,
                categories,
                outcomes,
                terms[1],
                terms[2],
                terms[3],
                terms[4],
                terms[5]);
    }

    private Map<String, Long> grouped(String sql, Instant from, Instant until) {
        var out = new HashMap<String, Long>();
        handle.createQuery(sql)
                .bind("from", from.toEpochMilli())
                .bind("until", until.toEpochMilli())
                .map((rs, ctx) -> {
                    String k = rs.getString("k");
                    return Map.entry(k == null ? RegisterCounts.UNKNOWN : k, rs.getLong("n"));
                })
                .forEach(e -> out.merge(e.getKey(), e.getValue(), Long::sum));
        return out;
    }

    /** Those of {@code numbers} that are appeals. */
    Set<AppealNumber> existing(Collection<AppealNumber> numbers) {
        var out = new HashSet<AppealNumber>();
        List<String> all =
                numbers.stream().map(AppealNumber::toString).distinct().toList();
        // A few hundred at a time: databases limit the parameters of one statement.
        for (int i = 0; i < all.size(); i += 500) {
            handle.createQuery("SELECT num FROM appeal WHERE num IN (<nums>)")
                    .bindList("nums", all.subList(i, Math.min(all.size(), i + 500)))
                    .mapTo(String.class)
                    .forEach(n -> AppealNumber.parse(n).ifPresent(out::add));
        }
        return out;
    }
}
