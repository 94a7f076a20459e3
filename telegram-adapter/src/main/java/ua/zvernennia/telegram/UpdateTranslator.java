package ua.zvernennia.telegram;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.chat.Chat;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMemberUpdated;
import org.telegram.telegrambots.meta.api.objects.message.MaybeInaccessibleMessage;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.photo.PhotoSize;
import ua.zvernennia.core.chat.Channel;
import ua.zvernennia.core.chat.ChatKey;
import ua.zvernennia.core.chat.Event;
import ua.zvernennia.core.chat.Inbound;
import ua.zvernennia.core.chat.UnsupportedKind;

/**
 * Turns a Telegram update into the core's {@link Inbound}: what the citizen did, in which chat,
 * with the update_id as its source id so that a re-delivered update is a no-op. Knows nothing
 * of the conversation. Logs only ids and kinds, never what citizens wrote. Stateless and
 * thread-safe.
 */
public final class UpdateTranslator {
    private static final Logger log = LoggerFactory.getLogger(UpdateTranslator.class);

    private final Clock clock;

    public UpdateTranslator(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The inbound of the update, or empty when it concerns no citizen's conversation. */
    public Optional<Inbound> translate(Update update) {
        String sourceId = String.valueOf(update.getUpdateId());
        if (update.hasMessage()) {
            return message(update.getMessage(), sourceId);
        }
        if (update.hasCallbackQuery()) {
            return callback(update.getCallbackQuery(), sourceId);
        }
        if (update.hasEditedMessage()) {
            Message m = update.getEditedMessage();
            Event event = new Event.Unsupported(
                    isPrivate(m.getChat()) ? UnsupportedKind.EDITED_MESSAGE : UnsupportedKind.GROUP_CHAT);
            return Optional.of(inbound(m.getChat(), event, sourceId, null));
        }
        if (update.hasMyChatMember()) {
            return membership(update.getMyChatMember(), sourceId);
        }
        log.info("skipping update {}: a kind the bot does not handle", sourceId);
        return Optional.empty();
    }

    private Optional<Inbound> message(Message m, String sourceId) {
        Chat chat = m.getChat();
        if (!isPrivate(chat)) {
            return Optional.of(inbound(chat, groupEvent(m), sourceId, null));
        }
        return Optional.of(inbound(chat, event(m), sourceId, null));
    }

    /**
     * A group's text or photo is for an executor's staff chat (the core answers other groups as
     * group chats); anything else from a group is a group chat's.
     */
    private static Event groupEvent(Message m) {
        User from = m.getFrom();
        if (from == null || from.getId() == null || Boolean.TRUE.equals(from.getIsBot())) {
            return new Event.Unsupported(UnsupportedKind.GROUP_CHAT);
        }
        String user = String.valueOf(from.getId());
        List<PhotoSize> photo = m.getPhoto();
        if (photo != null && !photo.isEmpty()) {
            PhotoSize largest = photo.stream()
                    .max(Comparator.comparingLong(UpdateTranslator::pixels))
                    .orElseThrow();
            return new Event.StaffMessage(user, name(from), m.getCaption(), largest.getFileId());
        }
        if (m.getText() != null) {
            return new Event.StaffMessage(user, name(from), m.getText(), null);
        }
        return new Event.Unsupported(UnsupportedKind.GROUP_CHAT);
    }

    private static String name(User u) {
        String s = (Objects.requireNonNullElse(u.getFirstName(), "") + " "
                        + Objects.requireNonNullElse(u.getLastName(), ""))
                .strip();
        return s.length() > 100 ? s.substring(0, 100) : s;
    }

    private static Event event(Message m) {
        if (m.getText() != null) {
            return new Event.Text(m.getText());
        }
        if (m.getContact() != null) {
            Long contactUser = m.getContact().getUserId();
            boolean own = contactUser != null
                    && m.getFrom() != null
                    && contactUser.equals(m.getFrom().getId());
            return new Event.ContactShared(
                    Objects.requireNonNullElse(m.getContact().getPhoneNumber(), ""), own);
        }
        if (m.getLocation() != null) {
            // A venue carries its location too; the place is what matters.
            return new Event.LocationShared(
                    m.getLocation().getLatitude(), m.getLocation().getLongitude());
        }
        List<PhotoSize> photo = m.getPhoto();
        if (photo != null && !photo.isEmpty()) {
            PhotoSize largest = photo.stream()
                    .max(Comparator.comparingLong(UpdateTranslator::pixels))
                    .orElseThrow();
            return new Event.PhotoSent(largest.getFileId(), largest.getFileUniqueId(), m.getCaption());
        }
        if (m.getSticker() != null) {
            return new Event.Unsupported(UnsupportedKind.STICKER);
        }
        if (m.getVoice() != null || m.getAudio() != null) {
            return new Event.Unsupported(UnsupportedKind.VOICE);
        }
        // An animation also arrives with a document: check it first so that it counts as video.
        if (m.getVideo() != null || m.getVideoNote() != null || m.getAnimation() != null) {
            return new Event.Unsupported(UnsupportedKind.VIDEO);
        }
        if (m.getDocument() != null) {
            return new Event.Unsupported(UnsupportedKind.DOCUMENT);
        }
        if (m.getPoll() != null) {
            return new Event.Unsupported(UnsupportedKind.POLL);
        }
        return new Event.Unsupported(UnsupportedKind.OTHER);
    }

    private Optional<Inbound> callback(CallbackQuery q, String sourceId) {
        MaybeInaccessibleMessage m = q.getMessage();
        if (m == null || m.getChat() == null || q.getData() == null) {
            log.info("skipping update {}: a callback query without a chat or data", sourceId);
            return Optional.empty();
        }
        if (!isPrivate(m.getChat())) {
            // A button in a group: an executor's staff chat, if the core knows it as one.
            if (q.getFrom() == null || q.getFrom().getId() == null) {
                return Optional.of(
                        inbound(m.getChat(), new Event.Unsupported(UnsupportedKind.GROUP_CHAT), sourceId, null));
            }
            return Optional.of(inbound(
                    m.getChat(),
                    new Event.StaffPress(q.getData(), String.valueOf(q.getFrom().getId()), name(q.getFrom())),
                    sourceId,
                    null));
        }
        String menuRef = m.getMessageId() == null ? null : String.valueOf(m.getMessageId());
        return Optional.of(inbound(m.getChat(), new Event.ButtonPress(q.getData()), sourceId, menuRef));
    }

    private Optional<Inbound> membership(ChatMemberUpdated change, String sourceId) {
        if (change.getChat() == null || !isPrivate(change.getChat()) || change.getNewChatMember() == null) {
            log.debug("skipping update {}: membership change outside a private chat", sourceId);
            return Optional.empty();
        }
        String status = change.getNewChatMember().getStatus();
        if ("kicked".equals(status)) {
            return Optional.of(inbound(change.getChat(), new Event.Reachability(false), sourceId, null));
        }
        if ("member".equals(status)) {
            return Optional.of(inbound(change.getChat(), new Event.Reachability(true), sourceId, null));
        }
        log.debug("skipping update {}: membership status {}", sourceId, status);
        return Optional.empty();
    }

    private Inbound inbound(Chat chat, Event event, String sourceId, String menuRef) {
        ChatKey key = ChatKey.of(Channel.TELEGRAM, String.valueOf(Objects.requireNonNull(chat.getId(), "chat id")));
        return new Inbound(key, event, clock.instant(), sourceId, menuRef);
    }

    private static boolean isPrivate(Chat chat) {
        return chat != null && "private".equals(chat.getType());
    }

    private static long pixels(PhotoSize p) {
        long area = (long) Objects.requireNonNullElse(p.getWidth(), 0) * Objects.requireNonNullElse(p.getHeight(), 0);
        return area > 0 ? area : Objects.requireNonNullElse(p.getFileSize(), 0);
    }
}
