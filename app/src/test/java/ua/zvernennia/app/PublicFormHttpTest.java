package ua.zvernennia.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The public web form's defences over plain HTTP: the honeypot, the per-client limit, the served map. */
class PublicFormHttpTest {
    static final String ADMIN = "public-form-http-admin-token-0123456";

    @TempDir
    Path dir;

    App app;
    final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void aFilledHoneypotIsTurnedAwayAndEachClientHasItsHourlyLimit() throws Exception {
        app = TestApps.start(dir, Clock.systemUTC(), Map.of("ADMIN_TOKEN", ADMIN, "PUBLIC_FORM_PER_HOUR", "2"));
        ApiClient api = new ApiClient(app.httpPort(), ADMIN);

        Map<String, String> bot = form();
        bot.put("website", "http://spam.example");
        HttpResponse<String> refused = post(bot);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Звернення не вдалося надіслати");
        assertThat(api.get("/api/appeals?channel=WEB").json().get("total").asInt())
                .isZero();

        Map<String, String> noConsent = form();
        noConsent.remove("consent");
        assertThat(post(noConsent).statusCode()).isEqualTo(400);
        assertThat(post(form()).statusCode()).isEqualTo(201);
        HttpResponse<String> second = post(form());
        assertThat(second.statusCode()).isEqualTo(201);
        assertThat(second.body()).contains("Звернення зареєстровано").containsPattern("№ \\d{4}-\\d{6}");
        HttpResponse<String> third = post(form());
        assertThat(third.statusCode()).isEqualTo(429);
        assertThat(third.body()).contains("Забагато звернень");
        assertThat(api.get("/api/appeals?channel=WEB").json().get("total").asInt())
                .isEqualTo(2);
    }

    @Test
    void aBodyThatIsNotAWellFormedFormIsTurnedAwaySayingSoAndNothingIsRegistered() throws Exception {
        app = TestApps.start(dir, Clock.systemUTC(), Map.of("ADMIN_TOKEN", ADMIN));
        ApiClient api = new ApiClient(app.httpPort(), ADMIN);
        String broken = "--b0undary\r\nContent-Disposition: form-data; name=\"description\"\r\n\r\nЯма на дорозі"
                + "\r\n--b0undary\r\nContent-Disposition: form-data; name=\"photos\"; filename=\"a.jpg\"\r\n";
        HttpResponse<String> answer = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.httpPort() + "/public/new"))
                        .header("Content-Type", "multipart/form-data; boundary=b0undary")
                        .POST(HttpRequest.BodyPublishers.ofString(broken))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("Форму не вдалося прочитати");
        assertThat(api.get("/api/appeals?channel=WEB").json().get("total").asInt())
                .isZero();
    }

    @Test
    void theFormAndItsMapComeFromTheAppItself() throws Exception {
        app = TestApps.start(dir, Clock.systemUTC(), Map.of());
        HttpResponse<String> page = get("/public/new");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("script-src 'self'")
                .contains("img-src 'self' data: blob: https://tile.openstreetmap.org");
        assertThat(page.body())
                .contains("data-tiles=\"https://tile.openstreetmap.org/{z}/{x}/{y}.png\"")
                .contains("OpenStreetMap")
                .contains("/public/static/leaflet/leaflet.js");
        for (String file : new String[] {
            "leaflet/leaflet.js", "leaflet/leaflet.css", "leaflet/images/marker-icon.png", "public.js", "public.css"
        }) {
            assertThat(get("/public/static/" + file).statusCode()).as(file).isEqualTo(200);
        }
    }

    static Map<String, String> form() {
        var form = new LinkedHashMap<String, String>();
        form.put("service", "roads");
        form.put("description", "Глибока яма на перехресті");
        form.put("place_address", "вул. Незалежності, 40");
        form.put("first_name", "Олена");
        form.put("last_name", "Коваленко");
        form.put("address", "вул. Шевченка, 5, кв. 12");
        form.put("phone", "050 123 45 67");
        form.put("consent", "yes");
        form.put("website", "");
        return form;
    }

    HttpResponse<String> post(Map<String, String> form) throws Exception {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.httpPort() + "/public/new"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.httpPort() + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
