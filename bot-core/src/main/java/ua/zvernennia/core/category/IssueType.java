package ua.zvernennia.core.category;

/**
 * A second-level choice inside a category. A null {@code deadlineClass} means the category's.
 */
public record IssueType(
        String id, String nameUk, String nameEn, DeadlineClass deadlineClass, int position, boolean active) {
    public IssueType {
        Category.requireId(id);
        Category.requireName(nameUk, "nameUk");
        nameUk = nameUk.strip();
        nameEn = Category.englishName(nameEn, nameUk);
    }

    public String name(String language) {
        return "en".equals(language) ? nameEn : nameUk;
    }

    public IssueType withPosition(int newPosition) {
        return new IssueType(id, nameUk, nameEn, deadlineClass, newPosition, active);
    }

    public IssueType withDeadlineClass(DeadlineClass d) {
        return new IssueType(id, nameUk, nameEn, d, position, active);
    }
}
