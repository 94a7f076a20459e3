package ua.zvernennia.core.register;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A channel appeals come in by, as the register and the council's report know it. The built-in
 * ones are the app's own channels (the messengers, phone, e-mail, the hotlines, in person, the
 * web); admins add more (the regional governor's hotline, letters by post, appeals forwarded by
 * other bodies...). Messenger channels are fixed: the bot alone files them. Checks itself in its
 * constructor, naming the field that does not fit.
 *
 * @param reportGroup the group the report sums this channel into (such as «гарячі лінії»), or null
 * @param position    the order in lists and in the report
 */
public record IntakeChannel(
        String code,
        String nameUk,
        String reportGroup,
        boolean messenger,
        boolean builtIn,
        boolean active,
        int position) {
    public static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,31}");
    public static final int MAX_NAME = 80;

    /**
     * The channels a register starts with: the app's own, and three a city may deactivate. They
     * are the register's channels until an admin first adds or changes one; then they are
     * written down with the change.
     */
    public static final List<IntakeChannel> DEFAULTS = List.of(
            new IntakeChannel("GOV_HOTLINE", "Урядова гаряча лінія", "Гарячі лінії", false, true, true, 10),
            new IntakeChannel(
                    "REGIONAL_HOTLINE",
                    "Гаряча лінія голови облдержадміністрації",
                    "Гарячі лінії",
                    false,
                    false,
                    true,
                    20),
            new IntakeChannel("HOTLINE", "Гаряча лінія міста", "Гарячі лінії", false, true, true, 30),
            new IntakeChannel("PHONE", "Телефоном", null, false, true, true, 40),
            new IntakeChannel("MAIL", "Листом поштою", "Письмові звернення", false, false, true, 50),
            new IntakeChannel(
                    "FORWARDED",
                    "Від інших органів, установ, організацій",
                    "Письмові звернення",
                    false,
                    false,
                    true,
                    60),
            new IntakeChannel("IN_PERSON", "На особистому прийомі", null, false, true, true, 70),
            new IntakeChannel("EMAIL", "Електронною поштою", "Електронні звернення", false, true, true, 80),
            new IntakeChannel("WEB", "Вебсайт і застосунки", "Електронні звернення", false, true, true, 90),
            new IntakeChannel("TELEGRAM", "Telegram", "Електронні звернення", true, true, true, 100),
            new IntakeChannel("VIBER", "Viber", "Електронні звернення", true, true, true, 110),
            new IntakeChannel("CONSOLE", "Демо в терміналі", null, true, true, false, 120));

    public IntakeChannel {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new IllegalArgumentException(
                    "code: 2..32 capital Latin letters, digits and underscores, starting with a letter (such as REGIONAL_HOTLINE)");
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
