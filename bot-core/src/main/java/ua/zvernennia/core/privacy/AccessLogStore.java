package ua.zvernennia.core.privacy;

import java.time.Instant;
import java.util.List;

/**
 * Port: the access log, who among staff read whose personal data. A record is committed before
 * the data is shown. Each call is its own transaction. Thread-safe.
 */
public interface AccessLogStore {
    /** One entry; {@code appeal} is null for an action about no single appeal (a search that found nothing). */
    record Entry(long id, Instant at, String actor, String via, String action, String appeal) {}

    /** Records one look by {@code actor} at each of {@code appeals} (or one entry with none). */
    void record(Instant at, String actor, String via, String action, List<String> appeals);

    /** Entries newest first, optionally of one appeal, one actor, and from (inclusive) and to (exclusive). */
    List<Entry> list(String appeal, String actor, Instant from, Instant to, int offset, int limit);

    /** Deletes up to {@code limit} entries older than {@code cutoff}; returns how many. */
    int deleteBefore(Instant cutoff, int limit);
}
