package ua.zvernennia.core.executor;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import ua.zvernennia.core.appeal.AppealNumber;
import ua.zvernennia.core.appeal.AppealStatus;
import ua.zvernennia.core.chat.ChatKey;
import ua.zvernennia.core.chat.Event;
import ua.zvernennia.core.chat.Reply;
import ua.zvernennia.core.desk.OperatorDesk;
import ua.zvernennia.core.engine.Stores;
import ua.zvernennia.core.refusal.Refusal;

/**
 * The small conversation of an executor's staff chat, apart from the citizens' state machine:
 * the buttons of {@link StaffNotices} and the photo with a comment that «Виконано» asks for. Only
 * the executor's registered staff may act, and only on the executor's own appeals; anyone else's
 * press is refused with a short notice and changes nothing. Every action goes to the appeal's
 * history under the staff member's name and Telegram id. Runs inside the chat's turn, in its
 * unit of work. Stateless and thread-safe.
 */
public final class StaffChat {
    /** What a turn in the staff chat says: messages to the chat, and the notice to the presser (or null). */
    public record Outcome(List<Reply> replies, String alert) {
        public Outcome {
            replies = List.copyOf(replies);
        }

        static Outcome quiet() {
            return new Outcome(List.of(), null);
        }

        static Outcome alert(String text) {
            return new Outcome(List.of(), text);
        }

        static Outcome say(String text) {
            return new Outcome(List.of(Reply.text(text)), null);
        }
    }

    private final ExecutorDesk executors;
    private final OperatorDesk desk;

    public StaffChat(ExecutorDesk executors, OperatorDesk desk) {
        this.executors = executors;
        this.desk = desk;
    }

    /** Whether the event is one of a staff chat's. */
    public static boolean concerns(Event event) {
        return event instanceof Event.StaffPress || event instanceof Event.StaffMessage;
    }

    /**
     * Handles the press or message; null when the chat is no executor's staff chat and it was a
     * message (the chat is then answered as any group chat is).
     */
    public Outcome handle(Stores stores, ChatKey chat, Event event, Instant now) {
        boolean press = event instanceof Event.StaffPress;
        String userId = press ? ((Event.StaffPress) event).userId() : ((Event.StaffMessage) event).userId();
        Optional<Executor> executor = stores.assignments().byStaffChat(chat.id());
        if (executor.isEmpty()) {
            return press ? Outcome.alert(StaffNotices.text("staff.not_staff_chat")) : null;
        }
        Optional<StaffMember> member =
                stores.assignments().staffMember(executor.get().id(), userId);
        if (member.isEmpty()) {
            return press ? Outcome.alert(StaffNotices.text("staff.stranger")) : Outcome.quiet();
        }
        String actor = actor(member.get());
        return press
                ? press(stores, chat, executor.get(), member.get(), actor, ((Event.StaffPress) event).id(), now)
                : message(stores, chat, member.get(), actor, (Event.StaffMessage) event);
    }

    private Outcome press(
            Stores stores, ChatKey chat, Executor executor, StaffMember member, String actor, String id, Instant now) {
        String prefix = id.startsWith(StaffNotices.TAKE)
                ? StaffNotices.TAKE
                : id.startsWith(StaffNotices.DONE)
                        ? StaffNotices.DONE
                        : id.startsWith(StaffNotices.BACK) ? StaffNotices.BACK : null;
        Optional<AppealNumber> parsed =
                prefix == null ? Optional.empty() : AppealNumber.parse(id.substring(prefix.length()));
        if (parsed.isEmpty()) {
            return Outcome.alert(StaffNotices.text("staff.unknown"));
        }
        AppealNumber number = parsed.get();
        String n = number.toString();
        try {
            ExecutorDesk.mine(stores, number, executor.id());
        } catch (Refusal r) {
            return Outcome.alert(StaffNotices.text("staff.not_yours", n));
        }
        try {
            switch (prefix) {
                case StaffNotices.TAKE -> {
                    desk.changeStatus(stores, number, AppealStatus.IN_PROGRESS, null, actor);
                    return Outcome.say(StaffNotices.text("staff.taken", member.name(), n));
                }
                case StaffNotices.BACK -> {
                    executors.handBack(stores, number, executor.id(), StaffNotices.text("staff.back.reason"), actor);
                    stores.assignments().forgetAwaited(chat.id(), member.telegramUserId());
                    return Outcome.say(StaffNotices.text("staff.returned", n, member.name()));
                }
                default -> {
                    var appeal = stores.appeals().find(number).orElseThrow(() -> Refusal.notFound("no appeal " + n));
                    if (appeal.status().isClosed()) {
                        throw Refusal.conflict(n + " is closed");
                    }
                    stores.assignments().awaitResolution(chat.id(), member.telegramUserId(), number, now);
                    return Outcome.say(StaffNotices.text("staff.done.ask", member.name(), n));
                }
            }
        } catch (Refusal r) {
            return Outcome.alert(StaffNotices.text("staff.cannot", n));
        }
    }

    private Outcome message(Stores stores, ChatKey chat, StaffMember member, String actor, Event.StaffMessage m) {
        Optional<AppealNumber> awaited = stores.assignments().awaitedResolution(chat.id(), member.telegramUserId());
        if (awaited.isEmpty()) {
            return Outcome.quiet();
        }
        String n = awaited.get().toString();
        if (m.photoFileId() == null) {
            return Outcome.say(StaffNotices.text("staff.done.photo", member.name(), n));
        }
        if (m.text().isBlank()) {
            return Outcome.say(StaffNotices.text("staff.done.comment", member.name(), n));
        }
        stores.assignments().forgetAwaited(chat.id(), member.telegramUserId());
        try {
            desk.changeStatus(
                    stores,
                    awaited.get(),
                    AppealStatus.RESOLVED,
                    m.text().strip(),
                    actor,
                    List.of(new Reply.Photo(chat.channel(), m.photoFileId())));
        } catch (Refusal r) {
            return Outcome.say(StaffNotices.text("staff.cannot", n));
        }
        return Outcome.say(StaffNotices.text("staff.resolved", n, member.name()));
    }

    /** The history's actor: the staff member's name and Telegram id. */
    static String actor(StaffMember member) {
        String id = " (tg " + member.telegramUserId() + ")";
        String name = member.name();
        int room = ua.zvernennia.core.appeal.AppealEvent.MAX_ACTOR - id.length();
        return (name.length() > room ? name.substring(0, room) : name) + id;
    }
}
