package ua.zvernennia.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where the process's CPU time goes during a run: CPU time by thread (threads of one pool counted
 * together) and the rest of the process (garbage collection, the JIT compiler), per update.
 */
final class CpuProfile {
    static final String OTHER = "GC, JIT and other JVM threads";

    private final Map<String, Long> threads;
    private final long process;

    private CpuProfile(Map<String, Long> threads, long process) {
        this.threads = threads;
        this.process = process;
    }

    static CpuProfile now() {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Map<String, Long> byPool = new HashMap<>();
        for (long id : mx.getAllThreadIds()) {
            ThreadInfo info = mx.getThreadInfo(id);
            long cpu = mx.getThreadCpuTime(id);
            if (info != null && cpu > 0) {
                byPool.merge(pool(info.getThreadName()), cpu, Long::sum);
            }
        }
        long process =
                ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                        ? os.getProcessCpuTime()
                        : -1;
        return new CpuProfile(byPool, process);
    }

    /** Thread names without their numbers, so that a pool's threads add up. */
    static String pool(String threadName) {
        if (threadName.startsWith("OkHttp http")) {
            // OkHttp names a thread after the call it runs: here only the load generator's posts.
            return "webhook posts (load generator)";
        }
        return threadName.replaceAll("[0-9]+", "#").replaceAll(" /.*", "");
    }

    /**
     * Microseconds of CPU per update since {@code before}, largest first; pools under 1% of the
     * total are left out. Threads that ended between the two count in the rest of the process.
     */
    Map<String, Double> microsPerUpdateSince(CpuProfile before, long updates) {
        Map<String, Long> spent = new HashMap<>();
        long threadsTotal = 0;
        for (var e : threads.entrySet()) {
            long d = e.getValue() - before.threads.getOrDefault(e.getKey(), 0L);
            if (d > 0) {
                spent.put(e.getKey(), d);
                threadsTotal += d;
            }
        }
        long total = threadsTotal;
        if (process > 0 && before.process > 0) {
            long rest = (process - before.process) - threadsTotal;
            if (rest > 0) {
                spent.put(OTHER, rest);
                total += rest;
            }
        }
        long threshold = total / 100;
        var out = new LinkedHashMap<String, Double>();
        spent.entrySet().stream()
                .filter(e -> e.getValue() >= threshold)
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
                .forEach(e -> out.put(e.getKey(), Bench.round(e.getValue() / 1e3 / Math.max(1, updates), 1)));
        out.put("total", Bench.round(total / 1e3 / Math.max(1, updates), 1));
        return out;
    }
}
