package ua.zvernennia.core.executor;

import java.util.regex.Pattern;

/** One of an executor's field staff, known by their Telegram user id. */
public record StaffMember(long executorId, String telegramUserId, String name) {
    private static final Pattern USER = Pattern.compile("[0-9]{1,20}");

    public StaffMember {
        if (telegramUserId == null || !USER.matcher(telegramUserId.strip()).matches()) {
            throw new IllegalArgumentException("telegramUserId: the user's numeric Telegram id");
        }
        telegramUserId = telegramUserId.strip();
        if (name == null || name.isBlank() || name.strip().length() > 100) {
            throw new IllegalArgumentException("name: 1..100 characters required");
        }
        name = name.strip();
    }
}
