package ua.zvernennia.viber;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ua.zvernennia.core.chat.Button;
import ua.zvernennia.core.chat.Keyboard;
import ua.zvernennia.core.chat.TextSplitter;

/**
 * Renders the core's keyboards as Viber rich keyboards and reads a press back.
 *
 * <p>A {@code reply} button posts its {@code ActionBody} to the bot as a text message while the
 * chat shows the citizen the button's {@code Text} (Viber's reply logic), so the body can carry
 * the stable button id behind {@link #ACTION_PREFIX} and the citizen still sees the label. The
 * buttons are not {@code Silent}: the chat then keeps a record of what was chosen.
 *
 * <p>Stateless and thread-safe.
 */
public final class ViberKeyboards {
    private static final Logger log = LoggerFactory.getLogger(ViberKeyboards.class);

    /** Marks an ActionBody as a press of one of our buttons. */
    public static final String ACTION_PREFIX = "btn:";
    /**
     * The most buttons one keyboard carries. A taller keyboard scrolls and grows the request; the
     * core pages long menus well below this, so only a malformed menu is ever cut.
     */
    public static final int MAX_BUTTONS = 24;
    /** The API level that brought share-phone and location-picker buttons. */
    static final int SHARING_API_LEVEL = 3;

    private static final int GRID = 6;
    private static final int MAX_BUTTON_TEXT = 250;
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** A keyboard ready for a message, and the API level it needs (1 when nothing special). */
    public record Rendered(ObjectNode keyboard, int minApiVersion) {}

    private ViberKeyboards() {}

    /**
     * The Viber keyboard for {@code keyboard}; empty for {@link Keyboard.Keep} and
     * {@link Keyboard.Remove}, which the messenger resolves itself.
     */
    public static Optional<Rendered> render(Keyboard keyboard) {
        if (keyboard instanceof Keyboard.Menu menu) {
            return Optional.of(menu(menu));
        }
        if (keyboard instanceof Keyboard.RequestContact contact) {
            return Optional.of(sharing("share-phone", contact.label(), contact.others()));
        }
        if (keyboard instanceof Keyboard.RequestLocation location) {
            return Optional.of(sharing("location-picker", location.label(), location.others()));
        }
        return Optional.empty();
    }

    /** The button id in an ActionBody we produced; empty for anything a citizen typed. */
    public static Optional<String> pressedId(String text) {
        if (text == null || !text.startsWith(ACTION_PREFIX)) {
            return Optional.empty();
        }
        String id = text.substring(ACTION_PREFIX.length());
        try {
            return Optional.of(new Button(id, "-", null).id());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Rendered menu(Keyboard.Menu menu) {
        List<Button> choices = menu.choices();
        List<Button> navigation =
                menu.navigation().size() > MAX_BUTTONS ? menu.navigation().subList(0, MAX_BUTTONS) : menu.navigation();
        int room = MAX_BUTTONS - navigation.size();
        if (choices.size() > room) {
            log.warn(
                    "a menu of {} choices and {} navigation buttons exceeds {} buttons; showing the first {} choices",
                    choices.size(),
                    navigation.size(),
                    MAX_BUTTONS,
                    room);
            choices = choices.subList(0, room);
        }
        ArrayNode buttons = JSON.arrayNode();
        int width = GRID / menu.columns();
        for (Button b : choices) {
            buttons.add(reply(b, width));
        }
        addRow(buttons, navigation);
        return new Rendered(keyboard(buttons), 1);
    }

    private static Rendered sharing(String actionType, String label, List<Button> others) {
        ArrayNode buttons = JSON.arrayNode();
        // Desktop Viber cannot share and may post the ActionBody as text: the label then reads as
        // the citizen's answer and the core asks again, which tells them to type it instead.
        buttons.add(button(actionType, TextSplitter.truncate(label, MAX_BUTTON_TEXT), label, GRID));
        addRow(buttons, others.size() > MAX_BUTTONS - 1 ? others.subList(0, MAX_BUTTONS - 1) : others);
        return new Rendered(keyboard(buttons), SHARING_API_LEVEL);
    }

    /** Buttons side by side, at most three to a row of the six-column grid. */
    private static void addRow(ArrayNode buttons, List<Button> row) {
        if (row.isEmpty()) {
            return;
        }
        int width = GRID / Math.min(row.size(), 3);
        for (Button b : row) {
            buttons.add(reply(b, width));
        }
    }

    private static ObjectNode reply(Button b, int columns) {
        return button("reply", ACTION_PREFIX + b.id(), b.display(), columns);
    }

    private static ObjectNode button(String actionType, String actionBody, String text, int columns) {
        ObjectNode button = JSON.objectNode();
        button.put("Columns", columns);
        button.put("Rows", 1);
        button.put("ActionType", actionType);
        button.put("ActionBody", actionBody);
        button.put("Text", TextSplitter.truncate(escape(text), MAX_BUTTON_TEXT));
        button.put("TextSize", "regular");
        return button;
    }

    private static ObjectNode keyboard(ArrayNode buttons) {
        ObjectNode keyboard = JSON.objectNode();
        keyboard.put("Type", "keyboard");
        keyboard.put("DefaultHeight", false);
        keyboard.set("Buttons", buttons);
        return keyboard;
    }

    /** Button text may hold a few HTML tags, so a label's own markup characters are escaped. */
    static String escape(String text) {
        var out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** Every ActionBody in a rendered keyboard, in order (for tests and diagnostics). */
    static List<String> actionBodies(ObjectNode keyboard) {
        var out = new ArrayList<String>();
        keyboard.path("Buttons").forEach(b -> out.add(b.path("ActionBody").asText()));
        return out;
    }
}
