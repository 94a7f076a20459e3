package ua.zvernennia.core.open311;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import ua.zvernennia.core.appeal.Appeal;
import ua.zvernennia.core.appeal.AppealNumber;
import ua.zvernennia.core.appeal.AppealStatus;
import ua.zvernennia.core.engine.UnitOfWork;

/**
 * Port: what Open311 GeoReport v2 and the public web form keep beside the appeals: the partner
 * apps' API keys (kept so that a key cannot be read back), where a WEB appeal came from, and
 * whether an operator made an appeal's description public. Each call is its own transaction.
 * Thread-safe.
 */
public interface Open311Store {
    int MAX_NAME = 100;
    int MAX_SOURCE = 40;
    /** The history notes of a description made public, and private again. */
    String DESCRIPTION_PUBLISHED = "опис звернення оприлюднено (Open311)";

    String DESCRIPTION_HIDDEN = "опис звернення більше не оприлюднюється (Open311)";

    /** A partner's key as listed: never the key itself. */
    record Key(
            long id,
            String name,
            String source,
            int perMinute,
            Instant createdAt,
            String createdBy,
            Instant revokedAt) {
        public boolean active() {
            return revokedAt == null;
        }
    }

    /**
     * Service requests to list; each null or empty filter matches everything.
     *
     * @param numbers     appeal numbers (service_request_id)
     * @param categoryIds categories, and {@code issueTypes} (category id, issue type id) pairs: an
     *                    appeal matches either list
     * @param from        registered at or after; {@code to}: before
     */
    record Query(
            List<String> numbers,
            Set<String> categoryIds,
            Set<Map.Entry<String, String>> issueTypes,
            Set<AppealStatus> statuses,
            Instant from,
            Instant to,
            int offset,
            int limit) {
        public Query {
            numbers = numbers == null ? List.of() : List.copyOf(numbers);
            categoryIds = categoryIds == null ? Set.of() : Set.copyOf(categoryIds);
            issueTypes = issueTypes == null ? Set.of() : Set.copyOf(issueTypes);
            statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
            if (offset < 0 || limit < 1) {
                throw new IllegalArgumentException("offset must be 0 or more and limit 1 or more");
            }
        }
    }

    /** An appeal as the public sees it through Open311 (the caller leaves the personal fields out). */
    record Request(Appeal appeal, String source, boolean descriptionPublic, Instant updatedAt) {}

    /** Keeps a new key and returns its id. */
    long createKey(String name, String source, int perMinute, String key, String createdBy, Instant now);

    List<Key> keys();

    /** The active key with this value, if any. */
    Optional<Key> findActiveKey(String key);

    /** Revokes the key; false when there is no active key with this id. */
    boolean revokeKey(long id, Instant now);

    /**
     * Runs {@code registration} (the operators' desk registering a WEB appeal) and records where
     * the appeal came from (a partner's name, or the web form), in one transaction.
     */
    Appeal register(String source, UnitOfWork.Work<Appeal> registration);

    /**
     * Makes the appeal's description public or private again and writes the change to its
     * history; false (and nothing written) when it already was so.
     *
     * @throws ua.zvernennia.core.refusal.Refusal NOT_FOUND when there is no such appeal
     */
    boolean setDescriptionPublic(AppealNumber number, boolean visible, String actor, Instant now);

    Optional<Request> find(AppealNumber number);

    /** The requests that match, newest first. */
    List<Request> requests(Query query);
}
