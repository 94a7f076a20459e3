package ua.zvernennia.core.register;

import java.util.regex.Pattern;

/**
 * A channel appeals come in by, as the register and the council's report know it. The built-in
 * ones are the app's own channels (the messengers, phone, e-mail, the hotlines, in person, the
 * web); admins add more (the regional governor's hotline, letters by post, appeals forwarded by
 * other bodies...). Messenger channels are fixed: the bot alone files them.
 *
 * @param reportGroup the group the report sums this channel into (such as «гарячі лінії»), or null
 * @param position    the order in lists and in the report
 */
public record IntakeChannel(String code, String nameUk, String reportGroup, boolean messenger, boolean builtIn, boolean active,
                            int position) {
    public static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,31}");
    public static final int MAX_NAME = 80;

    public IntakeChannel {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("code: 2..32 capital Latin letters, digits and underscores, starting with a letter (such as REGIONAL_HOTLINE)");
        }
        if (nameUk == null || nameUk.isBlank() || nameUk.strip().length() > MAX_NAME) {
            throw new IllegalArgumentException("nameUk: 1.." + MAX_NAME + " characters required");
        }
        nameUk = nameUk.strip();
        reportGroup = reportGroup == null || reportGroup.isBlank() ? null : reportGroup.strip();
        if (reportGroup != null && reportGroup.length() > MAX_NAME) {
            throw new IllegalArgumentException("reportGroup: at most " + MAX_NAME + " characters");
        }
    }
}
