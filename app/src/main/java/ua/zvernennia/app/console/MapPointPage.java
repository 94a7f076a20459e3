package ua.zvernennia.app.console;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import ua.zvernennia.app.api.Role;
import ua.zvernennia.core.appeal.AppealNumber;
import ua.zvernennia.core.appeal.GeoPoint;
import ua.zvernennia.core.openmap.MapPlaces;

/**
 * Where the public map shows an appeal (the citizen's point, the geocoded typed place, or an
 * operator's correction), and the form that corrects it. The public map shows the problem's
 * place only, never the citizen's home address.
 */
public final class MapPointPage {
    public record MapPointView(String number, MapPlaces.Place place, String latitude, String longitude, String problem) {
        public String source() {
            return switch (place.source()) {
                case CITIZEN -> "точка, яку надіслав мешканець";
                case GEOCODER -> "знайдено геокодером за адресою місця проблеми";
                case OPERATOR -> "виправлено оператором";
                case NONE -> place.geocoderStatus() == null ? "немає: ні точки, ні адреси місця"
                        : switch (place.geocoderStatus()) {
                            case "PENDING" -> "адресу ще шукає геокодер";
                            case "NOT_FOUND" -> "геокодер адреси не знайшов";
                            default -> "геокодер не відповів; вкажіть точку вручну";
                        };
            };
        }
    }

    private MapPointPage() {
    }

    static void register(RoutesConfig app, Console console, MapPlaces places) {
        String path = ConsoleRoutes.BASE + "/appeals/{number}/map-point";
        app.get(path, console.page(ctx -> show(ctx, console, places, null, null, null, 200)), Role.OPERATOR);
        app.post(path, console.page(ctx -> save(ctx, console, places)), Role.OPERATOR);
    }

    private static AppealNumber number(Context ctx) {
        return AppealNumber.parse(ctx.pathParam("number")).orElseThrow(() -> new ConsoleException(404, "Такого звернення немає."));
    }

    private static void show(Context ctx, Console console, MapPlaces places, String lat, String lon, String problem, int status) {
        AppealNumber n = number(ctx);
        MapPlaces.Place place = places.place(n).orElseThrow(() -> new ConsoleException(404, "Такого звернення немає."));
        String shownLat = lat != null ? lat : place.point() == null ? "" : Double.toString(place.point().latitude());
        String shownLon = lon != null ? lon : place.point() == null ? "" : Double.toString(place.point().longitude());
        Pages.render(ctx, status, "map-point.jte", console.chrome(ctx, "Точка на карті: № " + n, "appeals"),
                "view", new MapPointView(n.toString(), place, shownLat, shownLon, problem));
    }

    private static void save(Context ctx, Console console, MapPlaces places) {
        AppealNumber n = number(ctx);
        String actor = console.caller(ctx).name();
        if ("reset".equals(ctx.formParam("action"))) {
            places.correct(n, null, actor);
            console.done(ctx, ConsoleRoutes.BASE + "/appeals/" + n + "/map-point", Flash.info("Виправлення скасовано."));
            return;
        }
        String lat = ctx.formParam("lat") == null ? "" : ctx.formParam("lat").strip().replace(',', '.');
        String lon = ctx.formParam("lon") == null ? "" : ctx.formParam("lon").strip().replace(',', '.');
        GeoPoint point;
        try {
            point = new GeoPoint(Double.parseDouble(lat), Double.parseDouble(lon));
        } catch (IllegalArgumentException e) {
            show(ctx, console, places, lat, lon, "Широта — від −90 до 90, довгота — від −180 до 180, наприклад 48.4647 і 35.0462.", 400);
            return;
        }
        if (!places.correct(n, point, actor)) {
            throw new ConsoleException(404, "Такого звернення немає.");
        }
        console.done(ctx, ConsoleRoutes.BASE + "/appeals/" + n + "/map-point", Flash.info("Точку на карті збережено."));
    }
}
