package ua.zvernennia.app.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import ua.zvernennia.app.register.Register;
import ua.zvernennia.core.appeal.AppealNumber;
import ua.zvernennia.core.register.Classification;
import ua.zvernennia.core.register.Classifier;
import ua.zvernennia.core.register.IntakeChannel;

/**
 * The register's API: {@code /api/classifier} (the classifier and the topic of each bot
 * direction), {@code /api/channels}, {@code PATCH /api/appeals/{number}} (classification and
 * questions, with history) and {@code POST /api/appeals/import} (a CSV back-log, all or nothing).
 */
final class RegisterController {
    private static final Set<String> PATCH_FIELDS = Set.of("questions", "type", "form", "signatories", "sign", "earlierNumber",
            "citizenCategories", "outcome");

    record NewChannel(String code, String nameUk, String reportGroup, Integer position) {
    }

    record MappingRequest(String category, String issueType, String topic) {
    }

    private RegisterController() {
    }

    static void register(RoutesConfig app, Api.Deps deps) {
        app.get("/api/classifier", ctx -> classifier(ctx, deps), Role.OPERATOR);
        app.get("/api/classifier/mapping", ctx -> mapping(ctx, deps), Role.OPERATOR);
        app.put("/api/classifier/mapping", ctx -> putMapping(ctx, deps), Role.ADMIN);
        app.get("/api/channels", ctx -> ctx.json(deps.register().channels().stream().map(RegisterController::channel).toList()), Role.OPERATOR);
        app.post("/api/channels", ctx -> addChannel(ctx, deps), Role.ADMIN);
        app.patch("/api/channels/{code}", ctx -> changeChannel(ctx, deps), Role.ADMIN);
        app.patch("/api/appeals/{number}", ctx -> change(ctx, deps), Role.OPERATOR);
        app.post("/api/appeals/import", ctx -> importCsv(ctx, deps), Role.OPERATOR);
    }

    private static void classifier(Context ctx, Api.Deps deps) {
        Classifier c = deps.register().classifier();
        var out = new LinkedHashMap<String, Object>();
        out.put("types", entries(c.types()));
        out.put("forms", entries(c.forms()));
        out.put("signs", entries(c.signs()));
        out.put("citizenCategories", entries(c.citizenCategories()));
        out.put("topics", c.topics().stream().map(t -> {
            var m = new LinkedHashMap<String, Object>();
            m.put("code", t.code());
            m.put("name", t.name());
            m.put("group", c.groupOf(t.code()).map(Classifier.TopicGroup::id).orElse(null));
            return m;
        }).toList());
        out.put("topicGroups", c.topicGroups().stream().map(g -> Map.of("id", g.id(), "name", g.name(), "topics", g.topics())).toList());
        out.put("outcomes", entries(c.outcomes()));
        out.put("fallbackTopic", c.fallbackTopic());
        out.put("mapping", deps.register().effectiveMapping());
        ctx.json(out);
    }

    private static List<Map<String, Object>> entries(List<Classifier.Entry> list) {
        return list.stream().map(e -> {
            var m = new LinkedHashMap<String, Object>();
            m.put("code", e.code());
            m.put("name", e.name());
            if (e.flag() != null) {
                m.put(e.flag(), true);
            }
            return (Map<String, Object>) m;
        }).toList();
    }

    private static void mapping(Context ctx, Api.Deps deps) {
        var out = new LinkedHashMap<String, Object>();
        out.put("own", deps.register().mapping());
        out.put("effective", deps.register().effectiveMapping());
        ctx.json(out);
    }

    private static void putMapping(Context ctx, Api.Deps deps) {
        MappingRequest req = ApiJson.body(ctx, MappingRequest.class);
        ctx.json(deps.register().putMapping(req.category(), req.issueType(), blank(req.topic()) ? null : req.topic().strip()));
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

    private static void addChannel(Context ctx, Api.Deps deps) {
        NewChannel req = ApiJson.body(ctx, NewChannel.class);
        ctx.status(201).json(channel(deps.register().addChannel(req.code(), req.nameUk(), req.reportGroup(), req.position())));
    }

    private static void changeChannel(Context ctx, Api.Deps deps) {
        JsonNode body = ApiJson.body(ctx, JsonNode.class);
        known(body, Set.of("nameUk", "reportGroup", "active", "position"));
        String name = text(body, "nameUk");
        boolean clearGroup = body.has("reportGroup") && (body.get("reportGroup").isNull() || body.get("reportGroup").asText().isBlank());
        String group = clearGroup ? null : text(body, "reportGroup");
        Boolean active = null;
        if (body.has("active")) {
            if (!body.get("active").isBoolean()) {
                throw ApiException.badRequest("'active': true or false expected");
            }
            active = body.get("active").booleanValue();
        }
        Integer position = body.has("position") ? whole(body.get("position"), "position") : null;
        ctx.json(channel(deps.register().changeChannel(ctx.pathParam("code"), name, group, clearGroup, active, position)));
    }

    // ---- an appeal's classification ----------------------------------------------------------------

    private static void change(Context ctx, Api.Deps deps) {
        String raw = ctx.pathParam("number");
        AppealNumber number = AppealNumber.parse(raw)
                .orElseThrow(() -> ApiException.badRequest("'" + raw + "' is not an appeal number such as 2026-000123"));
        JsonNode body = ApiJson.body(ctx, JsonNode.class);
        known(body, PATCH_FIELDS);
        Classification now = deps.register().entry(number).orElseThrow(() -> ApiException.notFound("no appeal " + number)).classification();
        List<String> questions = now.questions();
        if (body.has("questions")) {
            JsonNode q = body.get("questions");
            if (!q.isArray()) {
                throw ApiException.badRequest("'questions': a list of {\"topic\": \"<code>\"} expected");
            }
            var list = new ArrayList<String>();
            for (int i = 0; i < q.size(); i++) {
                JsonNode topic = q.get(i).get("topic");
                if (!q.get(i).isObject() || topic == null || !topic.isTextual() || q.get(i).size() != 1) {
                    throw ApiException.badRequest("'questions[" + i + "]': {\"topic\": \"<code>\"} expected");
                }
                list.add(topic.asText().strip());
            }
            questions = list;
        }
        List<String> categories = now.citizenCategories();
        if (body.has("citizenCategories")) {
            JsonNode k = body.get("citizenCategories");
            if (!k.isArray() && !k.isNull()) {
                throw ApiException.badRequest("'citizenCategories': a list of codes expected");
            }
            var list = new ArrayList<String>();
            if (k.isArray()) {
                k.forEach(n -> {
                    if (!n.isTextual()) {
                        throw ApiException.badRequest("'citizenCategories': a list of codes expected");
                    }
                    list.add(n.asText().strip());
                });
            }
            categories = list;
        }
        Integer signatories = body.has("signatories") ? (body.get("signatories").isNull() ? null : whole(body.get("signatories"), "signatories"))
                : now.signatories();
        AppealNumber earlier = body.has("earlierNumber") ? AppealController.earlier(text(body, "earlierNumber")) : now.earlier();
        Classification next;
        try {
            next = new Classification(field(body, "type", now.type()), field(body, "form", now.form()), signatories,
                    field(body, "sign", now.sign()), earlier, categories, questions, field(body, "outcome", now.outcome()));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        deps.register().change(number, next, Caller.of(ctx).name());
        ctx.json(AppealController.registerFields(deps, number));
    }

    private static String field(JsonNode body, String name, String current) {
        return body.has(name) ? text(body, name) : current;
    }

    private static void known(JsonNode body, Set<String> fields) {
        if (!body.isObject()) {
            throw ApiException.badRequest("a JSON object is expected");
        }
        for (var it = body.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!fields.contains(f)) {
                throw ApiException.badRequest("unknown field '" + f + "'; known fields: " + new TreeSet<>(fields));
            }
        }
    }

    private static String text(JsonNode body, String name) {
        JsonNode n = body.get(name);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isTextual()) {
            throw ApiException.badRequest("'" + name + "': a string expected");
        }
        return n.asText().isBlank() ? null : n.asText().strip();
    }

    private static int whole(JsonNode n, String name) {
        if (!n.isInt()) {
            throw ApiException.badRequest("'" + name + "': a whole number expected");
        }
        return n.intValue();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    // ---- import ----------------------------------------------------------------------------------------

    private static void importCsv(Context ctx, Api.Deps deps) {
        byte[] body = ctx.bodyAsBytes();
        var decoder = StandardCharsets.UTF_8.newDecoder();
        String csv;
        try {
            csv = decoder.decode(java.nio.ByteBuffer.wrap(body)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw ApiException.badRequest("the file is not UTF-8 text; save it as CSV UTF-8");
        }
        AppealImport.Result result = AppealImport.run(deps.register(), csv, Caller.of(ctx).name());
        var out = new LinkedHashMap<String, Object>();
        if (!result.problems().isEmpty()) {
            out.put("status", 400);
            out.put("error", "nothing was imported: " + result.problems().size() + " problem(s); the first: " + result.problems().get(0));
            out.put("problems", result.problems());
            ctx.status(400).json(out);
            return;
        }
        out.put("imported", result.registered().size());
        out.put("numbers", result.registered().stream().map(AppealNumber::toString).toList());
        ctx.status(201).json(out);
    }
}
