package ua.zvernennia.core.executor;

import java.util.regex.Pattern;

/**
 * A service that fixes what citizens report (a department, a utility, a contractor): appeals go
 * to it directly, its staff see and handle only its own.
 *
 * @param staffChat   the Telegram chat of its field staff that gets each new appeal with buttons; null for none
 * @param showCitizen whether its staff see the citizen's name and phone (the problem's place,
 *                    description and photos they always see)
 */
public record Executor(long id, String name, String contacts, String staffChat, boolean showCitizen, boolean active) {
    public static final int MAX_NAME = 200;
    public static final int MAX_CONTACTS = 1000;
    private static final Pattern CHAT = Pattern.compile("-?[0-9]{1,20}");

    public Executor {
        name = requireName(name);
        contacts = contacts == null || contacts.isBlank() ? null : contacts.strip();
        if (contacts != null && contacts.length() > MAX_CONTACTS) {
            throw new IllegalArgumentException("contacts: at most " + MAX_CONTACTS + " characters");
        }
        staffChat = staffChat == null || staffChat.isBlank() ? null : staffChat.strip();
        if (staffChat != null && !CHAT.matcher(staffChat).matches()) {
            throw new IllegalArgumentException("staffChat: a Telegram chat id such as -1001234567890");
        }
    }

    static String requireName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name: 1.." + MAX_NAME + " characters required");
        }
        String s = name.strip();
        if (s.length() > MAX_NAME) {
            throw new IllegalArgumentException("name: at most " + MAX_NAME + " characters");
        }
        return s;
    }
}
