package ua.zvernennia.app;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import ua.zvernennia.app.api.PhotoSource;

/**
 * Downloads photos that Viber keeps at media URLs (the URL is the photo's reference in the
 * appeal). Thread-safe.
 */
final class MediaDownload implements PhotoSource {
    static final long MAX_BYTES = 20L * 1024 * 1024;

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();

    @Override
    public byte[] fetch(String url) throws IOException {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IOException("the photo reference is not a URL");
        }
        if (!"https".equalsIgnoreCase(uri.getScheme()) && !"http".equalsIgnoreCase(uri.getScheme())) {
            throw new IOException("the photo reference is not an http(s) URL");
        }
        HttpResponse<InputStream> response;
        try {
            response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        } catch (IOException e) {
            // Media URLs carry signatures; the message names only the kind of failure.
            throw new IOException("download failed: " + e.getClass().getSimpleName());
        }
        try (InputStream in = response.body()) {
            if (response.statusCode() != 200) {
                throw new IOException("the media server answered " + response.statusCode() + " (Viber keeps media for a limited time)");
            }
            byte[] bytes = in.readNBytes((int) MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new IOException("the photo is over " + MAX_BYTES + " bytes");
            }
            return bytes;
        }
    }
}
