package ua.zvernennia.app.console;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import ua.zvernennia.app.api.AppealImport;
import ua.zvernennia.app.api.Role;
import ua.zvernennia.app.web.RouteGroup;
import ua.zvernennia.core.appeal.AppealNumber;
import ua.zvernennia.core.refusal.Refusal;

/**
 * The back-log import of the register: a CSV file uploaded, every row checked by the same
 * {@link AppealImport} as {@code POST /api/appeals/import}, and all rows registered in one unit of
 * work or none. A refused file comes back with every problem by its line, and nothing is written.
 * The problems name fields and codes, never a citizen's data, so the page reads no personal data.
 */
public final class ImportPage implements RouteGroup {
    private static final String BASE = ConsoleRoutes.BASE + "/import";
    /** The example row of the file to start from, by column; its receipt is yesterday's. */
    private static final java.util.Map<String, String> EXAMPLE = java.util.Map.ofEntries(
            java.util.Map.entry("channel", "MAIL"),
            java.util.Map.entry("category", "water"),
            java.util.Map.entry("description", "Немає холодної води з понеділка"),
            java.util.Map.entry("placeAddress", "\"вул. Січових Стрільців, 12\""),
            java.util.Map.entry("firstName", "Олена"),
            java.util.Map.entry("lastName", "Коваленко"),
            java.util.Map.entry("address", "\"вул. Шевченка, 5, кв. 12\""),
            java.util.Map.entry("phone", "050 123 45 67"),
            java.util.Map.entry("type", "3.2"),
            java.util.Map.entry("form", "5.1"),
            java.util.Map.entry("sign", "2.1"),
            java.util.Map.entry("citizenCategories", "7.21"),
            java.util.Map.entry("questions", "009;010"));

    /**
     * The page.
     *
     * @param file     the name of the file refused, or null
     * @param problems every problem of that file, in the order of its lines
     */
    public record ImportView(
            List<String> columns,
            List<String> required,
            int maxRows,
            String file,
            List<AppealImport.Problem> problems) {
        public boolean required(String column) {
            return required.contains(column);
        }
    }

    private final Console console;
    private final AppealImport importer;

    public ImportPage(Console console, AppealImport importer) {
        this.console = console;
        this.importer = importer;
    }

    @Override
    public void routes(RoutesConfig app) {
        app.get(BASE, this::page, Role.OPERATOR);
        app.post(BASE, this::upload, Role.OPERATOR);
        app.get(BASE + "/template.csv", this::template, Role.OPERATOR);
    }

    private void page(Context ctx) {
        page(ctx, null, List.of(), 200);
    }

    private void page(Context ctx, String file, List<AppealImport.Problem> problems, int status) {
        Pages.render(
                ctx,
                status,
                "import.jte",
                console.chrome(ctx, "Імпорт звернень", "import"),
                "view",
                new ImportView(AppealImport.COLUMNS, AppealImport.REQUIRED, AppealImport.MAX_ROWS, file, problems));
    }

    /** A file to start from: the header and one row, with a byte order mark so that spreadsheets read it as UTF-8. */
    private void template(Context ctx) {
        String yesterday =
                console.formats().now().atZone(console.zone()).toLocalDate().minusDays(1) + "T10:15";
        String row = AppealImport.COLUMNS.stream()
                .map(c -> c.equals("receivedAt") ? yesterday : EXAMPLE.getOrDefault(c, ""))
                .collect(java.util.stream.Collectors.joining(","));
        ctx.header("Content-Disposition", "attachment; filename=\"zvernennia-import.csv\"");
        ctx.contentType("text/csv; charset=utf-8")
                .result("\uFEFF" + String.join(",", AppealImport.COLUMNS) + "\r\n" + row + "\r\n");
    }

    private void upload(Context ctx) {
        UploadedFile file = ctx.uploadedFile("file");
        if (file == null || file.size() == 0) {
            throw Refusal.invalid("file", "Оберіть файл CSV (UTF-8), перший рядок якого називає стовпці.");
        }
        if (file.size() > AppealImport.MAX_BYTES) {
            throw Refusal.invalid(
                    "file",
                    "Файл завеликий: не більше " + AppealImport.MAX_BYTES / (1024 * 1024) + " МБ і "
                            + AppealImport.MAX_ROWS + " рядків за раз.");
        }
        String csv;
        try (InputStream in = file.content()) {
            csv = StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(ByteBuffer.wrap(in.readAllBytes()))
                    .toString();
        } catch (CharacterCodingException e) {
            page(
                    ctx,
                    file.filename(),
                    List.of(new AppealImport.Problem(
                            0, "Файл не в кодуванні UTF-8: збережіть його як «CSV UTF-8» і завантажте знову.")),
                    400);
            return;
        } catch (IOException e) {
            throw Refusal.invalid("file", "Файл не вдалося прочитати. Спробуйте ще раз.");
        }
        AppealImport.Result result = importer.run(csv, console.caller(ctx).name());
        if (!result.problems().isEmpty()) {
            page(ctx, file.filename(), result.problems(), 400);
            return;
        }
        List<AppealNumber> numbers = result.registered();
        console.done(
                ctx,
                BASE,
                Flash.info("Імпортовано звернень: " + numbers.size() + " (№ " + numbers.get(0)
                        + (numbers.size() > 1 ? " … № " + numbers.get(numbers.size() - 1) : "")
                        + ", у порядку рядків файлу)."));
    }
}
