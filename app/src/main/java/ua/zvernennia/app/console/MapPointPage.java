package ua.zvernennia.app.console;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import ua.zvernennia.app.api.Role;
import ua.zvernennia.app.web.RouteGroup;
import ua.zvernennia.core.appeal.AppealNumber;
import ua.zvernennia.core.appeal.GeoPoint;
import ua.zvernennia.core.openmap.MapPlaces;
import ua.zvernennia.core.refusal.Refusal;

/**
 * Where the public map shows an appeal (the citizen's point, the geocoded typed place, or an
 * operator's correction), and the form that corrects it. The public map shows the problem's
 * place only, never the citizen's home address.
 */
public final class MapPointPage implements RouteGroup {
    private static final String PATH = ConsoleRoutes.BASE + "/appeals/{number}/map-point";
    private static final String NO_SUCH_APPEAL = "Такого звернення немає.";

    public record MapPointView(
            String number, MapPlaces.Place place, String latitude, String longitude, String problem) {
        public String source() {
            return switch (place.source()) {
                case CITIZEN -> "точка, яку надіслав мешканець";
                case GEOCODER -> "знайдено геокодером за адресою місця проблеми";
                case OPERATOR -> "виправлено оператором";
                case NONE ->
                    place.geocoderStatus() == null
                            ? "немає: ні точки, ні адреси місця"
                            : switch (place.geocoderStatus()) {
                                case "PENDING" -> "адресу ще шукає геокодер";
                                case "NOT_FOUND" -> "геокодер адреси не знайшов";
                                default -> "геокодер не відповів; вкажіть точку вручну";
                            };
            };
        }
    }

    private final Console console;
    private final MapPlaces places;

    public MapPointPage(Console console, MapPlaces places) {
        this.console = console;
        this.places = places;
    }

    @Override
    public void routes(RoutesConfig app) {
        app.get(PATH, this::page, Role.OPERATOR);
        app.post(PATH, this::save, Role.OPERATOR);
    }

    private static AppealNumber number(Context ctx) {
        return AppealNumber.parse(ctx.pathParam("number")).orElseThrow(() -> Refusal.notFound(NO_SUCH_APPEAL));
    }

    private void page(Context ctx) {
        show(ctx, null, null, null, 200);
    }

    private void show(Context ctx, String lat, String lon, String problem, int status) {
        AppealNumber n = number(ctx);
        MapPlaces.Place place = places.place(n).orElseThrow(() -> Refusal.notFound(NO_SUCH_APPEAL));
        String shownLat = lat != null
                ? lat
                : place.point() == null ? "" : Double.toString(place.point().latitude());
        String shownLon = lon != null
                ? lon
                : place.point() == null ? "" : Double.toString(place.point().longitude());
        Pages.render(
                ctx,
                status,
                "map-point.jte",
                console.chrome(ctx, "Точка на карті: № " + n, "appeals"),
                "view",
                new MapPointView(n.toString(), place, shownLat, shownLon, problem));
    }

    private void save(Context ctx) {
        AppealNumber n = number(ctx);
        String actor = console.caller(ctx).name();
        String self = ConsoleRoutes.BASE + "/appeals/" + n + "/map-point";
        if ("reset".equals(ctx.formParam("action"))) {
            if (!places.correct(n, null, actor)) {
                throw Refusal.notFound(NO_SUCH_APPEAL);
            }
            console.done(ctx, self, Flash.info("Виправлення скасовано."));
            return;
        }
        String lat =
                ctx.formParam("lat") == null ? "" : ctx.formParam("lat").strip().replace(',', '.');
        String lon =
                ctx.formParam("lon") == null ? "" : ctx.formParam("lon").strip().replace(',', '.');
        GeoPoint point;
        try {
            point = new GeoPoint(Double.parseDouble(lat), Double.parseDouble(lon));
        } catch (IllegalArgumentException e) {
            // The form again, with what was typed and how it should look.
            show(ctx, lat, lon, "Широта — від −90 до 90, довгота — від −180 до 180, наприклад 48.4647 і 35.0462.", 400);
            return;
        }
        if (!places.correct(n, point, actor)) {
            throw Refusal.notFound(NO_SUCH_APPEAL);
        }
        console.done(ctx, self, Flash.info("Точку на карті збережено."));
    }
}
