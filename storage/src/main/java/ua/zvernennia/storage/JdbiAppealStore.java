package ua.zvernennia.storage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import ua.zvernennia.core.appeal.Appeal;
import ua.zvernennia.core.appeal.AppealEvent;
import ua.zvernennia.core.appeal.AppealNumber;
import ua.zvernennia.core.appeal.AppealStatus;
import ua.zvernennia.core.appeal.AppealStore;
import ua.zvernennia.core.appeal.GeoPoint;
import ua.zvernennia.core.appeal.NewAppeal;
import ua.zvernennia.core.appeal.PersonName;
import ua.zvernennia.core.appeal.Phone;
import ua.zvernennia.core.appeal.PhotoRef;
import ua.zvernennia.core.appeal.Rating;
import ua.zvernennia.core.category.Category;
import ua.zvernennia.core.category.DeadlineClass;
import ua.zvernennia.core.category.IssueType;
import ua.zvernennia.core.chat.Channel;
import ua.zvernennia.core.chat.ChatKey;

/** Appeals, their photos and history. Bound to one handle; not thread-safe. */
final class JdbiAppealStore implements AppealStore {
    private final Handle handle;
    private final ZoneId zone;
    private final java.util.function.Consumer<Appeal> routing;
    private final OpenMapAggregates aggregates;
    /** Whether the database upserts in one statement; known after the first number. */
    private Boolean upserts;

    JdbiAppealStore(Handle handle, ZoneId zone) {
        this(handle, zone, new OpenMapAggregates(handle, zone), a -> {});
    }

    /**
     * @param aggregates the handle's aggregates, which every change of an appeal moves
     * @param routing    assigns a just-filed appeal to its executor, in the same transaction
     */
    JdbiAppealStore(
            Handle handle, ZoneId zone, OpenMapAggregates aggregates, java.util.function.Consumer<Appeal> routing) {
        this.handle = handle;
        this.zone = zone;
        this.routing = routing;
        this.aggregates = aggregates;
    }

    /** The public map's and statistics' aggregates, moved in this handle's transaction. */
    OpenMapAggregates aggregates() {
        return aggregates;
    }

    @Override
    public Appeal submit(NewAppeal a, Instant createdAt, Instant deadline, Instant legalDeadline) {
        AppealNumber number = nextNumber(createdAt.atZone(zone).getYear());
        Category c = a.category();
        String issueTypeName =
                c.issueType(a.issueTypeId()).map(IssueType::nameUk).orElse(null);
        DeadlineClass deadlineClass = c.deadlineFor(a.issueTypeId());
        handle.createUpdate("INSERT INTO appeal (num, num_year, num_seq, channel, chat_id, category_id, category_name, "
                        + "issue_type_id, issue_type_name, executor, deadline_class, description, place_lat, place_lon, place_address, "
                        + "first_name, last_name, address, phone, status, created_at, deadline_at, legal_deadline_at, channel_code, registered_at) VALUES "
                        + "(:num, :year, :seq, :channel, :chat, :categoryId, :categoryName, :issueTypeId, :issueTypeName, :executor, "
                        + ":deadlineClass, :description, :lat, :lon, :placeAddress, :first, :last, :address, :phone, 'REGISTERED', "
                        + ":createdAt, :deadline, :legal, :channel, :createdAt)")
                .bind("num", number.toString())
                .bind("year", number.year())
                .bind("seq", number.sequence())
                .bind("channel", a.channel().name())
                .bind("chat", a.chat() == null ? null : a.chat().id())
                .bind("categoryId", c.id())
                .bind("categoryName", c.nameUk())
                .bind("issueTypeId", a.issueTypeId())
                .bind("issueTypeName", issueTypeName)
                .bind("executor", c.executor())
                .bind("deadlineClass", deadlineClass.name())
                .bind("description", a.description().strip())
                .bind("lat", a.point() == null ? null : a.point().latitude())
                .bind("lon", a.point() == null ? null : a.point().longitude())
                .bind("placeAddress", a.placeAddress())
                .bind("first", a.name().firstName())
                .bind("last", a.name().lastName())
                .bind("address", a.address().strip())
                .bind("phone", a.phone().e164())
                .bind("createdAt", createdAt.toEpochMilli())
                .bind("deadline", deadline.toEpochMilli())
                .bind("legal", legalDeadline.toEpochMilli())
                .execute();
        for (int i = 0; i < a.photos().size(); i++) {
            PhotoRef p = a.photos().get(i);
            handle.createUpdate(
                            "INSERT INTO appeal_photo (appeal_num, idx, file_id, file_unique_id) VALUES (:num, :idx, :file, :unique)")
                    .bind("num", number.toString())
                    .bind("idx", i)
                    .bind("file", p.fileId())
                    .bind("unique", p.fileUniqueId())
                    .execute();
        }
        handle.createUpdate("INSERT INTO appeal_event (appeal_num, happened_at, kind, status_to, actor) "
                        + "VALUES (:num, :at, 'CREATED', 'REGISTERED', :actor)")
                .bind("num", number.toString())
                .bind("at", createdAt.toEpochMilli())
                .bind("actor", a.chat() == null ? a.channel().name() : "citizen")
                .execute();
        RegisterRows.firstQuestion(handle, number.toString(), c.id(), a.issueTypeId());
        updateSearchText(number.toString());
        if (a.point() == null && a.placeAddress() != null && !a.placeAddress().isBlank()) {
            GeocodeRows.enqueue(handle, number.toString(), createdAt);
        }
        aggregates.added(number.toString());
        Appeal saved = new Appeal(
                number,
                a.channel(),
                a.chat(),
                c.id(),
                c.nameUk(),
                a.issueTypeId(),
                issueTypeName,
                c.executor(),
                a.description().strip(),
                a.photos(),
                a.point(),
                a.placeAddress(),
                a.name(),
                a.address().strip(),
                a.phone(),
                AppealStatus.REGISTERED,
                deadlineClass,
                createdAt,
                deadline,
                legalDeadline);
        routing.accept(saved);
        return saved;
    }

    /**
     * The next number of the year. Where the database upserts, one statement creates the year's
     * counter or moves it on: two instances filing a year's first appeals at the same moment both
     * get a number (the second waits for the first's row). Elsewhere (H2, one process) the counter
     * row's update serialises the writers.
     */
    private AppealNumber nextNumber(int year) {
        if (upserts == null) {
            upserts = Dialect.of(handle).upserts();
        }
        if (upserts) {
            long seq = handle.createQuery("INSERT INTO appeal_counter (num_year, last_seq) VALUES (:year, 1) "
                            + "ON CONFLICT (num_year) DO UPDATE SET last_seq = appeal_counter.last_seq + 1 "
                            + "RETURNING last_seq")
                    .bind("year", year)
                    .mapTo(Long.class)
                    .one();
            return new AppealNumber(year, seq);
        }
        int updated = handle.createUpdate("UPDATE appeal_counter SET last_seq = last_seq + 1 WHERE num_year = :year")
                .bind("year", year)
                .execute();
        if (updated == 0) {
            handle.createUpdate("INSERT INTO appeal_counter (num_year, last_seq) VALUES (:year, 1)")
                    .bind("year", year)
                    .execute();
            return new AppealNumber(year, 1);
        }
        long seq = handle.createQuery("SELECT last_seq FROM appeal_counter WHERE num_year = :year")
                .bind("year", year)
                .mapTo(Long.class)
                .one();
        return new AppealNumber(year, seq);
    }

    @Override
    public Optional<Appeal> find(AppealNumber number) {
        List<Appeal> found = query("WHERE num = :num", Map.of("num", number.toString()), 1);
        return found.stream().findFirst();
    }

    @Override
    public List<Appeal> byChat(ChatKey chat, int limit) {
        return query(
                "WHERE channel = :channel AND chat_id = :chat ORDER BY created_at DESC, num_seq DESC",
                Map.of("channel", chat.channel().name(), "chat", chat.id()),
                limit);
    }

    private List<Appeal> query(String where, Map<String, Object> params, int limit) {
        List<Row> rows = handle.createQuery("SELECT * FROM appeal " + where + " LIMIT :limit")
                .bindMap(params)
                .bind("limit", limit)
                .map((rs, ctx) -> row(rs))
                .list();
        return withPhotos(rows);
    }

    /** The appeals of these numbers, in the order given. */
    List<Appeal> byNumbers(List<String> numbers) {
        if (numbers.isEmpty()) {
            return List.of();
        }
        Map<String, Row> rows = handle
                .createQuery("SELECT * FROM appeal WHERE num IN (<nums>)")
                .bindList("nums", numbers)
                .map((rs, ctx) -> row(rs))
                .stream()
                .collect(Collectors.toMap(r -> r.number().toString(), r -> r));
        return withPhotos(numbers.stream()
                .map(rows::get)
                .filter(java.util.Objects::nonNull)
                .toList());
    }

    private List<Appeal> withPhotos(List<Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<String, List<PhotoRef>> photos = handle
                .createQuery("SELECT appeal_num, file_id, file_unique_id FROM appeal_photo "
                        + "WHERE appeal_num IN (<nums>) ORDER BY appeal_num, idx")
                .bindList("nums", rows.stream().map(r -> r.number().toString()).toList())
                .map((rs, ctx) -> Map.entry(
                        rs.getString("appeal_num"),
                        new PhotoRef(rs.getString("file_id"), rs.getString("file_unique_id"))))
                .stream()
                .collect(Collectors.groupingBy(
                        Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        List<Appeal> out = new ArrayList<>(rows.size());
        for (Row r : rows) {
            out.add(r.toAppeal(photos.getOrDefault(r.number().toString(), List.of())));
        }
        return out;
    }

    @Override
    public long changeStatus(
            AppealNumber number,
            AppealStatus from,
            AppealStatus to,
            String actor,
            String note,
            Long outboxId,
            Instant at) {
        int changed = aggregates.track(
                number.toString(),
                () -> handle.createUpdate(
                                "UPDATE appeal SET status = :to, closed_at = :closedAt WHERE num = :num AND status = :from")
                        .bind("to", to.name())
                        .bind("closedAt", to.isClosed() ? at.toEpochMilli() : null)
                        .bind("num", number.toString())
                        .bind("from", from.name())
                        .execute());
        if (changed != 1) {
            throw new ua.zvernennia.core.appeal.StatusMovedException(number, from);
        }
        return insertEvent(new AppealEvent(0, number, at, AppealEvent.Kind.STATUS, from, to, actor, note, outboxId));
    }

    @Override
    public long addEvent(AppealNumber number, AppealEvent.Kind kind, String actor, String note, Instant at) {
        return insertEvent(new AppealEvent(0, number, at, kind, null, null, actor, note, null));
    }

    private long insertEvent(AppealEvent e) {
        return handle.createUpdate(
                        "INSERT INTO appeal_event (appeal_num, happened_at, kind, status_from, status_to, actor, note, outbox_id) "
                                + "VALUES (:num, :at, :kind, :from, :to, :actor, :note, :outbox)")
                .bind("num", e.appeal().toString())
                .bind("at", e.at().toEpochMilli())
                .bind("kind", e.kind().name())
                .bind("from", e.from() == null ? null : e.from().name())
                .bind("to", e.to() == null ? null : e.to().name())
                .bind("actor", e.actor())
                .bind("note", e.note())
                .bind("outbox", e.outboxId())
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one();
    }

    @Override
    public List<AppealEvent> history(AppealNumber number) {
        return handle.createQuery("SELECT * FROM appeal_event WHERE appeal_num = :num ORDER BY id")
                .bind("num", number.toString())
                .map((rs, ctx) -> event(rs))
                .list();
    }

    static AppealEvent event(ResultSet rs) throws SQLException {
        String from = rs.getString("status_from");
        String to = rs.getString("status_to");
        long outbox = rs.getLong("outbox_id");
        Long outboxId = rs.wasNull() ? null : outbox;
        AppealNumber number = AppealNumber.parse(rs.getString("appeal_num")).orElseThrow();
        return new AppealEvent(
                rs.getLong("id"),
                number,
                Instant.ofEpochMilli(rs.getLong("happened_at")),
                AppealEvent.Kind.valueOf(rs.getString("kind")),
                from == null ? null : AppealStatus.valueOf(from),
                to == null ? null : AppealStatus.valueOf(to),
                rs.getString("actor"),
                rs.getString("note"),
                outboxId);
    }

    @Override
    public int addPhoto(AppealNumber number, PhotoRef photo) {
        int next = handle.createQuery("SELECT COALESCE(MAX(idx) + 1, 0) FROM appeal_photo WHERE appeal_num = :num")
                .bind("num", number.toString())
                .mapTo(Integer.class)
                .one();
        handle.createUpdate(
                        "INSERT INTO appeal_photo (appeal_num, idx, file_id, file_unique_id) VALUES (:num, :idx, :file, :unique)")
                .bind("num", number.toString())
                .bind("idx", next)
                .bind("file", photo.fileId())
                .bind("unique", photo.fileUniqueId())
                .execute();
        return next;
    }

    @Override
    public void rate(AppealNumber number, Rating rating) {
        aggregates.track(
                number.toString(),
                () -> handle.createUpdate("UPDATE appeal SET rating = :rating WHERE num = :num")
                        .bind("rating", rating.stars())
                        .bind("num", number.toString())
                        .execute());
    }

    /**
     * Fills the lower-cased text the operators' search looks in: the number, the citizen's name,
     * phone and address, the place and the description.
     */
    @Override
    public void anonymise(AppealNumber number, Instant at) {
        String num = number.toString();
        int changed = handle.createUpdate(
                        "UPDATE appeal SET first_name = :first, last_name = :last, address = :text, phone = :phone, "
                                + "description = :text, chat_id = NULL, anonymised_at = :at WHERE num = :num AND anonymised_at IS NULL")
                .bind("first", ANONYMOUS_NAME.firstName())
                .bind("last", ANONYMOUS_NAME.lastName())
                .bind("text", ANONYMOUS_TEXT)
                .bind("phone", ANONYMOUS_PHONE.e164())
                .bind("at", at.toEpochMilli())
                .bind("num", num)
                .execute();
        if (changed == 0) {
            return;
        }
        // The citizen's own words in the history (answers, reopening comments) may name them.
        handle.createUpdate(
                        "UPDATE appeal_event SET note = NULL WHERE appeal_num = :num AND actor = :citizen AND note IS NOT NULL")
                .bind("num", num)
                .bind("citizen", ua.zvernennia.core.appeal.AppealEvent.CITIZEN)
                .execute();
        handle.createUpdate("UPDATE appeal_photo SET file_id = :erased, file_unique_id = '' WHERE appeal_num = :num")
                .bind("num", num)
                .bind("erased", "erased")
                .execute();
        updateSearchText(num);
    }

    void updateSearchText(String num) {
        handle.createQuery(
                        "SELECT num, first_name, last_name, phone, address, place_address, description FROM appeal WHERE num = :num")
                .bind("num", num)
                .map((rs, ctx) -> String.join(
                        "\n",
                        rs.getString("num"),
                        rs.getString("first_name") + " " + rs.getString("last_name"),
                        rs.getString("phone"),
                        rs.getString("address"),
                        String.valueOf(rs.getString("place_address")),
                        rs.getString("description")))
                .findOne()
                .ifPresent(text -> handle.createUpdate("UPDATE appeal SET search_text = :text WHERE num = :num")
                        .bind("text", searchable(text))
                        .bind("num", num)
                        .execute());
    }

    static String searchable(String text) {
        return java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFC)
                .toLowerCase(Locale.ROOT)
                .replace('\'', 'ʼ')
                .replace('’', 'ʼ');
    }

    record Row(AppealNumber number, Appeal withoutPhotos) {
        Appeal toAppeal(List<PhotoRef> photos) {
            return withoutPhotos.withPhotos(photos);
        }
    }

    static Row row(ResultSet rs) throws SQLException {
        AppealNumber number = new AppealNumber(rs.getInt("num_year"), rs.getLong("num_seq"));
        Channel channel = Channel.valueOf(rs.getString("channel"));
        String chatId = rs.getString("chat_id");
        double lat = rs.getDouble("place_lat");
        GeoPoint point = rs.wasNull() ? null : new GeoPoint(lat, rs.getDouble("place_lon"));
        Appeal a = new Appeal(
                number,
                channel,
                chatId == null ? null : new ChatKey(channel, chatId),
                rs.getString("category_id"),
                rs.getString("category_name"),
                rs.getString("issue_type_id"),
                rs.getString("issue_type_name"),
                rs.getString("executor"),
                rs.getString("description"),
                List.of(),
                point,
                rs.getString("place_address"),
                new PersonName(rs.getString("first_name"), rs.getString("last_name")),
                rs.getString("address"),
                new Phone(rs.getString("phone")),
                AppealStatus.valueOf(rs.getString("status")),
                DeadlineClass.valueOf(rs.getString("deadline_class")),
                Instant.ofEpochMilli(rs.getLong("created_at")),
                Instant.ofEpochMilli(rs.getLong("deadline_at")),
                Instant.ofEpochMilli(rs.getLong("legal_deadline_at")));
        return new Row(number, a);
    }
}
