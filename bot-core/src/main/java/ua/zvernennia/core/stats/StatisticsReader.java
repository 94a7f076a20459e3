package ua.zvernennia.core.stats;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import ua.zvernennia.core.appeal.AppealStatus;
import ua.zvernennia.core.chat.Channel;

/**
 * Computes {@link Statistics} from a {@link StatisticsSource}. Its three reads are independent
 * scans of the range, so they run side by side: on a year of a large city each takes seconds.
 * Thread-safe.
 */
public final class StatisticsReader {
    /**
     * Channels in the order the city reports them; the terminal demo only when it has appeals.
     */
    public static final List<Channel> CHANNEL_ORDER = List.of(
            Channel.GOV_HOTLINE,
            Channel.HOTLINE,
            Channel.PHONE,
            Channel.EMAIL,
            Channel.TELEGRAM,
            Channel.VIBER,
            Channel.IN_PERSON,
            Channel.CONSOLE);

    /** The channels every breakdown shows, with zeros: the ones the city's report names. */
    private static final List<Channel> REPORTED = CHANNEL_ORDER.subList(0, 7);

    /** Threads for the reads; idle ones end after a minute. */
    private static final Executor READS = Executors.newCachedThreadPool(new ThreadFactory() {
        private final AtomicInteger n = new AtomicInteger();

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, "statistics-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        }
    });

    private final StatisticsSource source;
    private final Clock clock;

    public StatisticsReader(StatisticsSource source, Clock clock) {
        this.source = source;
        this.clock = clock;
    }

    public Statistics read(DateRange range, GroupBy groupBy) {
        // The database keeps milliseconds.
        Instant asOf = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Instant from = range.start();
        Instant until = range.end();
        var daysRead = CompletableFuture.supplyAsync(() -> source.days(from, until, range.zone(), asOf), READS);
        var minutesRead = CompletableFuture.supplyAsync(() -> source.resolutionMinutes(from, until), READS);
        List<StatisticsSource.Count> counts = source.counts(from, until, asOf);
        long total = counts.stream().mapToLong(StatisticsSource.Count::appeals).sum();
        return new Statistics(
                range,
                groupBy,
                asOf,
                total,
                byChannel(counts),
                byCategory(counts),
                byStatus(counts),
                deadlines(counts, total),
                resolution(join(minutesRead)),
                byExecutor(counts),
                periods(range, groupBy, join(daysRead)));
    }

    private static <T> T join(CompletableFuture<T> read) {
        try {
            return read.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    private static List<Statistics.ChannelShare> byChannel(List<StatisticsSource.Count> counts) {
        var byChannel = new EnumMap<Channel, Long>(Channel.class);
        for (Channel c : CHANNEL_ORDER) {
            byChannel.put(c, 0L);
        }
        counts.forEach(c -> byChannel.merge(c.channel(), c.appeals(), Long::sum));
        List<Channel> shown = new ArrayList<>(CHANNEL_ORDER);
        for (Channel c : Channel.values()) {
            if (!shown.contains(c)) {
                shown.add(c);
            }
        }
        shown.removeIf(c -> byChannel.getOrDefault(c, 0L) == 0 && !REPORTED.contains(c));
        List<BigDecimal> percents = Percentages.of(
                shown.stream().map(c -> byChannel.getOrDefault(c, 0L)).toList());
        var out = new ArrayList<Statistics.ChannelShare>();
        for (int i = 0; i < shown.size(); i++) {
            out.add(new Statistics.ChannelShare(
                    shown.get(i), byChannel.getOrDefault(shown.get(i), 0L), percents.get(i)));
        }
        return out;
    }

    private static List<Statistics.CategoryShare> byCategory(List<StatisticsSource.Count> counts) {
        var count = new LinkedHashMap<String, Long>();
        var names = new LinkedHashMap<String, String>();
        for (StatisticsSource.Count c : counts) {
            count.merge(c.categoryId(), c.appeals(), Long::sum);
            names.putIfAbsent(c.categoryId(), c.categoryName());
        }
        List<String> ids = new ArrayList<>(count.keySet());
        // Most appeals first; equal counts by name, so that the order does not depend on the database.
        ids.sort(Comparator.<String>comparingLong(count::get)
                .reversed()
                .thenComparing(names::get)
                .thenComparing(id -> id));
        List<BigDecimal> percents = Percentages.of(ids.stream().map(count::get).toList());
        var out = new ArrayList<Statistics.CategoryShare>();
        for (int i = 0; i < ids.size(); i++) {
            out.add(new Statistics.CategoryShare(
                    ids.get(i), names.get(ids.get(i)), count.get(ids.get(i)), percents.get(i)));
        }
        return out;
    }

    private static List<Statistics.StatusShare> byStatus(List<StatisticsSource.Count> counts) {
        var byStatus = new EnumMap<AppealStatus, Long>(AppealStatus.class);
        for (AppealStatus s : AppealStatus.values()) {
            byStatus.put(s, 0L);
        }
        counts.forEach(c -> byStatus.merge(c.status(), c.appeals(), Long::sum));
        List<AppealStatus> statuses = List.of(AppealStatus.values());
        List<BigDecimal> percents =
                Percentages.of(statuses.stream().map(byStatus::get).toList());
        var out = new ArrayList<Statistics.StatusShare>();
        for (int i = 0; i < statuses.size(); i++) {
            out.add(new Statistics.StatusShare(statuses.get(i), byStatus.get(statuses.get(i)), percents.get(i)));
        }
        return out;
    }

    private static Statistics.Deadlines deadlines(List<StatisticsSource.Count> counts, long total) {
        long overdue = 0;
        long openOverdue = 0;
        long onTime = 0;
        long pastLegal = 0;
        long resolved = 0;
        for (StatisticsSource.Count c : counts) {
            overdue += c.overdue();
            if (!c.status().isClosed()) {
                openOverdue += c.overdue();
            }
            onTime += c.resolvedOnTime();
            pastLegal += c.pastLegalDeadline();
            if (c.status() == AppealStatus.RESOLVED) {
                resolved += c.appeals();
            }
        }
        return new Statistics.Deadlines(
                overdue,
                openOverdue,
                overdue - openOverdue,
                onTime,
                pastLegal,
                Percentages.ratio(overdue, total),
                Percentages.ratio(onTime, resolved));
    }

    static Statistics.Resolution resolution(NavigableMap<Long, Long> minutes) {
        long n = minutes.values().stream().mapToLong(Long::longValue).sum();
        if (n == 0) {
            return new Statistics.Resolution(0, null, null, null, null);
        }
        Long median = nearestRank(minutes, n, 50);
        Long p90 = nearestRank(minutes, n, 90);
        return new Statistics.Resolution(n, median, p90, hours(median), hours(p90));
    }

    /** The smallest value with at least {@code percent}% of the values at or below it. */
    static long nearestRank(NavigableMap<Long, Long> histogram, long n, int percent) {
        long rank = Math.max(1, (n * percent + 99) / 100);
        long seen = 0;
        for (Map.Entry<Long, Long> e : histogram.entrySet()) {
            seen += e.getValue();
            if (seen >= rank) {
                return e.getKey();
            }
        }
        return histogram.lastKey();
    }

    private static BigDecimal hours(long minutes) {
        return BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(60), 1, RoundingMode.HALF_UP);
    }

    private static List<Statistics.ExecutorFigures> byExecutor(List<StatisticsSource.Count> counts) {
        var figures = new TreeMap<String, long[]>();
        for (StatisticsSource.Count c : counts) {
            long[] f = figures.computeIfAbsent(c.executor(), k -> new long[3]);
            f[0] += c.appeals();
            if (c.status() == AppealStatus.RESOLVED) {
                f[1] += c.appeals();
            }
            f[2] += c.resolvedOnTime();
        }
        var out = new ArrayList<Statistics.ExecutorFigures>();
        figures.forEach((executor, f) ->
                out.add(new Statistics.ExecutorFigures(executor, f[0], f[1], f[2], Percentages.ratio(f[2], f[1]))));
        out.sort(Comparator.comparingLong(Statistics.ExecutorFigures::received)
                .reversed()
                .thenComparing(Statistics.ExecutorFigures::executor));
        return out;
    }

    private static List<Statistics.PeriodFigures> periods(
            DateRange range, GroupBy groupBy, List<StatisticsSource.Day> days) {
        var out = new ArrayList<Statistics.PeriodFigures>();
        for (DateRange.Period p : range.periods(groupBy)) {
            long total = 0;
            long resolved = 0;
            long onTime = 0;
            long overdue = 0;
            for (StatisticsSource.Day d : days) {
                if (p.contains(d.day())) {
                    total += d.appeals();
                    resolved += d.resolved();
                    onTime += d.resolvedOnTime();
                    overdue += d.overdue();
                }
            }
            out.add(new Statistics.PeriodFigures(p.first(), p.last(), total, resolved, onTime, overdue));
        }
        return out;
    }
}
