package ua.zvernennia.storage;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A small tmpfs mounted for a test, to be filled up: only root may mount, as on CI. Without root
 * the test is skipped, but under CI (env {@code CI}) it fails instead.
 */
public final class SmallDisk implements AutoCloseable {
    private final Path mountPoint;
    private final Path filler;

    private SmallDisk(Path mountPoint) {
        this.mountPoint = mountPoint;
        this.filler = mountPoint.resolve("filler");
    }

    /** True when this process may mount a tmpfs (it runs as root). */
    public static boolean canMount() {
        return "root".equals(System.getProperty("user.name"));
    }

    public static SmallDisk mount(Path dir, String size) throws IOException, InterruptedException {
        Path mountPoint = Files.createDirectories(dir.resolve("disk"));
        run(List.of("mount", "-t", "tmpfs", "-o", "size=" + size, "zv-small-disk", mountPoint.toString()));
        return new SmallDisk(mountPoint);
    }

    public Path path() {
        return mountPoint;
    }

    /** Writes a file until the disk has no room left. */
    public void fill() throws IOException {
        byte[] block = new byte[4096];
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(block);
            }
        } catch (IOException e) {
            if (!String.valueOf(e.getMessage()).contains("No space left")) {
                throw e;
            }
        }
    }

    /** Gives the disk its room back. */
    public void free() throws IOException {
        Files.deleteIfExists(filler);
    }

    @Override
    public void close() throws IOException, InterruptedException {
        run(List.of("umount", "-l", mountPoint.toString()));
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + out);
        }
    }
}
