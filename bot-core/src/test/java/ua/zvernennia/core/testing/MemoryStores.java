package ua.zvernennia.core.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import ua.zvernennia.core.appeal.Appeal;
import ua.zvernennia.core.appeal.AppealEvent;
import ua.zvernennia.core.appeal.AppealNumber;
import ua.zvernennia.core.appeal.AppealStatus;
import ua.zvernennia.core.appeal.AppealStore;
import ua.zvernennia.core.appeal.NewAppeal;
import ua.zvernennia.core.appeal.PersonName;
import ua.zvernennia.core.appeal.Phone;
import ua.zvernennia.core.appeal.PhotoRef;
import ua.zvernennia.core.appeal.Rating;
import ua.zvernennia.core.category.Category;
import ua.zvernennia.core.category.CategoryCatalog;
import ua.zvernennia.core.chat.ChatKey;
import ua.zvernennia.core.chat.Inbound;
import ua.zvernennia.core.chat.Reply;
import ua.zvernennia.core.citizen.Citizen;
import ua.zvernennia.core.citizen.CitizenStore;
import ua.zvernennia.core.conversation.ConversationState;
import ua.zvernennia.core.conversation.ConversationStore;
import ua.zvernennia.core.deadline.DeadlineMarks;
import ua.zvernennia.core.deadline.WatchedAppeal;
import ua.zvernennia.core.delivery.Outbox;
import ua.zvernennia.core.delivery.OutboxMessage;
import ua.zvernennia.core.engine.Inbox;
import ua.zvernennia.core.engine.ProcessedUpdates;
import ua.zvernennia.core.engine.Stores;
import ua.zvernennia.core.engine.UnitOfWork;

/**
 * All store ports in memory, with a unit of work that runs one work at a time and rolls a
 * failed work back. For tests of the core and the adapters; the real stores are in storage.
 */
public final class MemoryStores implements UnitOfWork {

    /** Everything stored, copied before each work so that a failure can be undone. */
    private static final class Data {
        Map<ChatKey, ConversationState> conversations = new HashMap<>();
        Map<ChatKey, Citizen> citizens = new HashMap<>();
        Map<String, Appeal> appeals = new LinkedHashMap<>();
        Map<Integer, Long> counters = new HashMap<>();
        Map<Long, OutboxRow> outbox = new LinkedHashMap<>();
        Set<String> processed = new HashSet<>();
        List<AppealEvent> events = new ArrayList<>();
        Map<String, Instant> closedAt = new HashMap<>();
        Map<String, Integer> ratings = new HashMap<>();
        /** Deadline marks by appeal number: "reminded", "overdue", "legal" to the time they were set. */
        Map<String, Map<String, Instant>> marks = new HashMap<>();
        /** Photos queued to be kept: file id to the chat that sent it. */
        Map<String, ChatKey> media = new LinkedHashMap<>();

        long outboxIds;
        java.util.TreeMap<Long, Inbound> inbox = new java.util.TreeMap<>();
        long inboxIds;

        Data copy() {
            Data d = new Data();
            d.conversations = new HashMap<>(conversations);
            d.citizens = new HashMap<>(citizens);
            d.appeals = new LinkedHashMap<>(appeals);
            d.counters = new HashMap<>(counters);
            d.outbox = new LinkedHashMap<>(outbox);
            d.processed = new HashSet<>(processed);
            d.events = new ArrayList<>(events);
            d.closedAt = new HashMap<>(closedAt);
            d.ratings = new HashMap<>(ratings);
            d.marks = new HashMap<>();
            marks.forEach((k, v) -> d.marks.put(k, new HashMap<>(v)));
            d.media = new LinkedHashMap<>(media);
            d.outboxIds = outboxIds;
            d.inbox = new java.util.TreeMap<>(inbox);
            d.inboxIds = inboxIds;
            return d;
        }
    }

    /** An outbox row as the memory store keeps it. */
    public record OutboxRow(OutboxMessage message, String status, Instant notBefore, String lastError) {}

    private final List<Category> categories;
    private Data data = new Data();

    public MemoryStores(List<Category> categories) {
        this.categories = new ArrayList<>(categories);
    }

    @Override
    public synchronized <T> CompletableFuture<T> submit(Work<T> work) {
        Data before = data.copy();
        try {
            return CompletableFuture.completedFuture(work.apply(new View()));
        } catch (RuntimeException e) {
            data = before;
            return CompletableFuture.failedFuture(e);
        }
    }

    public synchronized void setCategories(List<Category> replacement) {
        categories.clear();
        categories.addAll(replacement);
    }

    public synchronized List<Appeal> appeals() {
        return List.copyOf(data.appeals.values());
    }

    /** Every history entry of every appeal, in the order written. */
    public synchronized List<AppealEvent> events() {
        return List.copyOf(data.events);
    }

    public synchronized Optional<Integer> rating(AppealNumber number) {
        return Optional.ofNullable(data.ratings.get(number.toString()));
    }

    public synchronized Optional<Instant> closedAt(AppealNumber number) {
        return Optional.ofNullable(data.closedAt.get(number.toString()));
    }

    /** Stores the appeal as given, replacing the one with its number: tests set statuses and times directly. */
    public synchronized void putAppeal(Appeal appeal) {
        data.appeals.put(appeal.number().toString(), appeal);
    }

    /** The deadline marks of an appeal: "reminded", "overdue", "legal" to when they were set. */
    public synchronized Map<String, Instant> deadlineMarks(AppealNumber number) {
        return Map.copyOf(data.marks.getOrDefault(number.toString(), Map.of()));
    }

    public synchronized List<OutboxRow> outboxRows() {
        return List.copyOf(data.outbox.values());
    }

    public synchronized Optional<Citizen> citizen(ChatKey chat) {
        return Optional.ofNullable(data.citizens.get(chat));
    }

    /** Drops a chat's conversation as a clean-up of old conversations would; the citizen stays. */
    public synchronized void forgetConversation(ChatKey chat) {
        data.conversations.remove(chat);
    }

    /** The file ids of the photos queued to be kept, in the order they came. */
    public synchronized List<String> keptPhotos() {
        return List.copyOf(data.media.keySet());
    }

    /** The stored conversation of a chat; empty until its first save. */
    public synchronized Optional<ConversationState> conversation(ChatKey chat) {
        return Optional.ofNullable(data.conversations.get(chat));
    }

    /** Inbounds waiting in the inbox, oldest first. */
    public synchronized List<Inbound> inbox() {
        return List.copyOf(data.inbox.values());
    }

    private final class View
            implements Stores,
                    ConversationStore,
                    CitizenStore,
                    AppealStore,
                    CategoryCatalog,
                    Outbox,
                    ProcessedUpdates,
                    DeadlineMarks,
                    Inbox {
        @Override
        public Inbox inbox() {
            return this;
        }

        @Override
        public long put(Inbound inbound, Instant at) {
            long id = ++data.inboxIds;
            data.inbox.put(id, inbound);
            return id;
        }

        @Override
        public List<Queued> oldest(ChatKey chat, int limit) {
            return data.inbox.entrySet().stream()
                    .filter(e -> e.getValue().chat().equals(chat))
                    .limit(limit)
                    .map(e -> new Queued(e.getKey(), e.getValue()))
                    .toList();
        }

        @Override
        public void remove(long id) {
            data.inbox.remove(id);
        }

        @Override
        public Map<ChatKey, Integer> waiting() {
            var counts = new LinkedHashMap<ChatKey, Integer>();
            data.inbox.values().forEach(i -> counts.merge(i.chat(), 1, Integer::sum));
            return counts;
        }

        @Override
        public ConversationStore conversations() {
            return this;
        }

        @Override
        public CitizenStore citizens() {
            return this;
        }

        @Override
        public AppealStore appeals() {
            return this;
        }

        @Override
        public CategoryCatalog categories() {
            return this;
        }

        @Override
        public Outbox outbox() {
            return this;
        }

        @Override
        public ProcessedUpdates processed() {
            return this;
        }

        @Override
        public DeadlineMarks deadlines() {
            return this;
        }

        @Override
        public ua.zvernennia.core.register.RegisterRecords register() {
            // The register's tests run on real databases (storage's RegisterRowsTest) and the app.
            throw new UnsupportedOperationException("the register is not kept in memory");
        }

        @Override
        public ua.zvernennia.core.media.MediaQueue media() {
            return new ua.zvernennia.core.media.MediaQueue() {
                @Override
                public void keep(ChatKey chat, PhotoRef photo, Instant now) {
                    data.media.putIfAbsent(photo.fileId(), chat);
                }

                @Override
                public void keepForAppeal(ua.zvernennia.core.chat.Channel channel, PhotoRef photo, Instant now) {
                    data.media.putIfAbsent(photo.fileId(), ChatKey.of(channel, "-"));
                }

                @Override
                public void eraseChat(ChatKey chat, Set<String> keep) {
                    data.media.entrySet().removeIf(e -> e.getValue().equals(chat) && !keep.contains(e.getKey()));
                }
            };
        }

        // conversations
        @Override
        public Optional<ConversationState> load(ChatKey chat) {
            return Optional.ofNullable(data.conversations.get(chat));
        }

        @Override
        public ConversationState save(ChatKey chat, ConversationState state) {
            ConversationState current = data.conversations.get(chat);
            long stored = current == null ? 0 : current.version();
            if (stored != state.version()) {
                throw new IllegalStateException("conversation " + chat + " was saved by another writer");
            }
            ConversationState saved = state.withVersion(stored + 1);
            data.conversations.put(chat, saved);
            return saved;
        }

        // citizens
        @Override
        public Optional<Citizen> find(ChatKey chat) {
            return Optional.ofNullable(data.citizens.get(chat));
        }

        @Override
        public void recordConsent(ChatKey chat, Instant at, String language) {
            data.citizens.putIfAbsent(chat, new Citizen(chat, at, null, null, null, true, language));
        }

        @Override
        public void saveDetails(ChatKey chat, PersonName name, String address, Phone phone, Instant at) {
            Citizen c = data.citizens.get(chat);
            if (c != null) {
                data.citizens.put(
                        chat, new Citizen(chat, c.consentAt(), name, address, phone, c.reachable(), c.language()));
            }
        }

        @Override
        public void setLanguage(ChatKey chat, String language) {
            Citizen c = data.citizens.get(chat);
            if (c != null) {
                data.citizens.put(
                        chat,
                        new Citizen(chat, c.consentAt(), c.name(), c.address(), c.phone(), c.reachable(), language));
            }
        }

        @Override
        public boolean erase(ChatKey chat) {
            return data.citizens.remove(chat) != null;
        }

        @Override
        public void setReachable(ChatKey chat, boolean reachable, String reason, Instant at) {
            Citizen c = data.citizens.get(chat);
            if (c != null) {
                data.citizens.put(
                        chat,
                        new Citizen(chat, c.consentAt(), c.name(), c.address(), c.phone(), reachable, c.language()));
            }
        }

        // appeals
        @Override
        public Appeal submit(NewAppeal a, Instant createdAt, Instant deadline, Instant legalDeadline) {
            int year = createdAt.atZone(java.time.ZoneId.of("Europe/Kyiv")).getYear();
            long seq = data.counters.merge(year, 1L, Long::sum);
            AppealNumber number = new AppealNumber(year, seq);
            Category c = a.category();
            Appeal appeal = new Appeal(
                    number,
                    a.channel(),
                    a.chat(),
                    c.id(),
                    c.nameUk(),
                    a.issueTypeId(),
                    c.issueType(a.issueTypeId()).map(t -> t.nameUk()).orElse(null),
                    c.executor(),
                    a.description(),
                    a.photos(),
                    a.point(),
                    a.placeAddress(),
                    a.name(),
                    a.address(),
                    a.phone(),
                    AppealStatus.REGISTERED,
                    c.deadlineFor(a.issueTypeId()),
                    createdAt,
                    deadline,
                    legalDeadline);
            data.appeals.put(number.toString(), appeal);
            data.events.add(new AppealEvent(
                    data.events.size() + 1,
                    number,
                    createdAt,
                    AppealEvent.Kind.CREATED,
                    null,
                    AppealStatus.REGISTERED,
                    a.chat() == null ? a.channel().name() : AppealEvent.CITIZEN,
                    null,
                    null));
            return appeal;
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
            Appeal a = data.appeals.get(number.toString());
            if (a == null || a.status() != from) {
                throw new ua.zvernennia.core.appeal.StatusMovedException(number, from);
            }
            data.appeals.put(number.toString(), a.withStatus(to));
            if (to.isClosed()) {
                data.closedAt.put(number.toString(), at);
            } else {
                data.closedAt.remove(number.toString());
            }
            AppealEvent e = new AppealEvent(
                    data.events.size() + 1, number, at, AppealEvent.Kind.STATUS, from, to, actor, note, outboxId);
            data.events.add(e);
            return e.id();
        }

        @Override
        public long addEvent(AppealNumber number, AppealEvent.Kind kind, String actor, String note, Instant at) {
            if (!data.appeals.containsKey(number.toString())) {
                throw new IllegalStateException("no appeal " + number);
            }
            AppealEvent e = new AppealEvent(data.events.size() + 1, number, at, kind, null, null, actor, note, null);
            data.events.add(e);
            return e.id();
        }

        @Override
        public List<AppealEvent> history(AppealNumber number) {
            return data.events.stream().filter(e -> e.appeal().equals(number)).toList();
        }

        @Override
        public int addPhoto(AppealNumber number, PhotoRef photo) {
            Appeal a = data.appeals.get(number.toString());
            var photos = new ArrayList<>(a.photos());
            photos.add(photo);
            data.appeals.put(number.toString(), a.withPhotos(photos));
            return photos.size() - 1;
        }

        @Override
        public void anonymise(AppealNumber number, Instant at) {
            Appeal a = data.appeals.get(number.toString());
            data.appeals.put(
                    number.toString(),
                    new Appeal(
                            a.number(),
                            a.channel(),
                            null,
                            a.categoryId(),
                            a.categoryName(),
                            a.issueTypeId(),
                            a.issueTypeName(),
                            a.executor(),
                            ANONYMOUS_TEXT,
                            List.of(),
                            a.point(),
                            a.placeAddress(),
                            ANONYMOUS_NAME,
                            ANONYMOUS_TEXT,
                            ANONYMOUS_PHONE,
                            a.status(),
                            a.deadlineClass(),
                            a.createdAt(),
                            a.deadline(),
                            a.legalDeadline()));
        }

        @Override
        public void rate(AppealNumber number, Rating rating) {
            data.ratings.put(number.toString(), rating.stars());
        }

        @Override
        public Optional<Appeal> find(AppealNumber number) {
            return Optional.ofNullable(data.appeals.get(number.toString()));
        }

        @Override
        public List<Appeal> byChat(ChatKey chat, int limit) {
            return data.appeals.values().stream()
                    .filter(a -> chat.equals(a.chat()))
                    .sorted(Comparator.comparing(Appeal::createdAt)
                            .reversed()
                            .thenComparing(a -> a.number().sequence(), Comparator.reverseOrder()))
                    .limit(limit)
                    .toList();
        }

        // categories
        @Override
        public List<Category> active() {
            return categories.stream()
                    .filter(Category::active)
                    .sorted(Comparator.comparingInt(Category::position))
                    .toList();
        }

        @Override
        public Optional<Category> find(String id) {
            return categories.stream().filter(c -> c.id().equals(id)).findFirst();
        }

        // outbox
        @Override
        public OutboxMessage enqueue(ChatKey chat, Reply reply, Instant notBefore, Instant now) {
            OutboxMessage m = new OutboxMessage(++data.outboxIds, chat, reply, 0, now);
            data.outbox.put(m.id(), new OutboxRow(m, "PENDING", notBefore, null));
            return m;
        }

        @Override
        public List<OutboxMessage> due(Instant now, int limit) {
            return data.outbox.values().stream()
                    .filter(r -> r.status().equals("PENDING") && !r.notBefore().isAfter(now))
                    .map(OutboxRow::message)
                    .limit(limit)
                    .toList();
        }

        @Override
        public void markSent(long id, String messageRef, Instant at) {
            data.outbox.computeIfPresent(
                    id, (k, r) -> new OutboxRow(r.message(), "SENT", r.notBefore(), r.lastError()));
        }

        @Override
        public void retryAt(long id, Instant next, String reason) {
            data.outbox.computeIfPresent(id, (k, r) -> {
                OutboxMessage m = r.message();
                return new OutboxRow(
                        new OutboxMessage(m.id(), m.chat(), m.reply(), m.attempts() + 1, m.createdAt()),
                        "PENDING",
                        next,
                        reason);
            });
        }

        @Override
        public void giveUp(long id, String reason, Instant at) {
            data.outbox.computeIfPresent(id, (k, r) -> new OutboxRow(r.message(), "FAILED", r.notBefore(), reason));
        }

        @Override
        public int giveUpAll(ChatKey chat, String reason, Instant at) {
            int n = 0;
            for (var e : data.outbox.entrySet()) {
                OutboxRow r = e.getValue();
                if (r.status().equals("PENDING") && r.message().chat().equals(chat)) {
                    e.setValue(new OutboxRow(r.message(), "FAILED", r.notBefore(), reason));
                    n++;
                }
            }
            return n;
        }

        @Override
        public int releaseAll(Instant now) {
            int n = 0;
            for (var e : data.outbox.entrySet()) {
                OutboxRow r = e.getValue();
                if (r.status().equals("PENDING") && r.notBefore().isAfter(now)) {
                    e.setValue(new OutboxRow(r.message(), "PENDING", now, r.lastError()));
                    n++;
                }
            }
            return n;
        }

        // processed updates
        @Override
        public boolean firstTime(ChatKey chat, String sourceId, Instant at) {
            return data.processed.add(chat + "#" + sourceId);
        }

        @Override
        public int forgetBefore(Instant before) {
            return 0;
        }

        // deadline marks
        private boolean marked(Appeal a, String mark) {
            return data.marks.getOrDefault(a.number().toString(), Map.of()).containsKey(mark);
        }

        private List<WatchedAppeal> open(
                java.util.function.Predicate<Appeal> due, Comparator<Appeal> order, int limit) {
            return data.appeals.values().stream()
                    .filter(a -> !a.status().isClosed())
                    .filter(due)
                    .sorted(order)
                    .limit(limit)
                    .map(a -> new WatchedAppeal(
                            a.number(),
                            a.categoryName(),
                            a.executor(),
                            a.status(),
                            a.createdAt(),
                            a.deadline(),
                            a.legalDeadline()))
                    .toList();
        }

        @Override
        public List<WatchedAppeal> dueForReminder(Instant now, double fraction, int limit) {
            return open(
                    a -> !marked(a, "reminded")
                            && !marked(a, "overdue")
                            && !a.deadline().isBefore(now)
                            && a.createdAt().toEpochMilli()
                                            + (a.deadline().toEpochMilli()
                                                            - a.createdAt().toEpochMilli())
                                                    * fraction
                                    <= now.toEpochMilli(),
                    Comparator.comparing(Appeal::deadline),
                    limit);
        }

        @Override
        public List<WatchedAppeal> newlyOverdue(Instant now, int limit) {
            return open(
                    a -> !marked(a, "overdue") && a.deadline().isBefore(now),
                    Comparator.comparing(Appeal::deadline),
                    limit);
        }

        @Override
        public List<WatchedAppeal> newlyPastLegalDeadline(Instant now, int limit) {
            return open(
                    a -> !marked(a, "legal") && a.legalDeadline().isBefore(now),
                    Comparator.comparing(Appeal::legalDeadline),
                    limit);
        }

        private boolean mark(AppealNumber number, String mark, Instant at) {
            return data.marks
                            .computeIfAbsent(number.toString(), k -> new HashMap<>())
                            .putIfAbsent(mark, at)
                    == null;
        }

        @Override
        public boolean markReminded(AppealNumber number, Instant at) {
            return mark(number, "reminded", at);
        }

        @Override
        public boolean markOverdue(AppealNumber number, Instant at) {
            return mark(number, "overdue", at);
        }

        @Override
        public boolean markPastLegalDeadline(AppealNumber number, Instant at) {
            return mark(number, "legal", at);
        }
    }
}
