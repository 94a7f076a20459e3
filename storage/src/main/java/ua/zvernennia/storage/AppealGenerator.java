package ua.zvernennia.storage;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.LongConsumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import ua.zvernennia.core.appeal.AppealStatus;
import ua.zvernennia.core.appeal.GeoPoint;
import ua.zvernennia.core.category.Category;
import ua.zvernennia.core.chat.Channel;

/**
 * Writes a synthetic year of appeals for load and statistics checks, with exact, known
 * proportions: of {@code n} appeals, each channel, category and status gets its share of the
 * weights below rounded by the largest remainder, and {@link #LATE_PER_MILLE} of the closed ones
 * were closed after their deadline. Which appeal gets what is shuffled with a seed, so a plan
 * always writes the same data. Filing times are spread evenly over the year in the city's zone.
 *
 * <p>Runs offline (the app stopped): it writes with Jdbi directly, a batch per transaction, and
 * advances the year's number counter past what it wrote. Deadline marks are set as the deadline
 * control would have set them, so that a started app does not announce a year of history.
 */
public final class AppealGenerator {
    /** Channel shares, per mille: the city hotline takes most, as 1551 does in Kyiv. */
    public static final Map<Channel, Integer> CHANNEL_PER_MILLE = weights(Map.of(
            Channel.HOTLINE,
            400,
            Channel.GOV_HOTLINE,
            150,
            Channel.TELEGRAM,
            150,
            Channel.PHONE,
            100,
            Channel.VIBER,
            100,
            Channel.EMAIL,
            50,
            Channel.IN_PERSON,
            50));
    /** Status shares, per mille. */
    public static final Map<AppealStatus, Integer> STATUS_PER_MILLE = weights(Map.of(
            AppealStatus.RESOLVED,
            780,
            AppealStatus.REJECTED,
            40,
            AppealStatus.WITHDRAWN,
            30,
            AppealStatus.IN_PROGRESS,
            70,
            AppealStatus.NEEDS_INFO,
            30,
            AppealStatus.REGISTERED,
            50));
    /** Of the closed appeals, closed after their deadline, per mille. */
    public static final int LATE_PER_MILLE = 150;

    private static final int BATCH = 5_000;

    /**
     * @param appeals           how many
     * @param year              a year that is over in the city's zone
     * @param seed              for the shuffles and the times
     * @param legalDeadlineDays the legal limit given to each appeal
     */
    public record Plan(int appeals, int year, long seed, ZoneId zone, int legalDeadlineDays, GeoPoint mapCentre) {
        /** Appeals without points on the map. */
        public Plan(int appeals, int year, long seed, ZoneId zone, int legalDeadlineDays) {
            this(appeals, year, seed, zone, legalDeadlineDays, null);
        }

        /** The same plan with each appeal at a point scattered around {@code centre} (about 5 km either way). */
        public Plan withPointsAround(GeoPoint centre) {
            return new Plan(appeals, year, seed, zone, legalDeadlineDays, centre);
        }

        public Plan {
            Objects.requireNonNull(zone, "zone");
            if (appeals < 1 || appeals > 20_000_000) {
                throw new IllegalArgumentException("appeals must be 1..20000000");
            }
            if (legalDeadlineDays < 1 || legalDeadlineDays > 45) {
                throw new IllegalArgumentException("legalDeadlineDays must be 1..45");
            }
        }
    }

    /** What was written, counted as it was written. */
    public record Result(
            long appeals,
            Map<Channel, Long> byChannel,
            Map<String, Long> byCategory,
            Map<AppealStatus, Long> byStatus,
            long closedLate,
            Duration took) {}

    private AppealGenerator() {}

    /**
     * Categories are weighted by their place in the menu: the first of {@code k} gets weight
     * {@code k}, the last weight 1.
     *
     * @param now      the present: the year must be over by then
     * @param progress told the number written after each batch
     */
    public static Result generate(
            Database database, List<Category> categories, Plan plan, Instant now, LongConsumer progress) {
        if (categories.isEmpty()) {
            throw new IllegalArgumentException("no categories to file appeals under");
        }
        Instant yearStart =
                LocalDate.of(plan.year(), 1, 1).atStartOfDay(plan.zone()).toInstant();
        Instant yearEnd =
                LocalDate.of(plan.year() + 1, 1, 1).atStartOfDay(plan.zone()).toInstant();
        if (yearEnd.isAfter(now)) {
            throw new IllegalArgumentException("the year " + plan.year() + " is not over yet; generate a past year");
        }
        long started = System.nanoTime();
        int n = plan.appeals();
        SplittableRandom random = new SplittableRandom(plan.seed());

        List<Channel> channels = List.copyOf(CHANNEL_PER_MILLE.keySet());
        int[] channelOf = shuffled(
                allocate(
                        n,
                        CHANNEL_PER_MILLE.values().stream()
                                .mapToLong(Integer::longValue)
                                .toArray()),
                random);
        long[] categoryWeights = new long[categories.size()];
        for (int i = 0; i < categories.size(); i++) {
            categoryWeights[i] = categories.size() - i;
        }
        int[] categoryOf = shuffled(allocate(n, categoryWeights), random);
        List<AppealStatus> statuses = List.copyOf(STATUS_PER_MILLE.keySet());
        int[] statusOf = shuffled(
                allocate(
                        n,
                        STATUS_PER_MILLE.values().stream()
                                .mapToLong(Integer::longValue)
                                .toArray()),
                random);
        long closedCount =
                Arrays.stream(statusOf).filter(s -> statuses.get(s).isClosed()).count();
        long lateCount = Math.round(closedCount * LATE_PER_MILLE / 1000.0);
        boolean[] late = new boolean[n];
        int[] closedIndexes = new int[(int) closedCount];
        for (int i = 0, k = 0; i < n; i++) {
            if (statuses.get(statusOf[i]).isClosed()) {
                closedIndexes[k++] = i;
            }
        }
        int[] pickedLate = shuffled(closedIndexes, random);
        for (int k = 0; k < lateCount; k++) {
            late[pickedLate[k]] = true;
        }
        long[] createdAt = random.longs(n, yearStart.toEpochMilli(), yearEnd.toEpochMilli())
                .sorted()
                .toArray();

        var byChannel = new EnumMap<Channel, Long>(Channel.class);
        var byCategory = new LinkedHashMap<String, Long>();
        var byStatus = new EnumMap<AppealStatus, Long>(AppealStatus.class);
        long firstSeq = database.jdbi().inTransaction(h -> reserveNumbers(h, plan.year(), n));
        long nowMs = now.toEpochMilli();
        for (int from = 0; from < n; from += BATCH) {
            int to = Math.min(n, from + BATCH);
            int batchStart = from;
            database.jdbi().useTransaction(h -> {
                PreparedBatch appeals =
                        h.prepareBatch("INSERT INTO appeal (num, num_year, num_seq, channel, chat_id, category_id, "
                                + "category_name, executor, deadline_class, description, place_address, place_lat, place_lon, first_name, last_name, address, phone, "
                                + "status, created_at, deadline_at, legal_deadline_at, closed_at, reminded_at, overdue_at, legal_overdue_at) "
                                + "VALUES (:num, :year, :seq, :channel, NULL, :categoryId, :categoryName, :executor, :deadlineClass, "
                                + "'Згенероване звернення для перевірки статистики', 'вул. Тестова, 1', :lat, :lon, 'Тест', 'Генерований', "
                                + "'вул. Тестова, 1', '+380500000000', :status, :createdAt, :deadline, :legal, :closedAt, :remindedAt, "
                                + ":overdueAt, :legalOverdueAt)");
                PreparedBatch events = h.prepareBatch(
                        "INSERT INTO appeal_event (appeal_num, happened_at, kind, status_from, status_to, actor) "
                                + "VALUES (:num, :at, :kind, :statusFrom, :statusTo, 'generator')");
                for (int i = batchStart; i < to; i++) {
                    Category c = categories.get(categoryOf[i]);
                    AppealStatus status = statuses.get(statusOf[i]);
                    long created = createdAt[i];
                    long span = c.deadlineClass().duration().toMillis();
                    long deadline = created + span;
                    long legal =
                            created + Duration.ofDays(plan.legalDeadlineDays()).toMillis();
                    Long closed = null;
                    if (status.isClosed()) {
                        // On time: 5%..100% of the time allowed; late: 100%..400% of it.
                        double share = late[i] ? 1.0 + random.nextDouble() * 3.0 : 0.05 + random.nextDouble() * 0.95;
                        closed = Math.min(created + (long) (span * share), nowMs);
                        if (late[i] && closed <= deadline) {
                            closed = deadline + 1;
                        }
                    }
                    long openUntil = closed == null ? nowMs : closed;
                    long remindAt = created + (long) (span * 0.8);
                    String num = plan.year() + "-" + String.format("%06d", firstSeq + i);
                    appeals.bind("num", num)
                            .bind("year", plan.year())
                            .bind("seq", firstSeq + i)
                            .bind("channel", channels.get(channelOf[i]).name())
                            .bind("categoryId", c.id())
                            .bind("categoryName", c.nameUk())
                            .bind("executor", c.executor())
                            .bind("deadlineClass", c.deadlineClass().name())
                            .bind("status", status.name())
                            .bind("createdAt", created)
                            .bind("deadline", deadline)
                            .bind("legal", legal)
                            .bind("closedAt", closed)
                            .bind("remindedAt", remindAt <= openUntil && remindAt < deadline ? remindAt : null)
                            .bind("overdueAt", openUntil > deadline ? (Long) deadline : null)
                            .bind("legalOverdueAt", openUntil > legal ? (Long) legal : null)
                            .bind(
                                    "lat",
                                    plan.mapCentre() == null
                                            ? null
                                            : plan.mapCentre().latitude() + random.nextGaussian() * 0.03)
                            .bind(
                                    "lon",
                                    plan.mapCentre() == null
                                            ? null
                                            : plan.mapCentre().longitude() + random.nextGaussian() * 0.045)
                            .add();
                    events.bind("num", num)
                            .bind("at", created)
                            .bind("kind", "CREATED")
                            .bindNull("statusFrom", java.sql.Types.VARCHAR)
                            .bind("statusTo", AppealStatus.REGISTERED.name())
                            .add();
                    if (status != AppealStatus.REGISTERED) {
                        events.bind("num", num)
                                .bind("at", closed == null ? created + span / 10 : closed)
                                .bind("kind", "STATUS")
                                .bind("statusFrom", AppealStatus.REGISTERED.name())
                                .bind("statusTo", status.name())
                                .add();
                    }
                    byChannel.merge(channels.get(channelOf[i]), 1L, Long::sum);
                    byCategory.merge(c.id(), 1L, Long::sum);
                    byStatus.merge(status, 1L, Long::sum);
                }
                appeals.execute();
                events.execute();
            });
            progress.accept(to);
        }
        // The public map's and statistics' aggregates, written afresh from what is now there.
        database.jdbi().useTransaction(h -> new OpenMapAggregates(h, plan.zone()).rebuild(now.toEpochMilli()));
        return new Result(n, byChannel, byCategory, byStatus, lateCount, Duration.ofNanos(System.nanoTime() - started));
    }

    /** Takes {@code n} numbers of the year's counter; returns the first. */
    private static long reserveNumbers(Handle h, int year, int n) {
        Long last = h.createQuery("SELECT last_seq FROM appeal_counter WHERE num_year = :year")
                .bind("year", year)
                .mapTo(Long.class)
                .findOne()
                .orElse(null);
        if (last == null) {
            h.createUpdate("INSERT INTO appeal_counter (num_year, last_seq) VALUES (:year, :n)")
                    .bind("year", year)
                    .bind("n", n)
                    .execute();
            return 1;
        }
        if (last + n > 999_999) {
            throw new IllegalArgumentException(
                    "the year " + year + " has " + last + " appeals; " + n + " more do not fit six-digit numbers");
        }
        h.createUpdate("UPDATE appeal_counter SET last_seq = :last WHERE num_year = :year")
                .bind("year", year)
                .bind("last", last + n)
                .execute();
        return last + 1;
    }

    /** {@code n} split by the weights, largest remainder: exact shares that add up to {@code n}. */
    static long[] allocateCounts(int n, long[] weights) {
        long total = Arrays.stream(weights).sum();
        long[] counts = new long[weights.length];
        long[] remainders = new long[weights.length];
        long given = 0;
        for (int i = 0; i < weights.length; i++) {
            counts[i] = n * weights[i] / total;
            remainders[i] = n * weights[i] % total;
            given += counts[i];
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < weights.length; i++) {
            order.add(i);
        }
        order.sort((a, b) ->
                remainders[a] != remainders[b] ? Long.compare(remainders[b], remainders[a]) : Integer.compare(a, b));
        for (int k = 0; k < n - given; k++) {
            counts[order.get(k)]++;
        }
        return counts;
    }

    /** Indexes into the weights, each as often as {@link #allocateCounts} says, in order. */
    private static int[] allocate(int n, long[] weights) {
        long[] counts = allocateCounts(n, weights);
        int[] out = new int[n];
        int k = 0;
        for (int i = 0; i < counts.length; i++) {
            for (long c = 0; c < counts[i]; c++) {
                out[k++] = i;
            }
        }
        return out;
    }

    private static int[] shuffled(int[] values, SplittableRandom random) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = values[i];
            values[i] = values[j];
            values[j] = t;
        }
        return values;
    }

    private static <K extends Comparable<K>> Map<K, Integer> weights(Map<K, Integer> unordered) {
        var ordered = new LinkedHashMap<K, Integer>();
        List<K> keys = new ArrayList<>(unordered.keySet());
        Collections.sort(keys);
        keys.forEach(k -> ordered.put(k, unordered.get(k)));
        return Collections.unmodifiableMap(ordered);
    }
}
