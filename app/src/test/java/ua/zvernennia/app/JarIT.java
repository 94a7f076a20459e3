package ua.zvernennia.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ua.zvernennia.core.testing.Await;

/**
 * The built jar itself ({@code app/target/zvernennia.jar}), started as a city's IT team would:
 * from folders that hold nothing of the repository.
 */
class JarIT {
    private static final Path JAR = Path.of(System.getProperty("zvernennia.jar", "target/zvernennia.jar"))
            .toAbsolutePath();
    private static final Pattern APPEAL_NUMBER = Pattern.compile("№ (\\d{4}-\\d{6})");

    @TempDir
    Path dir;

    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void stopAll() throws InterruptedException {
        for (Process p : started) {
            p.destroy();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }

    @Test
    void fromAnEmptyFolderTheDemoFilesAnAppealAndPrintsTheConsoleAndAToken() throws Exception {
        Path empty = Files.createDirectory(dir.resolve("empty"));
        Process app = start(empty, Map.of("HTTP_PORT", "0", "DEMO", "on"), "app.log");
        Output out = Output.of(app.getInputStream());
        Writer in = new OutputStreamWriter(app.getOutputStream(), StandardCharsets.UTF_8);

        String console = out.await(Pattern.compile("Консоль операторів: (http://localhost:\\d+/console/login)"))
                .group(1);
        String token = out.await(Pattern.compile("Токен адміністратора на цей запуск: ([A-Za-z0-9_-]{43})"))
                .group(1);
        int port = Integer.parseInt(console.replaceAll(".*:(\\d+)/.*", "$1"));
        out.await(Pattern.compile("Погоджуюсь"));
        // The demo reads one line at a time and answers it before reading the next.
        for (String typed : List.of(
                "✅ Погоджуюсь",
                "📝 Нове звернення",
                "🛗 Ліфти",
                "Ліфт не працює",
                "Ліфт стоїть з ранку, підʼїзд 2",
                "⏭ Пропустити",
                "вул. Робоча, 7",
                "Олена Коваленко",
                "вул. Робоча, 7, кв. 1",
                "050 123 45 67",
                "✅ Підтвердити")) {
            in.write(typed + "\n");
        }
        in.flush();
        String number = out.await(APPEAL_NUMBER).group(1);

        ApiClient api = new ApiClient(port, token);
        JsonNode categories = api.get("/api/categories").json();
        assertThat(categories).as("all directions of the menu in the jar").hasSize(19);
        JsonNode appeals = api.get("/api/appeals").json();
        assertThat(appeals.get("total").asInt()).isEqualTo(1);
        assertThat(appeals.get("items").get(0).get("number").asText()).isEqualTo(number);

        ApiClient.Response start = api.as(null).get("/");
        assertThat(start.status()).isEqualTo(200);
        assertThat(start.body()).contains("lang=\"uk\"", "href=\"/console/login\"");
        assertThat(api.as(null).get("/console/login").status()).isEqualTo(200);

        assertThat(api.as(null).get("/metrics").status()).isEqualTo(401);
        ApiClient.Response metrics = api.get("/metrics");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body())
                .contains(
                        "zvernennia_updates_received_total{channel=\"console\"} 12",
                        "zvernennia_appeals{status=\"registered\"} 1.0",
                        "jvm_memory_used_bytes");

        app.destroy();
        assertThat(app.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String log = Files.readString(empty.resolve("app.log"));
        assertThat(log)
                .contains("the default menu in the jar", "access - GET /api/appeals 200")
                .doesNotContain(token, "Коваленко", "ERROR");
    }

    @Test
    void generateFillsANewDatabaseFromAnEmptyFolder() throws Exception {
        Path empty = Files.createDirectory(dir.resolve("empty"));
        Process generate = start(empty, Map.of(), "generate.log", "generate", "--appeals", "500", "--year", "2025");
        String out = new String(generate.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(generate.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(generate.exitValue()).as(out).isZero();
        assertThat(out).contains("writing 500 appeals of 2025", "done in");
    }

    @Test
    void h2BackupOfARunningAppRestoresIntoAFreshFolder() throws Exception {
        backUpRestoreAndCompare(Map.of(), "data");
    }

    @Test
    void sqliteBackupOfARunningAppRestoresIntoAFreshFolder() throws Exception {
        backUpRestoreAndCompare(Map.of("DB_URL", "jdbc:sqlite:data/zvernennia.sqlite"), "data");
    }

    /** Files appeals into a running app, backs it up, restores as the README says, and finds them. */
    private void backUpRestoreAndCompare(Map<String, String> db, String dataDir) throws Exception {
        Path first =
                Files.createDirectories(dir.resolve("first").resolve(dataDir)).getParent();
        Path backups = dir.resolve("backups");
        int port = freePort();
        var env = new HashMap<>(db);
        env.putAll(Map.of(
                "HTTP_HOST",
                "127.0.0.1",
                "HTTP_PORT",
                Integer.toString(port),
                "DEMO",
                "off",
                "ADMIN_TOKEN",
                "backup-test-admin-token-thirty-two-chars"));
        Process app = start(first, env, "app.log");
        ApiClient api = new ApiClient(port, "backup-test-admin-token-thirty-two-chars");
        awaitHealthy(api, app);
        List<String> numbers = new ArrayList<>();
        for (String place : List.of("вул. Шкільна, 3", "просп. Миру, 10")) {
            ApiClient.Response created = api.post("/api/appeals", """
                    {"channel": "PHONE", "category": "roads", "description": "Яма на дорозі", "placeAddress": "%s",
                     "firstName": "Петро", "lastName": "Мельник", "address": "вул. Нова, 7, кв. 1", "phone": "067 765 43 21"}""".formatted(place));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            numbers.add(created.json().get("number").asText());
        }

        Process backup = start(first, env, "backup.log", "backup", backups.toString());
        String said = new String(backup.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(backup.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(backup.exitValue()).as(said).isZero();
        assertThat(said).contains("backup written");
        List<Path> files;
        try (Stream<Path> list = Files.list(backups)) {
            files = list.toList();
        }
        assertThat(files).hasSize(1);
        Path file = files.get(0);

        // After the backup the running app goes on: an appeal filed now is not in it.
        assertThat(api.post("/api/appeals", """
                {"channel": "EMAIL", "category": "roads", "description": "Яма після копії", "placeAddress": "вул. Шкільна, 5",
                 "firstName": "Петро", "lastName": "Мельник", "address": "вул. Нова, 7", "phone": "067 765 43 21"}""").status()).isEqualTo(201);
        app.destroy();
        assertThat(app.waitFor(30, TimeUnit.SECONDS)).isTrue();

        Path fresh = Files.createDirectories(dir.resolve("fresh").resolve(dataDir));
        if (file.getFileName().toString().endsWith(".h2.zip")) {
            unzip(file, fresh);
            assertThat(fresh.resolve("zvernennia.mv.db")).exists();
        } else {
            assertThat(file.getFileName().toString()).endsWith(".sqlite");
            Files.copy(file, fresh.resolve("zvernennia.sqlite"));
        }
        Process restored = start(fresh.getParent(), env, "restored.log");
        awaitHealthy(api, restored);
        JsonNode appeals = api.get("/api/appeals").json();
        List<String> found = new ArrayList<>();
        appeals.get("items").forEach(a -> found.add(a.get("number").asText()));
        assertThat(found).containsExactlyInAnyOrderElementsOf(numbers);
        assertThat(api.get("/api/appeals/" + numbers.get(0))
                        .json()
                        .get("location")
                        .get("address")
                        .asText())
                .isEqualTo("вул. Шкільна, 3");
    }

    private Process start(Path workDir, Map<String, String> env, String log, String... args) throws IOException {
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectError(workDir.resolve(log).toFile());
        for (String name : List.copyOf(pb.environment().keySet())) {
            if (name.matches(
                    "DB_.*|HTTP_.*|ADMIN_TOKEN|METRICS_TOKEN|TELEGRAM_.*|VIBER_.*|CATEGORIES_FILE|DEMO|STAFF_.*")) {
                pb.environment().remove(name);
            }
        }
        // The demo writes Ukrainian to standard output, in the locale's encoding.
        pb.environment().put("LC_ALL", "C.UTF-8");
        pb.environment().putAll(env);
        Process p = pb.start();
        started.add(p);
        return p;
    }

    private static void awaitHealthy(ApiClient api, Process app) {
        Await.until("the app to answer /health", () -> {
            assertThat(app.isAlive()).as("the app is running").isTrue();
            try {
                return api.get("/health").status() == 200;
            } catch (AssertionError e) {
                if (!(e.getCause() instanceof java.net.ConnectException)) {
                    throw e;
                }
                return false; // not listening yet
            }
        });
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void unzip(Path zip, Path into) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                Path target = into.resolve(e.getName()).normalize();
                assertThat(target.startsWith(into)).as(e.getName()).isTrue();
                Files.createDirectories(target.getParent());
                Files.copy(in, target);
            }
        }
    }

    /** What a process prints, read as it comes. */
    static final class Output {
        private final StringBuffer text = new StringBuffer();

        static Output of(InputStream stream) {
            Output o = new Output();
            Thread reader = new Thread(
                    () -> {
                        try (var r = new java.io.InputStreamReader(stream, StandardCharsets.UTF_8)) {
                            char[] buf = new char[4096];
                            for (int n; (n = r.read(buf)) >= 0; ) {
                                o.text.append(buf, 0, n);
                            }
                        } catch (IOException ignored) {
                            // the process ended
                        }
                    },
                    "jar-output");
            reader.setDaemon(true);
            reader.start();
            return o;
        }

        Matcher await(Pattern pattern) {
            Await.until(
                    "the output to show " + pattern, () -> pattern.matcher(text).find());
            Matcher m = pattern.matcher(text);
            m.find();
            return m;
        }
    }
}
