package ua.zvernennia.telegram;

import java.util.ArrayList;
import java.util.List;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.ReplyKeyboard;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.ReplyKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.ReplyKeyboardRemove;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.KeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.KeyboardRow;
import ua.zvernennia.core.chat.Button;
import ua.zvernennia.core.chat.Keyboard;

/** Renders the core's keyboards as Telegram markup. Stateless. */
final class Markups {
    /** Navigation (paging, back, cancel) goes two to a row: wide enough for the labels on phones. */
    private static final int NAVIGATION_COLUMNS = 2;

    private static final int REPLY_KEYBOARD_COLUMNS = 2;

    private Markups() {}

    /** The markup for a keyboard, or null when the message carries none. */
    static ReplyKeyboard of(Keyboard keyboard) {
        if (keyboard instanceof Keyboard.Menu menu) {
            return inline(menu);
        }
        if (keyboard instanceof Keyboard.RequestContact c) {
            return reply(
                    KeyboardButton.builder()
                            .text(c.label())
                            .requestContact(true)
                            .build(),
                    c.others());
        }
        if (keyboard instanceof Keyboard.RequestLocation l) {
            return reply(
                    KeyboardButton.builder()
                            .text(l.label())
                            .requestLocation(true)
                            .build(),
                    l.others());
        }
        if (keyboard instanceof Keyboard.Remove) {
            return ReplyKeyboardRemove.builder().removeKeyboard(true).build();
        }
        return null;
    }

    /** The inline keyboard of a menu, or null when the menu has no buttons. */
    static InlineKeyboardMarkup inline(Keyboard.Menu menu) {
        var rows = new ArrayList<InlineKeyboardRow>();
        rows.addAll(inlineRows(menu.choices(), menu.columns()));
        rows.addAll(inlineRows(menu.navigation(), NAVIGATION_COLUMNS));
        return rows.isEmpty()
                ? null
                : InlineKeyboardMarkup.builder().keyboard(rows).build();
    }

    private static List<InlineKeyboardRow> inlineRows(List<Button> buttons, int columns) {
        var rows = new ArrayList<InlineKeyboardRow>();
        InlineKeyboardRow row = null;
        for (Button b : buttons) {
            if (row == null || row.size() == columns) {
                row = new InlineKeyboardRow();
                rows.add(row);
            }
            // Button ids are at most 48 bytes, within Telegram's 64-byte callback_data.
            row.add(InlineKeyboardButton.builder()
                    .text(b.display())
                    .callbackData(b.id())
                    .build());
        }
        return rows;
    }

    /**
     * A keyboard under the input field: the sharing button alone on top, then the other choices
     * as plain text buttons; the core maps their text back to the button.
     */
    private static ReplyKeyboardMarkup reply(KeyboardButton share, List<Button> others) {
        var rows = new ArrayList<KeyboardRow>();
        rows.add(new KeyboardRow(share));
        KeyboardRow row = null;
        for (Button b : others) {
            if (row == null || row.size() == REPLY_KEYBOARD_COLUMNS) {
                row = new KeyboardRow();
                rows.add(row);
            }
            row.add(KeyboardButton.builder().text(b.display()).build());
        }
        return ReplyKeyboardMarkup.builder().keyboard(rows).resizeKeyboard(true).build();
    }
}
