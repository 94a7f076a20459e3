package ua.zvernennia.app.channel;

import java.io.BufferedReader;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Optional;
import ua.zvernennia.app.media.PhotoSource;
import ua.zvernennia.core.chat.Channel;
import ua.zvernennia.core.chat.ChatKey;
import ua.zvernennia.core.chat.Messenger;
import ua.zvernennia.core.engine.Bot;

/**
 * The terminal demo as a channel: one citizen types into standard input and reads the replies
 * there, over the same engine and database as the messengers. Runs when {@code DEMO} says so
 * (by default when no messenger is configured).
 */
public final class TerminalChannel implements ChannelModule {
    /** The demo's one chat. */
    public static final ChatKey CHAT = ChatKey.of(Channel.CONSOLE, "demo");

    private final ConsoleMessenger messenger;
    private final BufferedReader in;
    private final PrintStream out;
    private final Clock clock;

    TerminalChannel(BufferedReader in, PrintStream out, Clock clock) {
        this.messenger = new ConsoleMessenger(out);
        this.in = in;
        this.out = out;
        this.clock = clock;
    }

    static Optional<ChannelModule> configured(Channels.Setting s) {
        return s.config().runsDemo()
                ? Optional.of(new TerminalChannel(s.terminalIn(), s.terminalOut(), s.clock()))
                : Optional.empty();
    }

    @Override
    public Channel channel() {
        return Channel.CONSOLE;
    }

    @Override
    public Messenger messenger() {
        return messenger;
    }

    /** The demo's {@code /photo} stands for a photo; there are no bytes behind it. */
    @Override
    public Optional<PhotoSource> photos() {
        return Optional.empty();
    }

    @Override
    public void start(Bot bot) {
        Thread demo = new Thread(new ConsoleDemo(bot, messenger, in, out, clock), "demo");
        // It waits on standard input, which nothing interrupts: it must not keep the process alive.
        demo.setDaemon(true);
        demo.start();
    }

    @Override
    public void close() {
        // The daemon thread ends with the process; the bot it feeds is stopped after this.
    }
}
