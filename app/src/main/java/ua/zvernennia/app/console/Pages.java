package ua.zvernennia.app.console;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/** Renders the console's templates (compiled into the jar at build time from {@code src/main/jte}). Thread-safe. */
final class Pages {
    private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(ContentType.Html);

    private Pages() {}

    /** Renders {@code template} with the page chrome as {@code c} and the other named parameters. */
    static void render(Context ctx, int status, String template, Chrome chrome, Object... namedParams) {
        var params = new LinkedHashMap<String, Object>();
        params.put("c", chrome);
        for (int i = 0; i < namedParams.length; i += 2) {
            params.put((String) namedParams[i], namedParams[i + 1]);
        }
        ctx.status(status).contentType("text/html; charset=utf-8").result(render(template, params));
    }

    static String render(String template, Map<String, Object> params) {
        var out = new StringOutput();
        ENGINE.render(template, params, out);
        return out.toString();
    }
}
