package ua.zvernennia.app.geocode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import ua.zvernennia.core.appeal.GeoPoint;

/**
 * A client of a Nominatim-compatible geocoder ({@code /search?format=jsonv2}). It asks only the
 * configured server (redirects are not followed, so the allow-list is that one origin), sends
 * only the typed problem place (never a name, phone or home address), names itself in the
 * User-Agent as Nominatim's usage policy asks, and prefers results within about 30 km of the
 * city's map centre. Thread-safe; the pace of requests is {@link GeocodeWorker}'s.
 */
final class Geocoder {
    /** A failure worth trying again later; {@code retryAfter} when the server said when. */
    static final class Unavailable extends IOException {
        final Duration retryAfter;

        Unavailable(String message, Duration retryAfter) {
            super(message);
            this.retryAfter = retryAfter;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_BODY = 1_000_000;
    private static final double AROUND_DEGREES = 0.3;

    private final URI base;
    private final String userAgent;
    private final GeoPoint centre;
    private final HttpClient http;

    Geocoder(URI base, String userAgent, GeoPoint centre) {
        this.base = base;
        this.userAgent = userAgent;
        this.centre = centre;
        this.http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /** The request for {@code place}: this and nothing else goes to the geocoder. */
    URI request(String place) {
        String viewbox = String.format(
                Locale.ROOT,
                "%.4f,%.4f,%.4f,%.4f",
                centre.longitude() - AROUND_DEGREES,
                centre.latitude() + AROUND_DEGREES,
                centre.longitude() + AROUND_DEGREES,
                centre.latitude() - AROUND_DEGREES);
        return URI.create(base + "/search?format=jsonv2&limit=1&accept-language=uk&viewbox=" + viewbox + "&bounded=1&q="
                + URLEncoder.encode(place, StandardCharsets.UTF_8));
    }

    /** The point of {@code place}, or empty when the geocoder knows none. */
    Optional<GeoPoint> find(String place) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(request(place))
                .timeout(Duration.ofSeconds(10))
                .header("User-Agent", userAgent)
                .header("Accept", "application/json")
                .GET()
                .build();
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = response.body()) {
            int status = response.statusCode();
            if (status == 429 || status == 503) {
                Duration wait = response.headers()
                        .firstValue("Retry-After")
                        .flatMap(Geocoder::seconds)
                        .orElse(null);
                throw new Unavailable("the geocoder answered " + status, wait);
            }
            if (status != 200) {
                throw new Unavailable("the geocoder answered " + status, null);
            }
            byte[] body = in.readNBytes(MAX_BODY + 1);
            if (body.length > MAX_BODY) {
                throw new Unavailable("the geocoder's answer is too long", null);
            }
            JsonNode results = JSON.readTree(body);
            if (!results.isArray()) {
                throw new Unavailable("the geocoder's answer is not a list", null);
            }
            if (results.isEmpty()) {
                return Optional.empty();
            }
            try {
                JsonNode first = results.get(0);
                return Optional.of(new GeoPoint(
                        Double.parseDouble(first.path("lat").asText()),
                        Double.parseDouble(first.path("lon").asText())));
            } catch (IllegalArgumentException e) {
                throw new Unavailable("the geocoder's answer has no usable point", null);
            }
        }
    }

    private static Optional<Duration> seconds(String value) {
        try {
            return Optional.of(Duration.ofSeconds(Math.max(1, Math.min(3600, Long.parseLong(value.strip())))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
