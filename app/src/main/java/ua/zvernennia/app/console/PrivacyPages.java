package ua.zvernennia.app.console;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import ua.zvernennia.app.api.Role;
import ua.zvernennia.app.privacy.AccessLog;
import ua.zvernennia.app.privacy.CitizenErasure;
import ua.zvernennia.core.appeal.AppealNumber;
import ua.zvernennia.core.appeal.Phone;
import ua.zvernennia.storage.AccessLogRows;

/** The admins' page «Персональні дані»: erase a citizen's data on a written request, and the access log. */
public final class PrivacyPages {
    private static final String BASE = ConsoleRoutes.BASE + "/privacy";
    private static final int SHOWN = 200;

    /** The log's latest entries, of one appeal if {@code appeal} is set. */
    public record PrivacyView(List<AccessLogRows.Entry> entries, String appeal) {
    }

    private PrivacyPages() {
    }

    static void register(RoutesConfig app, Console console) {
        app.get(BASE, console.page(ctx -> page(ctx, console)), Role.ADMIN);
        app.post(BASE + "/erase", console.page(ctx -> erase(ctx, console)), Role.ADMIN);
    }

    private static void page(Context ctx, Console console) {
        String appeal = Optional.ofNullable(ctx.queryParam("appeal")).map(String::strip).filter(s -> !s.isEmpty())
                .map(s -> AppealNumber.parse(s).map(AppealNumber::toString)
                        .orElseThrow(() -> new ConsoleException(400, "Номер звернення має вигляд 2026-000123.")))
                .orElse(null);
        List<AccessLogRows.Entry> entries = console.deps.storage().read(s -> s.accessLog().list(appeal, null, null, null, 0, SHOWN));
        Pages.render(ctx, 200, "privacy.jte", console.chrome(ctx, "Персональні дані", "privacy"), "view", new PrivacyView(entries, appeal));
    }

    private static void erase(Context ctx, Console console) {
        Optional<Phone> phone = Phone.parse(Optional.ofNullable(ctx.formParam("phone")).orElse(""));
        if (phone.isEmpty()) {
            console.done(ctx, BASE, new Flash("Вкажіть номер телефону громадянина, напр. +380501234567.", true, null));
            return;
        }
        CitizenErasure.Outcome o = CitizenErasure.byPhone(console.deps.storage(), phone.get(), console.deps.clock().instant());
        console.deps.audit().erased(console.caller(ctx).name(), AccessLog.Via.CONSOLE, o.anonymised());
        StringBuilder text = new StringBuilder("Дані за номером видалено. Чатів: " + o.chats() + ", знеособлено закритих звернень: "
                + o.anonymised().size() + (o.anonymised().isEmpty() ? "" : " (" + join(o.anonymised()) + ")") + ".");
        if (!o.keptOpen().isEmpty()) {
            text.append(" Залишено відкриті звернення ").append(join(List.copyOf(o.keptOpen().keySet())))
                    .append(": за законом дані потрібні до кінця розгляду; після закриття видаліть ще раз.");
        }
        if (o.chats() == 0 && o.anonymised().isEmpty() && o.keptOpen().isEmpty()) {
            text = new StringBuilder("За цим номером нічого не зберігається.");
        }
        console.done(ctx, BASE, Flash.info(text.toString()));
    }

    private static String join(List<AppealNumber> numbers) {
        return numbers.stream().map(n -> "№ " + n).collect(Collectors.joining(", "));
    }
}
