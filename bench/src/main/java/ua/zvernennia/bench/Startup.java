package ua.zvernennia.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Start-up time as an operator sees it: from launching {@code java -jar zvernennia.jar} to the
 * first 200 from {@code /health}; first on a new database (migrations run), then on that one again.
 */
final class Startup {
    private Startup() {}

    static Optional<Map<String, Object>> measure(Path appJar, Path dir, Path categories)
            throws IOException, InterruptedException {
        if (!Files.isRegularFile(appJar)) {
            Bench.log("no app jar at %s: start-up not measured (build it, or pass --app-jar)", appJar);
            return Optional.empty();
        }
        Path data = dir.resolve("startup");
        Bench.deleteTree(data);
        Files.createDirectories(data);
        List<Double> seconds = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            // The default database (config/application.conf).
            seconds.add(once(appJar, "jdbc:sqlite:" + data.toAbsolutePath().resolve("zvernennia.sqlite"), categories));
        }
        var out = new LinkedHashMap<String, Object>();
        out.put("newDatabaseSeconds", seconds.get(0));
        out.put("existingDatabaseSeconds", seconds.subList(1, seconds.size()));
        Bench.log("start-up to /health 200: %s", out);
        return Optional.of(out);
    }

    private static double once(Path appJar, String dbUrl, Path categories) throws IOException, InterruptedException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(
                        java, "-jar", appJar.toAbsolutePath().toString(), "no-such-config.conf")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("HTTP_PORT", String.valueOf(port));
        pb.environment().put("DB_URL", dbUrl);
        pb.environment().put("DEMO", "off");
        pb.environment().put("CATEGORIES_FILE", categories.toAbsolutePath().toString());
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofMillis(200)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                .timeout(Duration.ofSeconds(1))
                .build();
        long start = System.nanoTime();
        Process p = pb.start();
        try {
            while (System.nanoTime() - start < 60e9) {
                try {
                    if (http.send(health, HttpResponse.BodyHandlers.discarding())
                                    .statusCode()
                            == 200) {
                        return Bench.round((System.nanoTime() - start) / 1e9, 2);
                    }
                } catch (IOException e) {
                    // not listening yet
                }
                if (!p.isAlive()) {
                    throw new IllegalStateException(
                            "the app exited with " + p.exitValue() + " before /health answered");
                }
                Thread.sleep(10);
            }
            throw new IllegalStateException("/health did not answer 200 within a minute");
        } finally {
            p.destroy();
            p.waitFor();
        }
    }
}
