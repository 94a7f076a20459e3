package ua.zvernennia.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ua.zvernennia.app.api.OpenApiDocument;

/**
 * The API's description, checked by a real OpenAPI 3 parser and validator (swagger-parser), and
 * against the routes the running server serves.
 */
class OpenApiTest {
    /** Routes for people's browsers and the messengers' webhooks, whose contracts are not this API's. */
    private static final List<String> NOT_API =
            List.of("GET /", "/console", "/telegram/webhook", "/viber/webhook", "/public/static/", "/open311/*");

    /**
     * GeoReport v2 serves each resource as {@code .json} and {@code .xml}; the document names the
     * pair once, with a {@code {format}} parameter, as the specification does.
     */
    static String asDocumented(String route) {
        String r = route.replace("/open311/v2/requests/{file}", "/open311/v2/requests/{service_request_id}.{format}")
                .replace("/open311/v2/services/{file}", "/open311/v2/services/{service_code}.{format}");
        return r.startsWith("GET /open311/") || r.startsWith("POST /open311/")
                ? r.replaceAll("\\.(json|xml)$", ".{format}")
                : r;
    }

    @TempDir
    Path dir;

    @Test
    void theServedDocumentIsValidOpenApi3() {
        try (App app = TestApps.start(dir, Clock.systemUTC(), Map.of())) {
            ApiClient.Response doc = new ApiClient(app.httpPort(), null).get("/api/openapi.json");
            assertThat(doc.status()).isEqualTo(200);
            assertThat(doc.json().get("openapi").asText()).startsWith("3.0");
            assertThat(problems(doc.body())).isEmpty();
        }
    }

    @Test
    void everyServedRouteIsDocumentedAndEveryDocumentedRouteIsServed() {
        try (App app = TestApps.start(dir, Clock.systemUTC(), Map.of())) {
            JsonNode paths = new ApiClient(app.httpPort(), null)
                    .get("/api/openapi.json")
                    .json()
                    .get("paths");
            Set<String> documented = new TreeSet<>();
            paths.fields()
                    .forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method -> {
                        if (Set.of("get", "post", "put", "patch", "delete").contains(method)) {
                            documented.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
                        }
                    }));
            Set<String> served = new TreeSet<>();
            for (String route : app.httpRoutes()) {
                if (NOT_API.stream()
                        .noneMatch(r -> route.equals(r)
                                || route.substring(route.indexOf(' ') + 1).startsWith(r))) {
                    served.add(asDocumented(route));
                }
            }
            assertThat(served).contains("GET /health", "GET /metrics", "GET /api/backup", "GET /api/appeals/{number}");
            assertThat(documented).isEqualTo(served);
        }
    }

    @Test
    void aBrokenFragmentFailsTheCheck() {
        // An unquoted description with a comma in a flow mapping: YAML reads a stray key.
        String categories = fragment("categories")
                .replace(
                        "description: 'every id exactly once, in the new order'",
                        "description: every id exactly once, in the new order");
        assertThat(categories).isNotEqualTo(fragment("categories"));
        String broken = OpenApiDocument.assemble(name -> name.equals("categories") ? categories : fragment(name));
        assertThat(problems(broken)).isNotEmpty().anyMatch(p -> p.contains("in the new order"));

        String badRef = fragment("tokens").replace("'#/components/schemas/Role'", "'#/components/schemas/Rôle'");
        assertThat(problems(OpenApiDocument.assemble(name -> name.equals("tokens") ? badRef : fragment(name))))
                .anyMatch(p -> p.contains("Rôle"));

        assertThat(problems(OpenApiDocument.assemble(OpenApiTest::fragment))).isEmpty();
    }

    /** What swagger-parser finds wrong with the document, resolving every reference. */
    static List<String> problems(String json) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setValidateInternalRefs(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(json, null, options);
        List<String> problems = new ArrayList<>();
        if (result.getMessages() != null) {
            problems.addAll(result.getMessages());
        }
        if (result.getOpenAPI() == null) {
            problems.add("not an OpenAPI document");
        }
        return problems;
    }

    private static String fragment(String name) {
        try (InputStream in = OpenApiDocument.class.getResourceAsStream("/openapi/" + name + ".yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
