package ua.zvernennia.app.console;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ua.zvernennia.app.api.Role;
import ua.zvernennia.app.web.RouteGroup;
import ua.zvernennia.core.refusal.Refusal;
import ua.zvernennia.core.register.IntakeChannel;
import ua.zvernennia.core.register.Register;

/**
 * The admins' channels of the register: the list, a new channel (code, Ukrainian name, the group
 * the council's report sums it into), and taking a channel an admin added off the operators' list
 * or back. The messengers' channels are fixed and the built-in ones stay active; the register
 * refuses that, and the page says so.
 */
public final class ChannelPages implements RouteGroup {
    private static final String BASE = ConsoleRoutes.BASE + "/channels";

    /** The page: every channel in order, and the form to add one (as typed when refused). */
    public record ChannelsView(List<IntakeChannel> channels, Map<String, String> values, String problem) {
        public String value(String name) {
            return values.getOrDefault(name, "");
        }

        /** The report groups in use, for the form's suggestions. */
        public List<String> groups() {
            return channels.stream()
                    .map(IntakeChannel::reportGroup)
                    .filter(g -> g != null)
                    .distinct()
                    .toList();
        }

        /** Whether an admin may take the channel off the list or back: neither a messenger's nor built in. */
        public boolean switchable(IntakeChannel c) {
            return !c.messenger() && !c.builtIn();
        }
    }

    private final Console console;
    private final Register register;

    public ChannelPages(Console console, Register register) {
        this.console = console;
        this.register = register;
    }

    @Override
    public void routes(RoutesConfig app) {
        app.get(BASE, this::list, Role.ADMIN);
        app.post(BASE, this::add, Role.ADMIN);
        app.post(BASE + "/{code}/active", this::active, Role.ADMIN);
    }

    private void list(Context ctx) {
        list(ctx, Map.of(), null, 200);
    }

    private void list(Context ctx, Map<String, String> values, String problem, int status) {
        Pages.render(
                ctx,
                status,
                "channels.jte",
                console.chrome(ctx, "Канали надходження", "channels"),
                "view",
                new ChannelsView(register.channels().all(), values, problem));
    }

    private void add(Context ctx) {
        var values = new LinkedHashMap<String, String>();
        for (String name : List.of("code", "nameUk", "reportGroup")) {
            values.put(name, Optional.ofNullable(ctx.formParam(name)).orElse("").strip());
        }
        try {
            IntakeChannel added = register.channels()
                    .add(
                            values.get("code").toUpperCase(java.util.Locale.ROOT),
                            values.get("nameUk"),
                            values.get("reportGroup"),
                            null);
            console.done(
                    ctx,
                    BASE,
                    Flash.info("Канал «" + added.nameUk() + "» (" + added.code() + ") додано: його вже можна обрати"
                            + " в новому зверненні та в імпорті."));
        } catch (Refusal r) {
            list(ctx, values, problem(r, values.get("code")), r.kind() == Refusal.Kind.CONFLICT ? 409 : 400);
        }
    }

    private void active(Context ctx) {
        String code = ctx.pathParam("code");
        boolean active = "true".equals(ctx.formParam("active"));
        Flash flash;
        try {
            IntakeChannel changed = register.channels().change(code, null, null, false, active, null);
            flash = Flash.info(
                    "Канал «" + changed.nameUk() + "» "
                            + (active
                                    ? "знову в списку операторів."
                                    : "вимкнено: в нових"
                                            + " зверненнях його не обрати, а подані ним звернення лишаються в реєстрі та звіті."));
        } catch (Refusal r) {
            if (r.kind() == Refusal.Kind.NOT_FOUND) {
                throw Refusal.notFound("Каналу " + code + " немає.");
            }
            flash = new Flash(problem(r, code), true, null);
        }
        console.done(ctx, BASE, flash);
    }

    /** A refusal of the register in the page's words. */
    private static String problem(Refusal r, String code) {
        if (r.kind() == Refusal.Kind.CONFLICT) {
            return r.getMessage().startsWith("code:")
                    ? Labels.word("channels.problem.code.taken", code)
                    : Labels.word("channels.problem.fixed", code);
        }
        String field = r.field().orElse("");
        return Labels.has("channels.problem." + field)
                ? Labels.word("channels.problem." + field)
                : "Канал не змінено: " + r.getMessage();
    }
}
