package ua.zvernennia.storage;

import java.time.Clock;
import java.time.ZoneId;
import org.jdbi.v3.core.Handle;
import ua.zvernennia.core.appeal.AppealStore;
import ua.zvernennia.core.category.CategoryCatalog;
import ua.zvernennia.core.citizen.CitizenStore;
import ua.zvernennia.core.conversation.ConversationStore;
import ua.zvernennia.core.deadline.DeadlineMarks;
import ua.zvernennia.core.delivery.Outbox;
import ua.zvernennia.core.engine.ProcessedUpdates;
import ua.zvernennia.core.engine.Stores;
import ua.zvernennia.core.executor.Assignments;
import ua.zvernennia.core.executor.StaffNotices;

/** All stores over one handle, so that they share its transaction. Not thread-safe. */
public final class JdbiStores implements Stores {
    private final Handle handle;
    private final ConversationStore conversations;
    private final CitizenStore citizens;
    private final CommitEffects effects;
    private final JdbiAppealStore appeals;
    private final JdbiCategoryCatalog categories;
    private final JdbiOutbox outbox;
    private final JdbiProcessedUpdates processed;
    private final JdbiInbox inbox;
    private final ApiTokens apiTokens;
    private final CategoryChanges categoryChanges;
    private final AppealSearchRows appealSearch;
    private final JdbiDeadlineMarks deadlines;
    private final MediaRows media;
    private final Retention retention;
    private final AccessLogRows accessLog;
    private final ExecutorRows executors;
    private final RegisterRows register;
    private final GeocodeRows geocodes;
    private final ChatLocks locks;
    private final ResolutionPhotoRows resolutionPhotos;

    /**
     * Stores that read and write the database only (readers beside the writer); {@code instance}
     * as for the writer's.
     */
    JdbiStores(Handle handle, JdbiCategoryCatalog categories, Clock clock, ZoneId zone, String instance) {
        this(handle, categories, clock, zone, null, instance, null);
    }

    /**
     * The writer's stores: with {@code recent}, conversation states and citizens of recent chats
     * are read from memory and kept up to date after each commit (see {@link #effects()}). Where
     * several instances share the database, {@code instance} is this one's id (the outbox names
     * it as the holder of what it sends) and {@code locks} the writer's chat locks; both null
     * where this process is alone with it.
     */
    JdbiStores(
            Handle handle,
            JdbiCategoryCatalog categories,
            Clock clock,
            ZoneId zone,
            RecentRows recent,
            String instance,
            ChatLocks locks) {
        this.handle = handle;
        this.effects = new CommitEffects();
        this.locks = locks;
        ConversationStore conversationRows = new JdbiConversationStore(handle, clock, locks);
        CitizenStore citizenRows = new JdbiCitizenStore(handle);
        this.conversations = recent == null
                ? conversationRows
                : new CachedConversationStore(conversationRows, recent, effects, locks);
        // Where instances share the database a citizen row may change elsewhere (a delivery that
        // found the citizen unreachable, an erasure): it is read every time.
        this.citizens =
                recent == null || locks != null ? citizenRows : new CachedCitizenStore(citizenRows, recent, effects);
        var aggregates = new OpenMapAggregates(handle, zone);
        this.executors = new ExecutorRows(handle, aggregates);
        var notices = new StaffNotices(zone);
        this.appeals = new JdbiAppealStore(
                handle,
                zone,
                aggregates,
                a -> executors
                        .route(a.number().toString(), a.categoryId(), a.issueTypeId(), a.executor())
                        .ifPresent(e -> notices.assigned(this, a, e, clock.instant())));
        this.categories = categories;
        this.outbox = new JdbiOutbox(handle, instance, locks);
        this.processed = new JdbiProcessedUpdates(handle);
        this.inbox = new JdbiInbox(handle, instance != null, locks);
        this.apiTokens = new ApiTokens(handle);
        this.categoryChanges = new CategoryChanges(handle, categories, executors);
        this.appealSearch = new AppealSearchRows(handle, appeals);
        this.deadlines = new JdbiDeadlineMarks(handle, appeals.aggregates());
        this.media = new MediaRows(handle);
        this.retention = new Retention(handle);
        this.accessLog = new AccessLogRows(handle);
        this.register = new RegisterRows(handle);
        this.geocodes = new GeocodeRows(handle, appeals.aggregates());
        this.resolutionPhotos = new ResolutionPhotoRows(handle);
    }

    /** The register: channels, classification, questions, the topic mapping, report narratives and counts. */
    @Override
    public RegisterRows register() {
        return register;
    }

    /** Executors, their staff, and which appeals are whose. */
    public ExecutorRows executors() {
        return executors;
    }

    @Override
    public Assignments assignments() {
        return executors;
    }

    /** The photos of the work done, kept with the appeals they resolved. */
    @Override
    public ResolutionPhotoRows resolutionPhotos() {
        return resolutionPhotos;
    }

    /** The geocoder's queue and cache, and operators' corrections of the map's points. */
    public GeocodeRows geocodes() {
        return geocodes;
    }

    /** The public map's and statistics' aggregates in this transaction. */
    OpenMapAggregates aggregates() {
        return appeals.aggregates();
    }

    /** Who read whose personal data. */
    public AccessLogRows accessLog() {
        return accessLog;
    }

    /** The retention job's look-ups and batches. */
    public Retention retention() {
        return retention;
    }

    @Override
    public void lockChat(ua.zvernennia.core.chat.ChatKey chat) {
        if (locks != null) {
            locks.lock(chat);
        }
    }

    /** The chat locks of the writer's transaction where several instances share the database; null otherwise. */
    ChatLocks locks() {
        return locks;
    }

    /** What the units of the current transaction asked to be done after its commit. */
    CommitEffects effects() {
        return effects;
    }

    public ApiTokens apiTokens() {
        return apiTokens;
    }

    /** Edits of the category menu in this transaction; see {@link Storage#editMenu}. */
    public CategoryChanges categoryChanges() {
        return categoryChanges;
    }

    /** Operators' look-ups: appeals by filters, histories with the delivery of pushes. */
    public AppealSearchRows appealSearch() {
        return appealSearch;
    }

    /** The handle of the unit of work, for storage-level work beyond the core's ports. */
    public Handle handle() {
        return handle;
    }

    @Override
    public ConversationStore conversations() {
        return conversations;
    }

    @Override
    public CitizenStore citizens() {
        return citizens;
    }

    @Override
    public AppealStore appeals() {
        return appeals;
    }

    @Override
    public CategoryCatalog categories() {
        return categories;
    }

    @Override
    public Outbox outbox() {
        return outbox;
    }

    @Override
    public ProcessedUpdates processed() {
        return processed;
    }

    @Override
    public ua.zvernennia.core.engine.Inbox inbox() {
        return inbox;
    }

    @Override
    public DeadlineMarks deadlines() {
        return deadlines;
    }

    /** Photos queued at receipt and their kept bytes. */
    @Override
    public MediaRows media() {
        return media;
    }
}
