package ua.zvernennia.core.category;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A direction of the city menu (Водоканал, Ліфти, ...), handled by one executor (a department or
 * a utility) within its deadline class.
 *
 * @param executor   the executor's name as appeals filed under the category are first given it;
 *                   the storage keeps it the name of the executor {@code executorId} names
 * @param executorId the executor (an {@code executor} record) its appeals are routed to; null when
 *                   it refers to none, or only by a name that has no record yet
 */
public record Category(
        String id,
        String nameUk,
        String nameEn,
        String emoji,
        DeadlineClass deadlineClass,
        String executor,
        Long executorId,
        int position,
        boolean active,
        List<IssueType> issueTypes) {

    /** Longest label that fits a button on both messengers. */
    public static final int MAX_NAME = 40;
    /** Longest emoji sequence (a flag or a family is several code points). */
    public static final int MAX_EMOJI = 16;

    public static final int MAX_EXECUTOR = 200;
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,31}");

    public Category {
        requireId(id);
        requireName(nameUk, "nameUk");
        nameUk = nameUk.strip();
        nameEn = englishName(nameEn, nameUk);
        emoji = emoji == null || emoji.isBlank() ? null : emoji.strip();
        if (emoji != null && (emoji.length() > MAX_EMOJI || emoji.codePoints().anyMatch(Character::isLetter))) {
            throw new IllegalArgumentException(
                    "emoji must be an emoji of at most " + MAX_EMOJI + " characters, not text: " + emoji);
        }
        if (deadlineClass == null) {
            throw new IllegalArgumentException("deadlineClass is missing: one of EMERGENCY, SHORT, MEDIUM, LONG");
        }
        executor = executor == null ? "" : executor.strip();
        if (executor.length() > MAX_EXECUTOR) {
            throw new IllegalArgumentException("executor is longer than " + MAX_EXECUTOR + " characters");
        }
        issueTypes = issueTypes == null ? List.of() : List.copyOf(issueTypes);
    }

    /** A category that refers to its executor by name only (menus written before executors were records). */
    public Category(
            String id,
            String nameUk,
            String nameEn,
            String emoji,
            DeadlineClass deadlineClass,
            String executor,
            int position,
            boolean active,
            List<IssueType> issueTypes) {
        this(id, nameUk, nameEn, emoji, deadlineClass, executor, null, position, active, issueTypes);
    }

    static void requireId(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException(
                    "id must be 1..32 of a-z, 0-9, '_' or '-', starting with a letter or digit: " + id);
        }
    }

    /** The English name as given, or the Ukrainian one when none is given. */
    static String englishName(String nameEn, String nameUk) {
        if (nameEn == null || nameEn.isBlank()) {
            return nameUk;
        }
        requireName(nameEn, "nameEn");
        return nameEn.strip();
    }

    static void requireName(String name, String what) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException(what + " is empty");
        }
        if (name.strip().length() > MAX_NAME) {
            throw new IllegalArgumentException(what + " is longer than " + MAX_NAME + " characters: " + name);
        }
    }

    public Category withPosition(int newPosition) {
        return new Category(
                id, nameUk, nameEn, emoji, deadlineClass, executor, executorId, newPosition, active, issueTypes);
    }

    public Category withIssueTypes(List<IssueType> newIssueTypes) {
        return new Category(
                id, nameUk, nameEn, emoji, deadlineClass, executor, executorId, position, active, newIssueTypes);
    }

    /** The same category handled by the executor {@code id} (null: none), known by {@code name}. */
    public Category withExecutor(Long id, String name) {
        return new Category(this.id, nameUk, nameEn, emoji, deadlineClass, name, id, position, active, issueTypes);
    }

    public String name(String language) {
        return "en".equals(language) ? nameEn : nameUk;
    }

    public List<IssueType> activeIssueTypes() {
        return issueTypes.stream()
                .filter(IssueType::active)
                .sorted(java.util.Comparator.comparingInt(IssueType::position))
                .toList();
    }

    public Optional<IssueType> issueType(String issueTypeId) {
        return issueTypes.stream().filter(t -> t.id().equals(issueTypeId)).findFirst();
    }

    /** The deadline class of an appeal filed under this category and, optionally, an issue type. */
    public DeadlineClass deadlineFor(String issueTypeId) {
        return issueType(issueTypeId)
                .map(IssueType::deadlineClass)
                .filter(Objects::nonNull)
                .orElse(deadlineClass);
    }
}
