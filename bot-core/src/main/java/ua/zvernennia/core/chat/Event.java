package ua.zvernennia.core.chat;

import java.util.Objects;

/** What a citizen did in a chat, whatever the messenger. */
public sealed interface Event {

    /** Free text typed by the citizen. */
    record Text(String text) implements Event {
        public Text {
            Objects.requireNonNull(text, "text");
        }
    }

    /** A press of a button the bot offered; {@code id} is the button's stable id. */
    record ButtonPress(String id) implements Event {
        public ButtonPress {
            Objects.requireNonNull(id, "id");
        }
    }

    /** A slash command such as {@code start}, {@code help} or {@code cancel}, without the slash. */
    record Command(String name) implements Event {
        public Command {
            Objects.requireNonNull(name, "name");
            name = name.toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * A shared contact card. {@code own} is true when the messenger says the contact is the
     * sender's own (Telegram compares user ids; Viber only lets a user share their own number).
     */
    record ContactShared(String phone, boolean own) implements Event {
        public ContactShared {
            Objects.requireNonNull(phone, "phone");
        }
    }

    /** A shared point on the map. */
    record LocationShared(double latitude, double longitude) implements Event {}

    /** A photo, kept as the messenger's file reference; {@code caption} may be empty. */
    record PhotoSent(String fileId, String fileUniqueId, String caption) implements Event {
        public PhotoSent {
            Objects.requireNonNull(fileId, "fileId");
            fileUniqueId = fileUniqueId == null ? "" : fileUniqueId;
            caption = caption == null ? "" : caption;
        }
    }

    /**
     * Something the bot cannot take: a sticker, voice, video, document, poll, an edited message,
     * a message in a group chat. {@code kind} names it (see {@link UnsupportedKind}).
     */
    record Unsupported(UnsupportedKind kind) implements Event {
        public Unsupported {
            Objects.requireNonNull(kind, "kind");
        }
    }

    /** The citizen blocked or unblocked the bot (subscribed / unsubscribed on Viber). */
    record Reachability(boolean reachable) implements Event {}

    /**
     * A press of a button in an executor's staff chat (a Telegram group): {@code userId} and
     * {@code userName} are who pressed it, for the check that they are the executor's staff and
     * for the appeal's history.
     */
    record StaffPress(String id, String userId, String userName) implements Event {
        public StaffPress {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(userId, "userId");
            userName = userName == null || userName.isBlank() ? userId : userName;
        }
    }

    /**
     * A message in an executor's staff chat: text, or a photo ({@code photoFileId}) with its
     * caption as {@code text}; either may be empty.
     */
    record StaffMessage(String userId, String userName, String text, String photoFileId) implements Event {
        public StaffMessage {
            Objects.requireNonNull(userId, "userId");
            userName = userName == null || userName.isBlank() ? userId : userName;
            text = text == null ? "" : text;
        }
    }
}
