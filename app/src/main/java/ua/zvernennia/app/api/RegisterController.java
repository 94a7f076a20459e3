package ua.zvernennia.app.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import ua.zvernennia.app.web.RouteGroup;
import ua.zvernennia.core.appeal.AppealNumber;
import ua.zvernennia.core.refusal.Refusal;
import ua.zvernennia.core.register.Classification;
import ua.zvernennia.core.register.Classifier;
import ua.zvernennia.core.register.IntakeChannel;
import ua.zvernennia.core.register.Register;
import ua.zvernennia.core.register.RegisterEntry;

/**
 * The register's API: {@code /api/classifier} (the classifier and the topic of each bot
 * direction), {@code /api/channels}, {@code PATCH /api/appeals/{number}} (classification and
 * questions, with history) and {@code POST /api/appeals/import} (a CSV back-log, all or nothing).
 */
public final class RegisterController implements RouteGroup {
    private static final Set<String> PATCH_FIELDS =
            Set.of("questions", "type", "form", "signatories", "sign", "earlierNumber", "citizenCategories", "outcome");
    private static final Set<String> CHANNEL_FIELDS = Set.of("nameUk", "reportGroup", "active", "position");

    record NewChannel(String code, String nameUk, String reportGroup, Integer position) {}

    record MappingRequest(String category, String issueType, String topic) {}

    private final Register register;
    private final AppealImport importer;

    public RegisterController(Register register, AppealImport importer) {
        this.register = register;
        this.importer = importer;
    }

    @Override
    public void routes(RoutesConfig app) {
        app.get("/api/classifier", this::classifier, Role.OPERATOR);
        app.get("/api/classifier/mapping", this::mapping, Role.OPERATOR);
        app.put("/api/classifier/mapping", this::putMapping, Role.ADMIN);
        app.get("/api/channels", this::channels, Role.OPERATOR);
        app.post("/api/channels", this::addChannel, Role.ADMIN);
        app.patch("/api/channels/{code}", this::changeChannel, Role.ADMIN);
        app.patch("/api/appeals/{number}", this::change, Role.OPERATOR);
        app.post("/api/appeals/import", this::importCsv, Role.OPERATOR);
    }

    // ---- the classifier ----------------------------------------------------------------------------

    private void classifier(Context ctx) {
        Classifier c = register.classifier();
        var out = new LinkedHashMap<String, Object>();
        out.put("types", entries(c.types()));
        out.put("forms", entries(c.forms()));
        out.put("signs", entries(c.signs()));
        out.put("citizenCategories", entries(c.citizenCategories()));
        out.put(
                "topics",
                c.topics().stream()
                        .map(t -> {
                            var m = new LinkedHashMap<String, Object>();
                            m.put("code", t.code());
                            m.put("name", t.name());
                            m.put(
                                    "group",
                                    c.groupOf(t.code())
                                            .map(Classifier.TopicGroup::id)
                                            .orElse(null));
                            return m;
                        })
                        .toList());
        out.put(
                "topicGroups",
                c.topicGroups().stream()
                        .map(g -> Map.of("id", g.id(), "name", g.name(), "topics", g.topics()))
                        .toList());
        out.put("outcomes", entries(c.outcomes()));
        out.put("fallbackTopic", c.fallbackTopic());
        out.put("mapping", register.topics().byDirection());
        ctx.json(out);
    }

    private static List<Map<String, Object>> entries(List<Classifier.Entry> list) {
        return list.stream()
                .map(e -> {
                    var m = new LinkedHashMap<String, Object>();
                    m.put("code", e.code());
                    m.put("name", e.name());
                    if (e.flag() != null) {
                        m.put(e.flag(), true);
                    }
                    return (Map<String, Object>) m;
                })
                .toList();
    }

    private void mapping(Context ctx) {
        var out = new LinkedHashMap<String, Object>();
        out.put("own", register.topics().mapping());
        out.put("effective", register.topics().byDirection());
        ctx.json(out);
    }

    private void putMapping(Context ctx) {
        MappingRequest req = ApiJson.body(ctx, MappingRequest.class);
        ctx.json(register.topics().put(req.category(), req.issueType(), req.topic()));
    }

    // ---- channels ------------------------------------------------------------------------------------

    private void channels(Context ctx) {
        ctx.json(register.channels().all().stream()
                .map(RegisterController::channel)
                .toList());
    }

    static Map<String, Object> channel(IntakeChannel c) {
        var m = new LinkedHashMap<String, Object>();
        m.put("code", c.code());
        m.put("nameUk", c.nameUk());
        m.put("reportGroup", c.reportGroup());
        m.put("messenger", c.messenger());
        m.put("builtIn", c.builtIn());
        m.put("active", c.active());
        m.put("position", c.position());
        return m;
    }

    private void addChannel(Context ctx) {
        NewChannel req = ApiJson.body(ctx, NewChannel.class);
        ctx.status(201)
                .json(channel(register.channels().add(req.code(), req.nameUk(), req.reportGroup(), req.position())));
    }

    private void changeChannel(Context ctx) {
        JsonNode body = ApiJson.body(ctx, JsonNode.class);
        known(body, CHANNEL_FIELDS);
        String name = text(body, "nameUk");
        boolean clearGroup = body.has("reportGroup")
                && (body.get("reportGroup").isNull()
                        || body.get("reportGroup").asText().isBlank());
        String group = clearGroup ? null : text(body, "reportGroup");
        Boolean active = null;
        if (body.has("active")) {
            if (!body.get("active").isBoolean()) {
                throw Refusal.invalid("active", "'active': true or false expected");
            }
            active = body.get("active").booleanValue();
        }
        Integer position = body.has("position") ? whole(body.get("position"), "position") : null;
        ctx.json(channel(register.channels().change(ctx.pathParam("code"), name, group, clearGroup, active, position)));
    }

    // ---- an appeal's classification ----------------------------------------------------------------

    private void change(Context ctx) {
        String raw = ctx.pathParam("number");
        AppealNumber number = AppealNumber.parse(raw)
                .orElseThrow(
                        () -> Refusal.invalid("number", "'" + raw + "' is not an appeal number such as 2026-000123"));
        JsonNode body = ApiJson.body(ctx, JsonNode.class);
        known(body, PATCH_FIELDS);
        Classification now = register.entry(number)
                .orElseThrow(() -> Refusal.notFound("no appeal " + number))
                .classification();
        List<String> questions = now.questions();
        if (body.has("questions")) {
            JsonNode q = body.get("questions");
            if (!q.isArray()) {
                throw Refusal.invalid("questions", "'questions': a list of {\"topic\": \"<code>\"} expected");
            }
            var list = new ArrayList<String>();
            for (int i = 0; i < q.size(); i++) {
                JsonNode topic = q.get(i).get("topic");
                if (!q.get(i).isObject()
                        || topic == null
                        || !topic.isTextual()
                        || q.get(i).size() != 1) {
                    throw Refusal.invalid("questions", "'questions[" + i + "]': {\"topic\": \"<code>\"} expected");
                }
                list.add(topic.asText().strip());
            }
            questions = list;
        }
        List<String> categories = now.citizenCategories();
        if (body.has("citizenCategories")) {
            JsonNode k = body.get("citizenCategories");
            if (!k.isArray() && !k.isNull()) {
                throw Refusal.invalid("citizenCategories", "'citizenCategories': a list of codes expected");
            }
            var list = new ArrayList<String>();
            if (k.isArray()) {
                for (JsonNode n : k) {
                    if (!n.isTextual()) {
                        throw Refusal.invalid("citizenCategories", "'citizenCategories': a list of codes expected");
                    }
                    list.add(n.asText().strip());
                }
            }
            categories = list;
        }
        Integer signatories = body.has("signatories")
                ? (body.get("signatories").isNull() ? null : whole(body.get("signatories"), "signatories"))
                : now.signatories();
        AppealNumber earlier =
                body.has("earlierNumber") ? AppealController.earlier(text(body, "earlierNumber")) : now.earlier();
        List<String> q = questions;
        List<String> k = categories;
        Classification next = Register.validated(() -> new Classification(
                field(body, "type", now.type()),
                field(body, "form", now.form()),
                signatories,
                field(body, "sign", now.sign()),
                earlier,
                k,
                q,
                field(body, "outcome", now.outcome())));
        register.change(number, next, Caller.of(ctx).name());
        ctx.json(fields(register, number));
    }

    /** The register's fields of an appeal, as the API shows them beside the appeal's own. */
    static Map<String, Object> fields(Register register, AppealNumber number) {
        var out = new LinkedHashMap<String, Object>();
        register.entry(number).ifPresent(e -> out.putAll(fields(register, e)));
        return out;
    }

    static Map<String, Object> fields(Register register, RegisterEntry e) {
        var out = new LinkedHashMap<String, Object>();
        Classification c = e.classification();
        out.put("channelCode", e.channelCode());
        out.put("registeredAt", e.registeredAt());
        out.put(
                "questions",
                c.questions().stream()
                        .map(q -> Map.of(
                                "topic",
                                q,
                                "name",
                                register.classifier()
                                        .topic(q)
                                        .map(Classifier.Entry::name)
                                        .orElse(q)))
                        .toList());
        out.put("type", c.type());
        out.put("form", c.form());
        out.put("signatories", c.signatories());
        out.put("sign", c.sign());
        out.put("earlierNumber", c.earlier() == null ? null : c.earlier().toString());
        out.put("citizenCategories", c.citizenCategories());
        out.put("outcome", c.outcome());
        return out;
    }

    private static String field(JsonNode body, String name, String current) {
        return body.has(name) ? text(body, name) : current;
    }

    private static void known(JsonNode body, Set<String> fields) {
        if (!body.isObject()) {
            throw Refusal.invalid("a JSON object is expected");
        }
        for (var it = body.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!fields.contains(f)) {
                throw Refusal.invalid(f, "unknown field '" + f + "'; known fields: " + new TreeSet<>(fields));
            }
        }
    }

    private static String text(JsonNode body, String name) {
        JsonNode n = body.get(name);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isTextual()) {
            throw Refusal.invalid(name, "'" + name + "': a string expected");
        }
        return n.asText().isBlank() ? null : n.asText().strip();
    }

    private static int whole(JsonNode n, String name) {
        if (!n.isInt()) {
            throw Refusal.invalid(name, "'" + name + "': a whole number expected");
        }
        return n.intValue();
    }

    // ---- import ----------------------------------------------------------------------------------------

    /**
     * The body, read past the server's limit for request bodies (1 MB, for JSON) up to
     * {@link AppealImport#MAX_BYTES}: a back-log of thousands of rows is larger.
     */
    private static byte[] file(Context ctx) {
        try (var in = ctx.bodyInputStream()) {
            byte[] bytes = in.readNBytes(AppealImport.MAX_BYTES + 1);
            if (bytes.length > AppealImport.MAX_BYTES) {
                throw Refusal.invalid(
                        "the file is larger than " + AppealImport.MAX_BYTES / (1024 * 1024) + " MB; split it");
            }
            return bytes;
        } catch (java.io.IOException e) {
            throw Refusal.invalid("the file could not be read; send it again");
        }
    }

    private void importCsv(Context ctx) {
        String csv;
        try {
            csv = StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(ByteBuffer.wrap(file(ctx)))
                    .toString();
        } catch (CharacterCodingException e) {
            throw Refusal.invalid("the file is not UTF-8 text; save it as CSV UTF-8");
        }
        AppealImport.Result result = importer.run(csv, Caller.of(ctx).name());
        var out = new LinkedHashMap<String, Object>();
        if (!result.problems().isEmpty()) {
            // Every problem, each naming its line: the whole file is refused, so the caller fixes them all at once.
            out.put("status", 400);
            out.put(
                    "error",
                    "nothing was imported: " + result.problems().size() + " problem(s); the first: "
                            + result.problems().get(0));
            out.put(
                    "problems",
                    result.problems().stream()
                            .map(AppealImport.Problem::toString)
                            .toList());
            ctx.status(400).json(out);
            return;
        }
        out.put("imported", result.registered().size());
        out.put(
                "numbers",
                result.registered().stream().map(AppealNumber::toString).toList());
        ctx.status(201).json(out);
    }
}
