package ua.zvernennia.core.desk;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import ua.zvernennia.core.appeal.Appeal;
import ua.zvernennia.core.appeal.AppealEvent;
import ua.zvernennia.core.appeal.AppealNumber;
import ua.zvernennia.core.appeal.AppealStatus;
import ua.zvernennia.core.chat.Channel;

/**
 * Port: what operators look up: appeals by filters, newest first, a page at a time, and an
 * appeal's history with the delivery of each push to the citizen. Each call reads what is
 * committed. Thread-safe.
 */
public interface AppealSearch {
    int MAX_LIMIT = 200;
    int MAX_TEXT = 200;

    /**
     * Filters; each null or empty one matches everything. Times are of registration, from
     * inclusive, to exclusive. {@code executorId}, when set, keeps only the appeals assigned to
     * that executor (what its own staff may see).
     */
    record Filter(
            Set<AppealStatus> statuses,
            String categoryId,
            Channel channel,
            String executor,
            Boolean overdue,
            String text,
            Instant createdFrom,
            Instant createdTo,
            int offset,
            int limit,
            Long executorId) {
        public Filter(
                Set<AppealStatus> statuses,
                String categoryId,
                Channel channel,
                String executor,
                Boolean overdue,
                String text,
                Instant createdFrom,
                Instant createdTo,
                int offset,
                int limit) {
            this(statuses, categoryId, channel, executor, overdue, text, createdFrom, createdTo, offset, limit, null);
        }

        /** The same filter, keeping only the executor's appeals. */
        public Filter ofExecutor(long id) {
            return new Filter(
                    statuses, categoryId, channel, executor, overdue, text, createdFrom, createdTo, offset, limit, id);
        }

        public Filter {
            statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
            if (offset < 0) {
                throw new IllegalArgumentException("offset must be 0 or more");
            }
            if (limit < 1 || limit > MAX_LIMIT) {
                throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT);
            }
            if (text != null && text.strip().length() > MAX_TEXT) {
                throw new IllegalArgumentException("text must be at most " + MAX_TEXT + " characters");
            }
            if (createdFrom != null && createdTo != null && !createdFrom.isBefore(createdTo)) {
                throw new IllegalArgumentException("from must be before to");
            }
        }

        public static Filter all(int offset, int limit) {
            return new Filter(Set.of(), null, null, null, null, null, null, null, offset, limit);
        }
    }

    /** An appeal with what the operators' views add to it. */
    record Found(Appeal appeal, boolean overdue, Instant closedAt, Integer rating) {}

    record Page(long total, List<Found> items) {
        public Page {
            items = List.copyOf(items);
        }
    }

    /**
     * The message that told the citizen about a history entry, as the outbox has it.
     *
     * @param status PENDING (not yet delivered: waiting, or retrying after a failure), SENT or
     *               FAILED (given up: the citizen is unreachable or the messenger refused it)
     */
    record Push(long outboxId, String status, int attempts, String lastError, Instant sentAt) {}

    /** A history entry; {@code push} is null when the citizen was not told. */
    record HistoryEntry(AppealEvent event, Push push) {}

    /** The appeals that match, overdue as of {@code now}. */
    Page find(Filter filter, Instant now);

    Optional<Found> find(AppealNumber number, Instant now);

    /** The appeal's history, oldest first; empty for no such appeal. */
    List<HistoryEntry> history(AppealNumber number);
}
