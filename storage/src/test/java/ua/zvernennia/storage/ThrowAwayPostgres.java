package ua.zvernennia.storage;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL server of the test's own, to be stopped and started again: from the binaries in
 * the folder named by env {@code ZV_TEST_PG_BIN} (.ci/run sets it), on a free port, run as the
 * {@code postgres} user when the test runs as root (PostgreSQL refuses root).
 */
final class ThrowAwayPostgres implements AutoCloseable {
    static final String BIN_ENV = "ZV_TEST_PG_BIN";

    private final Path bin;
    private final Path dir;
    private final int port;
    private final boolean root;

    private ThrowAwayPostgres(Path bin, Path dir, int port, boolean root) {
        this.bin = bin;
        this.dir = dir;
        this.port = port;
        this.root = root;
    }

    /** The binaries' folder, when it is there. */
    static Path binaries() {
        String env = System.getenv(BIN_ENV);
        return env == null || env.isBlank() || !Files.isExecutable(Path.of(env, "initdb")) ? null : Path.of(env);
    }

    static ThrowAwayPostgres start(Path bin) throws IOException, InterruptedException {
        boolean root = "root".equals(System.getProperty("user.name"));
        Path dir = Files.createTempDirectory("zv-pg-");
        if (root) {
            run(List.of("chown", "postgres", dir.toString()), false);
        }
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        ThrowAwayPostgres pg = new ThrowAwayPostgres(bin, dir, port, root);
        pg.asPostgres(List.of(
                bin.resolve("initdb").toString(), "-D", dir.resolve("data").toString(), "-A", "trust", "-U", "zv"));
        pg.startServer();
        return pg;
    }

    String url() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=zv&connectTimeout=5&socketTimeout=30";
    }

    void startServer() throws IOException, InterruptedException {
        asPostgres(List.of(
                bin.resolve("pg_ctl").toString(),
                "-D",
                dir.resolve("data").toString(),
                "-l",
                dir.resolve("log").toString(),
                "-w",
                "-o",
                "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1",
                "start"));
    }

    /** Stops the server at once, as a crash or a pulled cable would: sessions are cut. */
    void stopServer() throws IOException, InterruptedException {
        asPostgres(List.of(
                bin.resolve("pg_ctl").toString(),
                "-D",
                dir.resolve("data").toString(),
                "-m",
                "immediate",
                "-w",
                "stop"));
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            stopServer();
        } catch (IOException ignored) {
            // Already stopped.
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private void asPostgres(List<String> command) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (root) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        run(full, true);
    }

    private static void run(List<String> command, boolean quiet) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + out);
        }
    }
}
