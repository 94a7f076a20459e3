package ua.zvernennia.core.desk;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import ua.zvernennia.core.appeal.Appeal;
import ua.zvernennia.core.appeal.AppealEvent;
import ua.zvernennia.core.appeal.AppealNumber;
import ua.zvernennia.core.appeal.AppealStatus;
import ua.zvernennia.core.appeal.NewAppeal;
import ua.zvernennia.core.chat.ChatKey;
import ua.zvernennia.core.chat.Reply;
import ua.zvernennia.core.citizen.Citizen;
import ua.zvernennia.core.conversation.ConversationSettings;
import ua.zvernennia.core.conversation.ConversationState;
import ua.zvernennia.core.conversation.StatusPush;
import ua.zvernennia.core.conversation.Texts;
import ua.zvernennia.core.conversation.TurnOutcome;
import ua.zvernennia.core.deadline.AppealDeadlines;
import ua.zvernennia.core.delivery.OutboxMessage;
import ua.zvernennia.core.engine.Stores;
import ua.zvernennia.core.refusal.Refusal;

/**
 * What operators do to appeals, each inside the caller's unit of work so that the change, its
 * history entry and the push to the citizen commit together or not at all. The push goes to the
 * outbox, due at once; the outbox dispatcher sends it. Stateless and thread-safe.
 */
public final class OperatorDesk {
    /** Longest operator comment: it must fit one messenger message with the rest of the push. */
    public static final int MAX_COMMENT = 2000;

    /**
     * A status change as committed.
     *
     * @param outboxId the push to the citizen; null for appeals that came by phone, e-mail,
     *                 hotline or in person
     */
    public record StatusChanged(AppealNumber number, AppealStatus from, AppealStatus to, long eventId, Long outboxId) {}

    private static final String UNREACHABLE = "unreachable: the citizen blocked the bot or left the messenger";

    private final Clock clock;
    private final ConversationSettings settings;

    public OperatorDesk(Clock clock, ConversationSettings settings) {
        this.clock = clock;
        this.settings = settings;
    }

    /**
     * Moves the appeal to {@code to}, writes the change to its history and queues the push to
     * the citizen's messenger (for NEEDS_INFO and RESOLVED the citizen's conversation moves on to
     * the answer or the question whether the problem is solved).
     *
     * @throws Refusal when there is no such appeal, the change is not allowed, or a needed
     *                 comment is missing
     */
    public StatusChanged changeStatus(
            Stores stores, AppealNumber number, AppealStatus to, String comment, String actor) {
        return changeStatus(stores, number, to, comment, actor, List.of());
    }

    /**
     * Like {@link #changeStatus(Stores, AppealNumber, AppealStatus, String, String)}, and the push
     * to the citizen shows the photos (the executor's photos of the work done) where the citizen's
     * messenger can: each but the last in a message of its own, numbered, then the push with the
     * last one, so that what the push asks comes last.
     */
    public StatusChanged changeStatus(
            Stores stores,
            AppealNumber number,
            AppealStatus to,
            String comment,
            String actor,
            List<Reply.Photo> photos) {
        String note = comment(comment);
        if (to.needsComment() && note == null) {
            throw Refusal.invalid(
                    "comment",
                    to == AppealStatus.NEEDS_INFO
                            ? "NEEDS_INFO needs a comment: the question to the citizen"
                            : "REJECTED needs a comment: the reason for the citizen");
        }
        Appeal appeal = stores.appeals().find(number).orElseThrow(() -> Refusal.notFound("no appeal " + number));
        if (appeal.chat() != null) {
            // The citizen's turns (a withdrawal, a reopening) change it too: read it again under their chat's lock.
            stores.lockChat(appeal.chat());
            appeal = stores.appeals().find(number).orElseThrow(() -> Refusal.notFound("no appeal " + number));
        }
        AppealStatus from = appeal.status();
        Optional<String> why = from.whyOperatorCannotMoveTo(to);
        if (why.isPresent()) {
            throw Refusal.conflict("cannot move " + number + " from " + from + " to " + to + ": " + why.get());
        }
        Instant now = clock.instant();
        Long outboxId = push(stores, appeal, to, note, List.copyOf(photos), now);
        long eventId;
        try {
            eventId = stores.appeals().changeStatus(number, from, to, actor, note, outboxId, now);
        } catch (ua.zvernennia.core.appeal.StatusMovedException e) {
            // Moved first by another operator on another instance: an appeal without a chat has no
            // chat lock to wait for (and no push was written for it).
            throw Refusal.conflict(number + " was changed meanwhile (it is no longer " + from + "); look again");
        }
        return new StatusChanged(number, from, to, eventId, outboxId);
    }

    /** The push to the citizen in the outbox (given up at once for a citizen known to be unreachable), or null. */
    private Long push(
            Stores stores, Appeal appeal, AppealStatus to, String note, List<Reply.Photo> photos, Instant now) {
        ChatKey chat = appeal.chat();
        if (chat == null || !appeal.channel().isMessenger()) {
            return null;
        }
        Optional<Citizen> citizen = stores.citizens().find(chat);
        String language = citizen.map(Citizen::language).orElse(null);
        ConversationState before = stores.conversations()
                .load(chat)
                .orElseGet(() -> ConversationState.fresh().withLanguage(language));
        TurnOutcome push = StatusPush.of(before, appeal.number(), to, note);
        Reply reply = push.replies().get(0);
        boolean unreachable = citizen.isPresent() && !citizen.get().reachable();
        Texts texts = Texts.of(before.language());
        for (int i = 0; i < photos.size() - 1; i++) {
            Reply photo = Reply.text(texts.get("push.photo", appeal.number().toString(), i + 1, photos.size()))
                    .withPhoto(photos.get(i));
            OutboxMessage m = stores.outbox().enqueue(chat, photo, now, now);
            if (unreachable) {
                stores.outbox().giveUp(m.id(), UNREACHABLE, now);
            }
        }
        OutboxMessage message = stores.outbox()
                .enqueue(chat, photos.isEmpty() ? reply : reply.withPhoto(photos.get(photos.size() - 1)), now, now);
        if (unreachable) {
            // Sending would only fail again; the operator sees at once that it was not delivered.
            stores.outbox().giveUp(message.id(), UNREACHABLE, now);
        } else if (!push.state().equals(before)) {
            stores.conversations().save(chat, push.state());
        }
        return message.id();
    }

    /**
     * Registers an appeal an operator took by phone, e-mail, hotline or in person, with the same
     * rules and deadlines as one filed in the bot, and records who registered it.
     */
    public Appeal register(Stores stores, NewAppeal appeal, String actor, String comment) {
        return register(stores, appeal, actor, comment, null);
    }

    /**
     * Registers an appeal received at {@code receivedAt} (null: now), which may be earlier than
     * now for an appeal that came before it was typed in: its deadlines, the year of its number
     * and the statistics count from {@code receivedAt}.
     *
     * @throws Refusal when {@code receivedAt} is in the future
     */
    public Appeal register(Stores stores, NewAppeal appeal, String actor, String comment, Instant receivedAt) {
        if (appeal.chat() != null || appeal.channel().isMessenger()) {
            throw Refusal.invalid(
                    "channel",
                    "channel " + appeal.channel()
                            + " is a messenger: operators register appeals that came by PHONE, EMAIL, HOTLINE, GOV_HOTLINE or IN_PERSON");
        }
        String note = comment(comment);
        Instant now = clock.instant();
        if (receivedAt != null && receivedAt.isAfter(now)) {
            throw Refusal.invalid("receivedAt", "receivedAt: " + receivedAt + " is in the future");
        }
        Instant received = receivedAt == null ? now : receivedAt;
        AppealDeadlines deadlines = settings.deadlines(appeal.category(), appeal.issueTypeId(), received);
        Appeal saved = stores.appeals().submit(appeal, received, deadlines.deadline(), deadlines.legalDeadline());
        // Their bytes are kept at receipt, as for the bot's photos: the source may forget them.
        appeal.photos().forEach(p -> stores.media().keepForAppeal(appeal.channel(), p, now));
        stores.appeals()
                .addEvent(
                        saved.number(),
                        AppealEvent.Kind.COMMENT,
                        actor,
                        note == null ? "registered from " + appeal.channel() : note,
                        now);
        return saved;
    }

    private static String comment(String comment) {
        if (comment == null || comment.isBlank()) {
            return null;
        }
        String s = comment.strip();
        if (s.length() > MAX_COMMENT) {
            throw Refusal.invalid("comment", "comment is " + s.length() + " characters; at most " + MAX_COMMENT);
        }
        return s;
    }
}
