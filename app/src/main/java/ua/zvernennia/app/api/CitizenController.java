package ua.zvernennia.app.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ua.zvernennia.app.privacy.CitizenErasure;
import ua.zvernennia.core.appeal.Phone;

/** {@code POST /api/citizens/erase}: admins erase a citizen's personal data on their written request. */
final class CitizenController {
    private static final Logger log = LoggerFactory.getLogger(CitizenController.class);

    record EraseRequest(String phone) {
        EraseRequest {
            if (phone == null || phone.isBlank()) {
                throw new IllegalArgumentException("phone: the citizen's phone number (+380…) is required");
            }
        }
    }

    private CitizenController() {
    }

    static void register(RoutesConfig app, Api.Deps deps) {
        app.post("/api/citizens/erase", ctx -> erase(ctx, deps), Role.ADMIN);
    }

    private static void erase(Context ctx, Api.Deps deps) {
        EraseRequest req = ApiJson.body(ctx, EraseRequest.class);
        Phone phone = Phone.parse(req.phone())
                .orElseThrow(() -> ApiException.badRequest("phone: a Ukrainian number such as +380501234567 or 050 123 45 67 required"));
        CitizenErasure.Outcome o = CitizenErasure.byPhone(deps.storage(), phone, deps.clock().instant());
        Caller caller = Caller.of(ctx);
        deps.audit().erased(caller.name(), ua.zvernennia.app.privacy.AccessLog.Via.API, o.anonymised());
        // The number itself stays out of the log.
        log.info("{} erased a citizen's data on request: {} chats, {} appeals anonymised, {} kept open",
                caller.name(), o.chats(), o.anonymised().size(), o.keptOpen().size());
        ctx.json(answer(phone, o));
    }

    static Map<String, Object> answer(Phone phone, CitizenErasure.Outcome o) {
        var out = new LinkedHashMap<String, Object>();
        out.put("phone", phone.e164());
        var erased = new LinkedHashMap<String, Object>();
        erased.put("chats", o.chats());
        erased.put("savedDetails", o.savedDetails());
        erased.put("appeals", o.anonymised().stream().map(Object::toString).toList());
        out.put("erased", erased);
        out.put("kept", o.keptOpen().entrySet().stream().map(e -> Map.of("number", e.getKey().toString(), "status", e.getValue(),
                "why", CitizenErasure.KEPT_OPEN)).toList());
        out.put("note", o.chats() == 0 && o.anonymised().isEmpty() && o.keptOpen().isEmpty()
                ? "nothing is kept under this number" : "statistics keep counting these appeals without their personal data");
        return out;
    }
}
