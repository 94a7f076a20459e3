package ua.zvernennia.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/** The process's memory as the JVM and the kernel see it. */
record Memory(long heapUsed, long heapCommitted, long heapMax, long rss, long rssPeak) {

    static Memory now() {
        var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        return new Memory(heap.getUsed(), heap.getCommitted(), heap.getMax(), status("VmRSS"), status("VmHWM"));
    }

    /** After a full collection: what is live, not what waits to be collected. */
    static Memory afterGc() {
        System.gc();
        System.gc();
        return now();
    }

    /** A field of /proc/self/status in bytes; -1 where there is no /proc. */
    private static long status(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.substring(field.length() + 1)
                                    .replace("kB", "")
                                    .strip())
                            * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    static String mb(long bytes) {
        return bytes < 0 ? "?" : String.format("%.0f MB", bytes / 1048576.0);
    }
}
