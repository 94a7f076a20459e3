package ua.zvernennia.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import ua.zvernennia.telegram.FakeBotApi.Shown;

/**
 * One citizen's Telegram chat in the tests: sends updates through the harness and reads what
 * the fake Bot API was asked to show. Reads like the chat:
 * {@code chat.send("/start").expect("Вітаю").press("✅ Погоджуюсь")}.
 */
final class TelegramChat {
    private final Harness h;
    final long id;
    private int mark;

    TelegramChat(Harness h, long id) {
        this.h = h;
        this.id = id;
    }

    TelegramChat send(String text) {
        mark = h.deliver(Updates.text(id, text));
        return this;
    }

    /** Presses the inline button with this label on the message that shows it now. */
    TelegramChat press(String label) {
        h.settle();
        Shown menu = current().stream()
                .filter(s -> Harness.hasInlineButton(s.markup(), label))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no button «" + label + "» in chat " + id + ": " + current()));
        mark = h.deliver(Updates.press(id, menu.messageId(), Harness.callbackData(menu.markup(), label)));
        return this;
    }

    TelegramChat shareContact(String phone, boolean own) {
        mark = h.deliver(Updates.contact(id, phone, own ? id : id + 1));
        return this;
    }

    TelegramChat shareLocation(double lat, double lon) {
        mark = h.deliver(Updates.location(id, lat, lon));
        return this;
    }

    TelegramChat photo(String fileId, String caption) {
        mark = h.deliver(Updates.photo(id, fileId, caption));
        return this;
    }

    /** A message shown (sent or edited) in this chat since the last action contains the text. */
    TelegramChat expect(String fragment) {
        Harness.await(
                "«" + fragment + "» in chat " + id,
                () -> !since().stream()
                        .filter(s -> s.text().contains(fragment))
                        .toList()
                        .isEmpty());
        return this;
    }

    /** What the chat was shown since the last action, once it is all there. */
    List<Shown> since() {
        return h.api.shownSince(mark, s -> s.chatId() == id);
    }

    /** The latest shown message containing the text, since the last action. */
    Shown shownWith(String fragment) {
        expect(fragment);
        h.settle();
        List<Shown> all =
                since().stream().filter(s -> s.text().contains(fragment)).toList();
        assertThat(all).isNotEmpty();
        return all.get(all.size() - 1);
    }

    /** The current version of every message in the chat, newest first. */
    List<Shown> current() {
        List<Shown> all = h.api.shown(id);
        Set<Integer> seen = new HashSet<>();
        var out = new java.util.ArrayList<Shown>();
        for (int i = all.size() - 1; i >= 0; i--) {
            if (seen.add(all.get(i).messageId())) {
                out.add(all.get(i));
            }
        }
        return out;
    }
}
