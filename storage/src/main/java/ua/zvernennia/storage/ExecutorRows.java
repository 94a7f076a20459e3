package ua.zvernennia.storage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import ua.zvernennia.core.appeal.AppealNumber;
import ua.zvernennia.core.executor.Assignments;
import ua.zvernennia.core.executor.Efficiency;
import ua.zvernennia.core.executor.Executor;
import ua.zvernennia.core.executor.StaffMember;

/**
 * Executors, their staff and the assignment of appeals to them. An assignment moves the public
 * map's and statistics' aggregates (they count appeals by their executor) in the same
 * transaction. Bound to one handle; not thread-safe.
 */
public final class ExecutorRows implements Assignments {
    private final Handle handle;
    private final OpenMapAggregates aggregates;

    ExecutorRows(Handle handle, OpenMapAggregates aggregates) {
        this.handle = handle;
        this.aggregates = aggregates;
    }

    public List<Executor> list() {
        return handle.createQuery("SELECT * FROM executor ORDER BY name, id")
                .map((rs, ctx) -> row(rs))
                .list();
    }

    @Override
    public Optional<Executor> executor(long id) {
        return handle.createQuery("SELECT * FROM executor WHERE id = :id")
                .bind("id", id)
                .map((rs, ctx) -> row(rs))
                .findOne();
    }

    /** The executor of this exact name. */
    public Optional<Executor> named(String name) {
        return handle.createQuery("SELECT * FROM executor WHERE name = :name")
                .bind("name", name)
                .map((rs, ctx) -> row(rs))
                .findOne();
    }

    public Executor create(Executor e, Instant now) {
        requireFreeName(e.name(), -1);
        long id = handle.createUpdate(
                        "INSERT INTO executor (name, contacts, staff_chat, show_citizen, active, created_at) "
                                + "VALUES (:name, :contacts, :chat, :show, :active, :now)")
                .bind("name", e.name())
                .bind("contacts", e.contacts())
                .bind("chat", e.staffChat())
                .bind("show", e.showCitizen())
                .bind("active", e.active())
                .bind("now", now.toEpochMilli())
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one();
        return new Executor(id, e.name(), e.contacts(), e.staffChat(), e.showCitizen(), e.active());
    }

    public boolean update(Executor e) {
        requireFreeName(e.name(), e.id());
        return handle.createUpdate("UPDATE executor SET name = :name, contacts = :contacts, staff_chat = :chat, "
                                + "show_citizen = :show, active = :active WHERE id = :id")
                        .bind("name", e.name())
                        .bind("contacts", e.contacts())
                        .bind("chat", e.staffChat())
                        .bind("show", e.showCitizen())
                        .bind("active", e.active())
                        .bind("id", e.id())
                        .execute()
                == 1;
    }

    private void requireFreeName(String name, long id) {
        ChatLocks.namedWhereShared(handle, "zvernennia executor " + name);
        boolean taken = handle.createQuery("SELECT COUNT(*) FROM executor WHERE name = :name AND id <> :id")
                        .bind("name", name)
                        .bind("id", id)
                        .mapTo(Long.class)
                        .one()
                > 0;
        if (taken) {
            throw new IllegalArgumentException("name: another executor is called '" + name + "'");
        }
    }

    @Override
    public Optional<Executor> byStaffChat(String chat) {
        return handle.createQuery("SELECT * FROM executor WHERE staff_chat = :chat AND active = :yes ORDER BY id")
                .bind("chat", chat)
                .bind("yes", true)
                .map((rs, ctx) -> row(rs))
                .findFirst();
    }

    public List<StaffMember> staff(long executorId) {
        return handle.createQuery(
                        "SELECT * FROM executor_staff WHERE executor_id = :id ORDER BY name, telegram_user_id")
                .bind("id", executorId)
                .map((rs, ctx) -> new StaffMember(
                        rs.getLong("executor_id"), rs.getString("telegram_user_id"), rs.getString("name")))
                .list();
    }

    public void addStaff(StaffMember m) {
        ChatLocks.namedWhereShared(handle, "zvernennia staff " + m.executorId() + "/" + m.telegramUserId());
        handle.createUpdate("DELETE FROM executor_staff WHERE executor_id = :id AND telegram_user_id = :user")
                .bind("id", m.executorId())
                .bind("user", m.telegramUserId())
                .execute();
        handle.createUpdate(
                        "INSERT INTO executor_staff (executor_id, telegram_user_id, name) VALUES (:id, :user, :name)")
                .bind("id", m.executorId())
                .bind("user", m.telegramUserId())
                .bind("name", m.name())
                .execute();
    }

    public boolean removeStaff(long executorId, String user) {
        return handle.createUpdate("DELETE FROM executor_staff WHERE executor_id = :id AND telegram_user_id = :user")
                        .bind("id", executorId)
                        .bind("user", user)
                        .execute()
                == 1;
    }

    @Override
    public Optional<StaffMember> staffMember(long executorId, String user) {
        return staff(executorId).stream()
                .filter(m -> m.telegramUserId().equals(user))
                .findFirst();
    }

    @Override
    public void awaitResolution(String chat, String user, AppealNumber number, java.time.Instant now) {
        forgetAwaited(chat, user);
        handle.createUpdate(
                        "INSERT INTO staff_pending (chat_id, telegram_user_id, appeal_num, since) VALUES (:chat, :user, :num, :at)")
                .bind("chat", chat)
                .bind("user", user)
                .bind("num", number.toString())
                .bind("at", now.toEpochMilli())
                .execute();
    }

    @Override
    public Optional<AppealNumber> awaitedResolution(String chat, String user) {
        return handle.createQuery(
                        "SELECT appeal_num FROM staff_pending WHERE chat_id = :chat AND telegram_user_id = :user")
                .bind("chat", chat)
                .bind("user", user)
                .mapTo(String.class)
                .findOne()
                .flatMap(AppealNumber::parse);
    }

    @Override
    public void forgetAwaited(String chat, String user) {
        handle.createUpdate("DELETE FROM staff_pending WHERE chat_id = :chat AND telegram_user_id = :user")
                .bind("chat", chat)
                .bind("user", user)
                .execute();
    }

    @Override
    public Optional<Long> executorOf(AppealNumber number) {
        return handle.createQuery("SELECT executor_id FROM appeal WHERE num = :num")
                .bind("num", number.toString())
                .mapTo(Long.class)
                .findOne();
    }

    @Override
    public void assign(AppealNumber number, Executor executor) {
        if (executor == null) {
            handle.createUpdate("UPDATE appeal SET executor_id = NULL WHERE num = :num")
                    .bind("num", number.toString())
                    .execute();
        } else {
            // The aggregates count the appeal under its executor's name: they move with it.
            aggregates.track(
                    number.toString(),
                    () -> handle.createUpdate("UPDATE appeal SET executor_id = :id, executor = :name WHERE num = :num")
                            .bind("id", executor.id())
                            .bind("name", executor.name())
                            .bind("num", number.toString())
                            .execute());
        }
    }

    /**
     * Routes a just-filed appeal: to its issue type's executor, else its category's, else the
     * active executor named as the category's executor (menus written before executors were records).
     */
    Optional<Executor> route(String num, String categoryId, String issueTypeId, String executorName) {
        Optional<Long> id = handle.createQuery("SELECT COALESCE("
                        + "(SELECT executor_id FROM issue_type WHERE category_id = :c AND id = :t), "
                        + "(SELECT executor_id FROM category WHERE id = :c), "
                        + "(SELECT MIN(id) FROM executor WHERE name = :name))")
                .bind("c", categoryId)
                .bind("t", issueTypeId == null ? "" : issueTypeId)
                .bind("name", executorName)
                .mapTo(Long.class)
                .findOne();
        if (id.isEmpty()
                && executorName != null
                && !executorName.isBlank()
                && Dialect.of(handle) == Dialect.POSTGRESQL) {
            // Instances filing the first appeals under this name at the same moment: one makes the record.
            ChatLocks.named(handle, "zvernennia executor " + executorName);
            id = handle.createQuery("SELECT MIN(id) FROM executor WHERE name = :name")
                    .bind("name", executorName)
                    .mapTo(Long.class)
                    .findOne();
        }
        if (id.isEmpty() && executorName != null && !executorName.isBlank()) {
            // A menu's executor name with no record yet (the seeded menu, a category added by name):
            // it becomes a record, as the migration made records of the names there were.
            id = Optional.of(create(new Executor(0, executorName, null, null, false, true), java.time.Instant.now())
                    .id());
            handle.createUpdate("UPDATE category SET executor_id = :id WHERE executor_id IS NULL AND executor = :name")
                    .bind("id", id.get())
                    .bind("name", executorName)
                    .execute();
        }
        Optional<Executor> executor = id.flatMap(this::executor).filter(Executor::active);
        executor.ifPresent(e -> assign(AppealNumber.parse(num).orElseThrow(), e));
        return executor;
    }

    @Override
    public List<Executor> digestDue(LocalDate day) {
        return handle.createQuery("SELECT * FROM executor e WHERE e.active = :yes AND e.staff_chat IS NOT NULL "
                        + "AND NOT EXISTS (SELECT 1 FROM executor_digest d WHERE d.executor_id = e.id AND d.digest_day = :day) "
                        + "ORDER BY e.id")
                .bind("yes", true)
                .bind("day", (int) day.toEpochDay())
                .map((rs, ctx) -> row(rs))
                .list();
    }

    @Override
    public boolean digestRecorded(long executorId, LocalDate day) {
        return handle.createQuery("SELECT COUNT(*) FROM executor_digest WHERE executor_id = :id AND digest_day = :day")
                        .bind("id", executorId)
                        .bind("day", (int) day.toEpochDay())
                        .mapTo(Integer.class)
                        .one()
                > 0;
    }

    @Override
    public void recordDigest(long executorId, LocalDate day, Instant now) {
        handle.createUpdate("INSERT INTO executor_digest (executor_id, digest_day, sent_at) VALUES (:id, :day, :now)")
                .bind("id", executorId)
                .bind("day", (int) day.toEpochDay())
                .bind("now", now.toEpochMilli())
                .execute();
    }

    private static final String OPEN = "executor_id = :id AND status IN ('REGISTERED', 'IN_PROGRESS', 'NEEDS_INFO')";

    @Override
    public OpenAppeals openAppeals(long executorId, Instant now, int limit) {
        int open = handle.createQuery("SELECT COUNT(*) FROM appeal WHERE " + OPEN)
                .bind("id", executorId)
                .mapTo(Integer.class)
                .one();
        int overdue = handle.createQuery("SELECT COUNT(*) FROM appeal WHERE " + OPEN + " AND deadline_at < :now")
                .bind("id", executorId)
                .bind("now", now.toEpochMilli())
                .mapTo(Integer.class)
                .one();
        return new OpenAppeals(
                open,
                overdue,
                open(executorId, "deadline_at < :now", now, limit),
                open(executorId, "deadline_at >= :now", now, limit));
    }

    private List<OpenAppeal> open(long executorId, String when, Instant now, int limit) {
        return handle.createQuery("SELECT num, category_name, issue_type_name, deadline_at FROM appeal WHERE " + OPEN
                        + " AND " + when + " ORDER BY deadline_at, num LIMIT :limit")
                .bind("id", executorId)
                .bind("now", now.toEpochMilli())
                .bind("limit", limit)
                .map((rs, ctx) -> new OpenAppeal(
                        AppealNumber.parse(rs.getString("num")).orElseThrow(),
                        rs.getString("issue_type_name") == null
                                ? rs.getString("category_name")
                                : rs.getString("category_name") + " / " + rs.getString("issue_type_name"),
                        Instant.ofEpochMilli(rs.getLong("deadline_at"))))
                .list();
    }

    /** See {@link ua.zvernennia.core.executor.ExecutorStore#efficiency}. */
    public List<Efficiency> efficiency(Instant from, Instant to) {
        record Row(
                long executor,
                String status,
                long created,
                Long closed,
                long deadline,
                Integer rating,
                boolean everResolved,
                boolean reopened) {}
        List<Row> rows = handle.createQuery(
                        "SELECT a.executor_id, a.status, a.created_at, a.closed_at, a.deadline_at, a.rating, "
                                + "CASE WHEN EXISTS (SELECT 1 FROM appeal_event e WHERE e.appeal_num = a.num AND e.kind = 'STATUS' "
                                + "AND e.status_to = 'RESOLVED') THEN 1 ELSE 0 END AS ever_resolved, "
                                + "CASE WHEN EXISTS (SELECT 1 FROM appeal_event e WHERE e.appeal_num = a.num AND e.kind = 'STATUS' "
                                + "AND e.status_from = 'RESOLVED' AND e.actor = 'citizen') THEN 1 ELSE 0 END AS reopened "
                                + "FROM appeal a WHERE a.executor_id IS NOT NULL AND a.created_at >= :from AND a.created_at < :to")
                .bind("from", from.toEpochMilli())
                .bind("to", to.toEpochMilli())
                .map((rs, ctx) -> new Row(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getLong(3),
                        nullableLong(rs, 4),
                        rs.getLong(5),
                        nullableInt(rs, 6),
                        rs.getInt(7) == 1,
                        rs.getInt(8) == 1))
                .list();
        Map<Long, List<Row>> byExecutor = new LinkedHashMap<>();
        List<Executor> executors = list();
        executors.forEach(e -> byExecutor.put(e.id(), new ArrayList<>()));
        rows.forEach(r ->
                byExecutor.computeIfAbsent(r.executor(), k -> new ArrayList<>()).add(r));
        var out = new ArrayList<Efficiency>();
        for (Executor e : executors) {
            List<Row> mine = byExecutor.get(e.id());
            List<Long> times = new ArrayList<>();
            long onTime = 0;
            long everResolved = 0;
            long reopened = 0;
            long ratings = 0;
            long ratingSum = 0;
            for (Row r : mine) {
                if ("RESOLVED".equals(r.status()) && r.closed() != null) {
                    times.add(r.closed() - r.created());
                    if (r.closed() <= r.deadline()) {
                        onTime++;
                    }
                }
                everResolved += r.everResolved() ? 1 : 0;
                reopened += r.reopened() ? 1 : 0;
                if (r.rating() != null) {
                    ratings++;
                    ratingSum += r.rating();
                }
            }
            long resolved = times.size();
            out.add(new Efficiency(
                    e.id(),
                    e.name(),
                    mine.size(),
                    resolved,
                    onTime,
                    percent(onTime, resolved),
                    medianHours(times),
                    reopened,
                    percent(reopened, everResolved),
                    ratings == 0 ? null : Math.round(ratingSum * 100.0 / ratings) / 100.0,
                    ratings));
        }
        return out;
    }

    private static Double percent(long part, long whole) {
        return whole == 0 ? null : Math.round(part * 1000.0 / whole) / 10.0;
    }

    private static Double medianHours(List<Long> millis) {
        if (millis.isEmpty()) {
            return null;
        }
        List<Long> sorted = millis.stream().sorted().toList();
        int n = sorted.size();
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
        return Math.round(median / 36_000.0) / 100.0;
    }

    private static Long nullableLong(ResultSet rs, int i) throws SQLException {
        long v = rs.getLong(i);
        return rs.wasNull() ? null : v;
    }

    private static Integer nullableInt(ResultSet rs, int i) throws SQLException {
        int v = rs.getInt(i);
        return rs.wasNull() ? null : v;
    }

    private static Executor row(ResultSet rs) throws SQLException {
        return new Executor(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getString("contacts"),
                rs.getString("staff_chat"),
                rs.getBoolean("show_citizen"),
                rs.getBoolean("active"));
    }
}
