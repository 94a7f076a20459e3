package ua.zvernennia.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Many people reading the public map and statistics: {@code threads} closed loops of HTTP
 * requests, each request as one of {@code clients} addresses (sent as X-Forwarded-For through a
 * trusted proxy, so each has its own rate limit), over a mix of the map's views, the statistics,
 * the status check and the open data. Half of the repeated requests revalidate with the ETag
 * they got before, as browsers do. Counts requests, errors and latency.
 */
final class PublicTraffic implements AutoCloseable {
    record Result(double seconds, long requests, long notModified, long errors, long limited, Histogram latency) {
        double perSecond() {
            return requests / seconds;
        }
    }

    private final List<String> paths;
    private final URI base;
    private final HttpClient http;
    private final List<Thread> threads = new ArrayList<>();
    private final Recorder recorder = new Recorder(3);
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong notModified = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final AtomicLong limited = new AtomicLong();
    private final Map<String, String> etags = new ConcurrentHashMap<>();
    private volatile boolean running = true;
    private long windowStart = System.nanoTime();

    PublicTraffic(URI base, int year, int threadCount, int clients, String lastNumber) {
        this.base = base;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        this.paths = paths(year, lastNumber);
        for (int t = 0; t < threadCount; t++) {
            long seed = t;
            Thread thread = new Thread(() -> loop(new SplittableRandom(seed), clients), "public-reader-" + t);
            thread.setDaemon(true);
            threads.add(thread);
        }
    }

    /** What people open: months and weeks of the map over the city and its streets, the statistics, appeals, open data. */
    static List<String> paths(int year, String lastNumber) {
        var out = new ArrayList<String>();
        String city = "&bbox=48.38,34.90,48.55,35.20";
        for (int m = 1; m <= 12; m++) {
            String month = "period=month&date=" + LocalDate.of(year, m, 15);
            out.add("/public/api/map?" + month + city + "&zoom=12");
            out.add("/public/api/map?" + month + city + "&zoom=13&status=IN_PROGRESS,REGISTERED");
            out.add("/public/api/map?" + month + "&bbox=48.455,35.035,48.475,35.060&zoom=16");
            out.add("/public/api/stats?" + month);
            out.add("/public/api/map?period=week&date=" + LocalDate.of(year, m, 10) + city + "&zoom=13");
        }
        out.add("/public/api/stats?period=custom&from=" + year + "-01-01&to=" + year + "-12-31");
        out.add("/public/api/appeals.geojson?period=month&date=" + year + "-03-01&pageSize=100");
        out.add("/public/api/appeals/" + lastNumber);
        return out;
    }

    void start() {
        threads.forEach(Thread::start);
    }

    private void loop(SplittableRandom random, int clients) {
        while (running) {
            String path = paths.get(random.nextInt(paths.size()));
            String client = "198.51." + (random.nextInt(clients) / 250) + "." + (1 + random.nextInt(clients) % 250);
            var b = HttpRequest.newBuilder(base.resolve(path))
                    .timeout(Duration.ofSeconds(30))
                    .header("X-Forwarded-For", client);
            String etag = etags.get(path);
            if (etag != null && random.nextBoolean()) {
                b.header("If-None-Match", etag);
            }
            long start = System.nanoTime();
            try {
                HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
                recorder.recordValue(Math.max(1, (System.nanoTime() - start) / 1000));
                requests.incrementAndGet();
                if (r.statusCode() == 304) {
                    notModified.incrementAndGet();
                } else if (r.statusCode() == 429) {
                    limited.incrementAndGet();
                } else if (r.statusCode() != 200) {
                    errors.incrementAndGet();
                } else {
                    r.headers().firstValue("ETag").ifPresent(e -> etags.put(path, e));
                }
            } catch (Exception e) {
                if (running) {
                    errors.incrementAndGet();
                }
            }
        }
    }

    /** What was done since the previous call. */
    Result window() {
        long now = System.nanoTime();
        Result r = new Result(
                (now - windowStart) / 1e9,
                requests.getAndSet(0),
                notModified.getAndSet(0),
                errors.getAndSet(0),
                limited.getAndSet(0),
                recorder.getIntervalHistogram());
        windowStart = now;
        return r;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        for (Thread t : threads) {
            t.join(10_000);
        }
    }
}
