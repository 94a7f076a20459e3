package ua.zvernennia.app.console;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import ua.zvernennia.app.api.Role;
import ua.zvernennia.app.privacy.AccessLog;
import ua.zvernennia.app.web.RouteGroup;
import ua.zvernennia.core.appeal.AppealNumber;
import ua.zvernennia.core.appeal.Phone;
import ua.zvernennia.core.privacy.AccessLogStore;
import ua.zvernennia.core.privacy.PersonalDataStore;
import ua.zvernennia.core.refusal.Refusal;

/** The admins' page «Персональні дані»: erase a citizen's data on a written request, and the access log. */
public final class PrivacyPages implements RouteGroup {
    private static final String BASE = ConsoleRoutes.BASE + "/privacy";
    private static final int SHOWN = 200;

    /** The log's latest entries, of one appeal if {@code appeal} is set. */
    public record PrivacyView(List<AccessLogStore.Entry> entries, String appeal) {}

    private final Console console;
    private final AccessLogStore log;
    private final PersonalDataStore personalData;
    private final AccessLog audit;
    private final Clock clock;

    /**
     * @param log   the access log as it is kept, to show
     * @param audit where this page's own erasures are recorded
     */
    public PrivacyPages(
            Console console, AccessLogStore log, PersonalDataStore personalData, AccessLog audit, Clock clock) {
        this.console = console;
        this.log = log;
        this.personalData = personalData;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public void routes(RoutesConfig app) {
        app.get(BASE, this::page, Role.ADMIN);
        app.post(BASE + "/erase", this::erase, Role.ADMIN);
    }

    private void page(Context ctx) {
        String appeal = Optional.ofNullable(ctx.queryParam("appeal"))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .map(s -> AppealNumber.parse(s)
                        .map(AppealNumber::toString)
                        .orElseThrow(() -> Refusal.invalid("appeal", "Номер звернення має вигляд 2026-000123.")))
                .orElse(null);
        List<AccessLogStore.Entry> entries = log.list(appeal, null, null, null, 0, SHOWN);
        Pages.render(
                ctx,
                200,
                "privacy.jte",
                console.chrome(ctx, "Персональні дані", "privacy"),
                "view",
                new PrivacyView(entries, appeal));
    }

    private void erase(Context ctx) {
        Optional<Phone> phone =
                Phone.parse(Optional.ofNullable(ctx.formParam("phone")).orElse(""));
        if (phone.isEmpty()) {
            console.done(ctx, BASE, new Flash("Вкажіть номер телефону громадянина, напр. +380501234567.", true, null));
            return;
        }
        PersonalDataStore.ErasedByPhone o = personalData.eraseByPhone(phone.get(), clock.instant());
        audit.erased(console.caller(ctx).name(), AccessLog.Via.CONSOLE, o.anonymised());
        StringBuilder text = new StringBuilder("Дані за номером видалено. Чатів: " + o.chats()
                + ", знеособлено закритих звернень: " + o.anonymised().size()
                + (o.anonymised().isEmpty() ? "" : " (" + join(o.anonymised()) + ")") + ".");
        if (!o.keptOpen().isEmpty()) {
            text.append(" Залишено відкриті звернення ")
                    .append(join(List.copyOf(o.keptOpen().keySet())))
                    .append(": за законом дані потрібні до кінця розгляду; після закриття видаліть ще раз.");
        }
        if (o.nothing()) {
            text = new StringBuilder("За цим номером нічого не зберігається.");
        }
        console.done(ctx, BASE, Flash.info(text.toString()));
    }

    private static String join(List<AppealNumber> numbers) {
        return numbers.stream().map(n -> "№ " + n).collect(Collectors.joining(", "));
    }
}
