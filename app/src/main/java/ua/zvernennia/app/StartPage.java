package ua.zvernennia.app;

import io.javalin.config.RoutesConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import ua.zvernennia.app.console.ConsoleRoutes;

/** {@code GET /}: a short start page in Ukrainian that leads staff to the console's sign-in. */
final class StartPage {
    private StartPage() {}

    static void register(RoutesConfig app) {
        byte[] page = resource("/start/index.html");
        app.get(
                "/",
                ctx -> ctx.contentType("text/html; charset=utf-8")
                        .header(
                                "Content-Security-Policy",
                                "default-src 'none'; style-src 'self'; base-uri 'none'; form-action 'none'")
                        .header("X-Content-Type-Options", "nosniff")
                        .result(page));
    }

    /** Where the start page's link leads. */
    static String signIn() {
        return ConsoleRoutes.BASE + "/login";
    }

    private static byte[] resource(String path) {
        try (InputStream in = StartPage.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
