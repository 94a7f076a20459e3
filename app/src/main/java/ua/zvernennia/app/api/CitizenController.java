package ua.zvernennia.app.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ua.zvernennia.app.privacy.AccessLog;
import ua.zvernennia.app.web.RouteGroup;
import ua.zvernennia.core.appeal.Phone;
import ua.zvernennia.core.privacy.PersonalDataStore;
import ua.zvernennia.core.privacy.PersonalDataStore.ErasedByPhone;
import ua.zvernennia.core.refusal.Refusal;

/** {@code POST /api/citizens/erase}: admins erase a citizen's personal data on their written request. */
public final class CitizenController implements RouteGroup {
    private static final Logger log = LoggerFactory.getLogger(CitizenController.class);
    /** Why an open appeal is kept. */
    static final String KEPT_OPEN = "open: the law on citizens' appeals needs its data until it is considered; "
            + "erase again once it is closed (or the citizen withdraws it)";

    record EraseRequest(String phone) {
        EraseRequest {
            if (phone == null || phone.isBlank()) {
                throw new IllegalArgumentException("phone: the citizen's phone number (+380…) is required");
            }
        }
    }

    private final PersonalDataStore personalData;
    private final AccessLog audit;
    private final Clock clock;

    public CitizenController(PersonalDataStore personalData, AccessLog audit, Clock clock) {
        this.personalData = personalData;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public void routes(RoutesConfig app) {
        app.post("/api/citizens/erase", this::erase, Role.ADMIN);
    }

    private void erase(Context ctx) {
        EraseRequest req = ApiJson.body(ctx, EraseRequest.class);
        Phone phone = Phone.parse(req.phone())
                .orElseThrow(() -> Refusal.invalid(
                        "phone", "phone: a Ukrainian number such as +380501234567 or 050 123 45 67 required"));
        ErasedByPhone o = personalData.eraseByPhone(phone, clock.instant());
        Caller caller = Caller.of(ctx);
        audit.erased(caller.name(), AccessLog.Via.API, o.anonymised());
        // The number itself stays out of the log.
        log.info(
                "{} erased a citizen's data on request: {} chats, {} appeals anonymised, {} kept open",
                caller.name(),
                o.chats(),
                o.anonymised().size(),
                o.keptOpen().size());
        ctx.json(answer(phone, o));
    }

    static Map<String, Object> answer(Phone phone, ErasedByPhone o) {
        var out = new LinkedHashMap<String, Object>();
        out.put("phone", phone.e164());
        var erased = new LinkedHashMap<String, Object>();
        erased.put("chats", o.chats());
        erased.put("savedDetails", o.savedDetails());
        erased.put("appeals", o.anonymised().stream().map(Object::toString).toList());
        out.put("erased", erased);
        out.put(
                "kept",
                o.keptOpen().entrySet().stream()
                        .map(e -> Map.of("number", e.getKey().toString(), "status", e.getValue(), "why", KEPT_OPEN))
                        .toList());
        out.put(
                "note",
                o.nothing()
                        ? "nothing is kept under this number"
                        : "statistics keep counting these appeals without their personal data");
        return out;
    }
}
