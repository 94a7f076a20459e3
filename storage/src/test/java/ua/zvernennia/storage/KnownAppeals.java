package ua.zvernennia.storage;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import ua.zvernennia.core.appeal.AppealStatus;
import ua.zvernennia.core.category.Category;
import ua.zvernennia.core.chat.Channel;

/**
 * Writes appeal rows with chosen channel, category, status and times straight into the table, as
 * the status changes of operators leave them (status, closed_at): a dataset whose statistics are
 * known by hand.
 */
public final class KnownAppeals {
    private final Storage storage;
    private final ZoneId zone;
    private int seq;

    public KnownAppeals(Storage storage, ZoneId zone) {
        this.storage = storage;
        this.zone = zone;
    }

    /** An appeal filed at a local time in the zone; {@code closedAfter} null: still open. */
    public String add(
            Channel channel, String categoryId, LocalDateTime filedLocal, AppealStatus status, Duration closedAfter) {
        return add(channel, categoryId, filedLocal.atZone(zone).toInstant(), status, closedAfter);
    }

    public String add(Channel channel, String categoryId, Instant filed, AppealStatus status, Duration closedAfter) {
        Category c = storage.categories().find(categoryId).orElseThrow();
        int n = ++seq;
        String num = "9999-" + String.format("%06d", n);
        storage.write(s -> s.handle()
                .createUpdate("INSERT INTO appeal (num, num_year, num_seq, channel, category_id, category_name, "
                        + "executor, deadline_class, description, place_address, first_name, last_name, address, phone, status, "
                        + "created_at, deadline_at, legal_deadline_at, closed_at) VALUES (:num, 9999, :seq, :channel, :categoryId, "
                        + ":categoryName, :executor, :deadlineClass, 'Опис', 'вул. Тестова, 1', 'Тест', 'Тестовий', 'вул. Тестова, 1', "
                        + "'+380500000000', :status, :created, :deadline, :legal, :closed)")
                .bind("num", num)
                .bind("seq", n)
                .bind("channel", channel.name())
                .bind("categoryId", c.id())
                .bind("categoryName", c.nameUk())
                .bind("executor", c.executor())
                .bind("deadlineClass", c.deadlineClass().name())
                .bind("status", status.name())
                .bind("created", filed.toEpochMilli())
                .bind("deadline", filed.plus(c.deadlineClass().duration()).toEpochMilli())
                .bind("legal", filed.plus(Duration.ofDays(30)).toEpochMilli())
                .bind(
                        "closed",
                        closedAfter == null ? null : filed.plus(closedAfter).toEpochMilli())
                .execute());
        return num;
    }

    /**
     * Twelve appeals in the first quarter of 2025 (and one just outside each of its edges) whose
     * statistics as of 2025-06-01T00:00Z are worked out by hand in {@code StatisticsTest}.
     */
    public void firstQuarterOf2025() {
        KnownAppeals a = this;
        a.add(
                Channel.HOTLINE,
                "lifts",
                LocalDateTime.of(2024, 12, 31, 23, 59, 59, 999_000_000),
                AppealStatus.RESOLVED,
                Duration.ofHours(1));
        a.add(Channel.HOTLINE, "lifts", LocalDateTime.of(2025, 1, 1, 0, 0), AppealStatus.RESOLVED, Duration.ofHours(2));
        a.add(
                Channel.HOTLINE,
                "lifts",
                LocalDateTime.of(2025, 1, 15, 12, 0),
                AppealStatus.RESOLVED,
                Duration.ofHours(8));
        a.add(
                Channel.TELEGRAM,
                "water",
                LocalDateTime.of(2025, 2, 10, 10, 0),
                AppealStatus.RESOLVED,
                Duration.ofHours(10));
        a.add(
                Channel.TELEGRAM,
                "water",
                LocalDateTime.of(2025, 2, 11, 10, 0),
                AppealStatus.RESOLVED,
                Duration.ofHours(30));
        a.add(Channel.VIBER, "roads", LocalDateTime.of(2025, 2, 12, 10, 0), AppealStatus.RESOLVED, Duration.ofDays(3));
        a.add(
                Channel.HOTLINE,
                "lights",
                LocalDateTime.of(2025, 2, 20, 10, 0),
                AppealStatus.RESOLVED,
                Duration.ofDays(1));
        a.add(
                Channel.HOTLINE,
                "roads",
                LocalDateTime.of(2025, 3, 1, 10, 0),
                AppealStatus.RESOLVED,
                Duration.ofDays(10));
        a.add(Channel.HOTLINE, "lifts", LocalDateTime.of(2025, 3, 5, 9, 0), AppealStatus.RESOLVED, Duration.ofHours(5));
        // 30 March 2025: clocks go forward at 03:00; the day is 23 hours long.
        a.add(
                Channel.GOV_HOTLINE,
                "lights",
                LocalDateTime.of(2025, 3, 30, 0, 30),
                AppealStatus.REJECTED,
                Duration.ofHours(1));
        a.add(Channel.PHONE, "lights", LocalDateTime.of(2025, 3, 30, 4, 30), AppealStatus.IN_PROGRESS, null);
        a.add(Channel.EMAIL, "roads", LocalDateTime.of(2025, 3, 30, 23, 30), AppealStatus.REGISTERED, null);
        a.add(
                Channel.IN_PERSON,
                "water",
                LocalDateTime.of(2025, 3, 31, 23, 59, 59, 999_000_000),
                AppealStatus.WITHDRAWN,
                Duration.ofHours(1));
        a.add(Channel.HOTLINE, "water", LocalDateTime.of(2025, 4, 1, 0, 0), AppealStatus.RESOLVED, Duration.ofHours(1));
    }
}
