package ua.zvernennia.core.category;

/**
 * A second-level choice inside a category. A null {@code deadlineClass} means the category's; a
 * null {@code executorId} means the category's executor.
 */
public record IssueType(
        String id,
        String nameUk,
        String nameEn,
        DeadlineClass deadlineClass,
        Long executorId,
        int position,
        boolean active) {
    public IssueType {
        Category.requireId(id);
        Category.requireName(nameUk, "nameUk");
        nameUk = nameUk.strip();
        nameEn = Category.englishName(nameEn, nameUk);
    }

    /** An issue type whose appeals go to the category's executor. */
    public IssueType(
            String id, String nameUk, String nameEn, DeadlineClass deadlineClass, int position, boolean active) {
        this(id, nameUk, nameEn, deadlineClass, null, position, active);
    }

    public String name(String language) {
        return "en".equals(language) ? nameEn : nameUk;
    }

    public IssueType withPosition(int newPosition) {
        return new IssueType(id, nameUk, nameEn, deadlineClass, executorId, newPosition, active);
    }

    public IssueType withDeadlineClass(DeadlineClass d) {
        return new IssueType(id, nameUk, nameEn, d, executorId, position, active);
    }

    /** The same issue type with its appeals going to the executor {@code id} (null: the category's). */
    public IssueType withExecutorId(Long id) {
        return new IssueType(this.id, nameUk, nameEn, deadlineClass, id, position, active);
    }
}
