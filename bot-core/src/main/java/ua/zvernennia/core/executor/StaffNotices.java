package ua.zvernennia.core.executor;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.ResourceBundle;
import ua.zvernennia.core.appeal.Appeal;
import ua.zvernennia.core.chat.Button;
import ua.zvernennia.core.chat.Channel;
import ua.zvernennia.core.chat.ChatKey;
import ua.zvernennia.core.chat.Keyboard;
import ua.zvernennia.core.chat.Reply;
import ua.zvernennia.core.engine.Stores;

/**
 * The messages an executor's field staff get in their Telegram chat: each new or reassigned
 * appeal with the buttons to act on it, and the morning digest of its open appeals. They go through the outbox, in the transaction of the
 * change, and so within Telegram's limits like every other message. Stateless and thread-safe.
 */
public final class StaffNotices {
    /** Button ids: the action, then the appeal number. */
    public static final String TAKE = "staff:take:";

    public static final String DONE = "staff:done:";
    public static final String BACK = "staff:back:";

    private static final ResourceBundle TEXTS = ResourceBundle.getBundle("staff");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private final ZoneId zone;

    public StaffNotices(ZoneId zone) {
        this.zone = zone;
    }

    public static String text(String key, Object... args) {
        String s = TEXTS.getString(key);
        return args.length == 0 ? s : java.text.MessageFormat.format(s.replace("'", "''"), args);
    }

    /** Queues the appeal for the executor's staff chat, if it has one. */
    public void assigned(Stores stores, Appeal a, Executor executor, Instant now) {
        if (executor.staffChat() == null) {
            return;
        }
        StringBuilder t = new StringBuilder(text("staff.new", a.number().toString()));
        t.append('\n')
                .append(text(
                        "staff.direction",
                        a.categoryName() + (a.issueTypeName() == null ? "" : " / " + a.issueTypeName())));
        if (a.placeAddress() != null) {
            t.append('\n').append(text("staff.place", a.placeAddress()));
        }
        if (a.point() != null) {
            t.append('\n')
                    .append(text(
                            "staff.pin",
                            String.valueOf(a.point().latitude()),
                            String.valueOf(a.point().longitude())));
        }
        t.append('\n').append(text("staff.deadline", WHEN.format(a.deadline().atZone(zone))));
        t.append("\n\n").append(a.description());
        if (executor.showCitizen()) {
            t.append("\n\n")
                    .append(text(
                            "staff.citizen",
                            a.name().firstName() + " " + a.name().lastName(),
                            a.phone().e164()));
        }
        String n = a.number().toString();
        Keyboard buttons = new Keyboard.Menu(
                List.of(
                        Button.of(TAKE + n, text("staff.button.take")),
                        Button.of(DONE + n, text("staff.button.done")),
                        Button.of(BACK + n, text("staff.button.back"))),
                1,
                List.of());
        String body = t.length() > Reply.MAX_TEXT - 10 ? t.substring(0, Reply.MAX_TEXT - 10) + "…" : t.toString();
        stores.outbox().enqueue(ChatKey.of(Channel.TELEGRAM, executor.staffChat()), Reply.of(body, buttons), now, now);
    }

    /**
     * The executor's morning digest of {@code day}: how many appeals are open and overdue, then
     * the overdue ones and the other open ones by deadline (number, direction, deadline; nothing
     * about the citizen), each list cut after what {@code open} holds with the rest counted.
     */
    public String digest(Executor executor, LocalDate day, Assignments.OpenAppeals open) {
        StringBuilder t = new StringBuilder(text("staff.digest.title", DAY.format(day), executor.name()));
        t.append('\n').append(text("staff.digest.counts", String.valueOf(open.open()), String.valueOf(open.overdue())));
        if (!open.overdueFirst().isEmpty()) {
            t.append("\n\n").append(text("staff.digest.overdue"));
            lines(t, open.overdueFirst(), open.overdue());
        }
        if (!open.others().isEmpty()) {
            t.append("\n\n").append(text("staff.digest.open"));
            lines(t, open.others(), open.open() - open.overdue());
        }
        String body = t.toString();
        return body.length() > Reply.MAX_TEXT ? body.substring(0, Reply.MAX_TEXT - 1) + "…" : body;
    }

    private void lines(StringBuilder t, List<Assignments.OpenAppeal> listed, int total) {
        for (Assignments.OpenAppeal a : listed) {
            t.append('\n')
                    .append(text(
                            "staff.digest.line",
                            a.number().toString(),
                            a.direction(),
                            WHEN.format(a.deadline().atZone(zone))));
        }
        if (total > listed.size()) {
            t.append('\n').append(text("staff.digest.more", String.valueOf(total - listed.size())));
        }
    }
}
