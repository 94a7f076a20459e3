package ua.zvernennia.app.channel;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ua.zvernennia.core.chat.Event;
import ua.zvernennia.core.chat.Inbound;
import ua.zvernennia.core.chat.UnsupportedKind;
import ua.zvernennia.core.engine.Bot;

/**
 * The terminal demo: one citizen talks to the bot through standard input, over the same engine and
 * database as the messengers. Typed lines are text; a number presses that button; a few slash
 * commands stand in for what a phone would share.
 */
final class ConsoleDemo implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(ConsoleDemo.class);

    private final Bot bot;
    private final ConsoleMessenger messenger;
    private final BufferedReader in;
    private final PrintStream out;
    private final Clock clock;

    ConsoleDemo(Bot bot, ConsoleMessenger messenger, BufferedReader in, PrintStream out, Clock clock) {
        this.bot = bot;
        this.messenger = messenger;
        this.in = in;
        this.out = out;
        this.clock = clock;
    }

    @Override
    public void run() {
        out.println("""

                ── zvernennia demo ─────────────────────────────────────────────
                You are a citizen in a messenger. Type text, or a button's number.
                /contact +380501234567   share a phone contact
                /location 48.4647 35.0462 share a location
                /photo                   send a photo      /sticker  send a sticker
                /quit                    leave the demo (the server keeps running)
                ────────────────────────────────────────────────────────────────""");
        send(new Event.Command("start"));
        try {
            String line;
            while ((line = in.readLine()) != null) {
                String s = line.strip();
                if (s.equals("/quit")) {
                    break;
                }
                send(toEvent(s));
            }
        } catch (IOException e) {
            log.warn("the terminal closed: {}", e.getMessage());
        }
        out.println("Demo input closed. The server keeps running; stop it with Ctrl+C.");
    }

    Event toEvent(String s) {
        if (s.matches("\\d{1,2}")) {
            var button = messenger.button(Integer.parseInt(s));
            if (button.isPresent()) {
                return new Event.ButtonPress(button.get().id());
            }
        }
        String[] parts = s.split("\\s+");
        switch (parts[0].toLowerCase(Locale.ROOT)) {
            case "/contact":
                return new Event.ContactShared(parts.length > 1 ? s.substring(s.indexOf(' ') + 1) : "", true);
            case "/location":
                try {
                    return new Event.LocationShared(Double.parseDouble(parts[1]), Double.parseDouble(parts[2]));
                } catch (RuntimeException e) {
                    return new Event.Text(s);
                }
            case "/photo":
                return new Event.PhotoSent("demo-photo-" + clock.millis(), "demo-" + clock.millis(), "");
            case "/sticker":
                return new Event.Unsupported(UnsupportedKind.STICKER);
            default:
                return new Event.Text(s);
        }
    }

    private void send(Event event) {
        try {
            bot.accept(new Inbound(TerminalChannel.CHAT, event, clock.instant(), null, null))
                    .get(30, TimeUnit.SECONDS);
            // Let the replies print before the next prompt.
            while (bot.busyChats() > 0) {
                Thread.sleep(5);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (CompletionException
                | java.util.concurrent.ExecutionException
                | java.util.concurrent.TimeoutException e) {
            out.println("⚠ " + e.getMessage());
        }
    }
}
