package ua.zvernennia.app.console;

import io.javalin.Javalin;
import ua.zvernennia.app.api.Role;

/** The statistics page: the quarterly report's charts for a chosen period, and the report itself. */
final class StatsPage {
    private StatsPage() {
    }

    static void register(Javalin app, Console console) {
        app.get(ConsoleRoutes.BASE + "/stats", console.page(ctx -> Pages.render(ctx, 200, "stats.jte",
                console.chrome(ctx, "Статистика", "stats"))), Role.OPERATOR);
    }
}
