package ua.zvernennia.app.channel;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import ua.zvernennia.core.chat.Button;
import ua.zvernennia.core.chat.Channel;
import ua.zvernennia.core.chat.ChatKey;
import ua.zvernennia.core.chat.Delivery;
import ua.zvernennia.core.chat.Keyboard;
import ua.zvernennia.core.chat.Messenger;
import ua.zvernennia.core.chat.Reply;

/**
 * Shows the bot's replies in the terminal, buttons numbered, and remembers the last buttons so
 * that a typed number presses one. Thread-safe.
 */
final class ConsoleMessenger implements Messenger {
    private final PrintStream out;
    private List<Button> lastButtons = List.of();

    ConsoleMessenger(PrintStream out) {
        this.out = out;
    }

    @Override
    public Channel channel() {
        return Channel.CONSOLE;
    }

    @Override
    public synchronized Delivery send(ChatKey chat, Reply reply) {
        StringBuilder s = new StringBuilder("\n🤖 ")
                .append(reply.text().replace("\n", "\n   "))
                .append('\n');
        Keyboard k = reply.keyboard();
        List<Button> buttons = new ArrayList<>(k.buttons());
        if (k instanceof Keyboard.RequestContact c) {
            s.append("   [").append(c.label()).append(": type /contact +380XXXXXXXXX]\n");
        } else if (k instanceof Keyboard.RequestLocation l) {
            s.append("   [").append(l.label()).append(": type /location 48.4647 35.0462]\n");
        }
        for (int i = 0; i < buttons.size(); i++) {
            s.append("   ")
                    .append(i + 1)
                    .append(") ")
                    .append(buttons.get(i).display())
                    .append('\n');
        }
        if (!buttons.isEmpty() || k instanceof Keyboard.Remove) {
            lastButtons = List.copyOf(buttons);
        }
        out.print(s);
        out.flush();
        return new Delivery.Sent(null);
    }

    /** The button shown under {@code number} in the last menu, if any. */
    synchronized java.util.Optional<Button> button(int number) {
        return number >= 1 && number <= lastButtons.size()
                ? java.util.Optional.of(lastButtons.get(number - 1))
                : java.util.Optional.empty();
    }
}
