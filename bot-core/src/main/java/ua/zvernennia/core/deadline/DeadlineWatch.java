package ua.zvernennia.core.deadline;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ua.zvernennia.core.appeal.AppealNumber;
import ua.zvernennia.core.chat.Reply;
import ua.zvernennia.core.conversation.Texts;
import ua.zvernennia.core.engine.Stores;
import ua.zvernennia.core.engine.UnitOfWork;

/**
 * Deadline control: reminds operators of coming deadlines, marks appeals overdue when their
 * deadline passes while they are open, and marks those past their legal deadline. Each mark and
 * the staff chat's message about it are written in one transaction, so a crash neither loses a
 * notice nor repeats one. Run {@link #runOnce()} periodically; the clock decides what is due.
 * Thread-safe when passes do not overlap (one scheduler thread).
 */
public final class DeadlineWatch {
    private static final Logger log = LoggerFactory.getLogger(DeadlineWatch.class);
    /** Appeals marked per transaction. */
    static final int BATCH = 500;
    /** Appeals named in one staff message; the rest are counted, so a backlog is one message, not a flood. */
    static final int LISTED = 20;

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm", Locale.ROOT);

    private final UnitOfWork unitOfWork;
    private final Clock clock;
    private final DeadlineSettings settings;
    private final Texts texts = Texts.of(Texts.DEFAULT_LANGUAGE);

    /** What one pass marked. */
    public record Pass(int reminded, int overdue, int pastLegalDeadline) {
        public boolean isEmpty() {
            return reminded == 0 && overdue == 0 && pastLegalDeadline == 0;
        }
    }

    private interface Finder {
        List<WatchedAppeal> find(DeadlineMarks marks, Instant now);
    }

    public DeadlineWatch(UnitOfWork unitOfWork, Clock clock, DeadlineSettings settings) {
        this.unitOfWork = unitOfWork;
        this.clock = clock;
        this.settings = settings;
    }

    /** Marks everything due at the clock's now; returns how many appeals got each mark. */
    public Pass runOnce() {
        Instant now = clock.instant();
        int overdue = markAll(now, (m, t) -> m.newlyOverdue(t, BATCH), DeadlineMarks::markOverdue, "staff.overdue");
        int legal = markAll(
                now, (m, t) -> m.newlyPastLegalDeadline(t, BATCH), DeadlineMarks::markPastLegalDeadline, "staff.legal");
        int reminded = markAll(
                now,
                (m, t) -> m.dueForReminder(t, settings.reminderFraction(), BATCH),
                DeadlineMarks::markReminded,
                "staff.reminder");
        Pass pass = new Pass(reminded, overdue, legal);
        if (!pass.isEmpty()) {
            log.info("deadline control: {} reminded, {} overdue, {} past the legal deadline", reminded, overdue, legal);
        }
        return pass;
    }

    private interface Marker {
        boolean mark(DeadlineMarks marks, AppealNumber number, Instant at);
    }

    private int markAll(Instant now, Finder finder, Marker marker, String titleKey) {
        int total = 0;
        while (true) {
            int marked = unitOfWork.run(s -> markBatch(s, now, finder, marker, titleKey));
            total += marked;
            if (marked < BATCH) {
                return total;
            }
        }
    }

    private int markBatch(Stores s, Instant now, Finder finder, Marker marker, String titleKey) {
        List<WatchedAppeal> found = finder.find(s.deadlines(), now);
        // Only what this pass marked is told: a pass running at once elsewhere tells the rest.
        List<WatchedAppeal> marked = found.stream()
                .filter(a -> marker.mark(s.deadlines(), a.number(), now))
                .toList();
        if (!marked.isEmpty() && settings.staffChat().isPresent()) {
            s.outbox().enqueue(settings.staffChat().get(), Reply.text(message(titleKey, marked)), now, now);
        }
        return found.size();
    }

    String message(String titleKey, List<WatchedAppeal> appeals) {
        StringBuilder text = new StringBuilder(texts.get(titleKey, appeals.size()));
        appeals.stream()
                .limit(LISTED)
                .forEach(a -> text.append('\n')
                        .append(texts.get(
                                "staff.line",
                                a.number(),
                                a.categoryName(),
                                a.executor(),
                                WHEN.format(a.deadline().atZone(settings.zone())),
                                WHEN.format(a.legalDeadline().atZone(settings.zone())))));
        if (appeals.size() > LISTED) {
            text.append('\n').append(texts.get("staff.more", appeals.size() - LISTED));
        }
        return text.toString();
    }
}
