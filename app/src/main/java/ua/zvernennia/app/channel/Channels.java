package ua.zvernennia.app.channel;

import java.io.BufferedReader;
import java.io.PrintStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import ua.zvernennia.app.AppConfig;
import ua.zvernennia.core.chat.ReplyPhotos;
import ua.zvernennia.core.lease.Lease;

/** The channels the app knows, and which of them the configuration turns on. */
public final class Channels {
    /**
     * What a channel is built from: the configuration (each module takes its own slice), the
     * clock, the terminal the demo talks through, and where the photos the app keeps itself (sent
     * with resolutions) are found.
     */
    /**
     * @param replyPhotos      photos of the app's own that replies carry (the executors' photos of
     *                         the work done)
     * @param leases           the named leases of this instance (a channel that one instance at a
     *                         time may run, such as Telegram's long polling, takes one)
     * @param severalInstances whether several instances of the app share the database
     */
    public record Setting(
            AppConfig config,
            Clock clock,
            BufferedReader terminalIn,
            PrintStream terminalOut,
            ReplyPhotos replyPhotos,
            Function<String, Lease> leases,
            boolean severalInstances) {
        /**
         * One process alone with its database (every lease is its own), without photos of the
         * app's own (such a photo's reply goes as its text).
         */
        public Setting(AppConfig config, Clock clock, BufferedReader terminalIn, PrintStream terminalOut) {
            this(config, clock, terminalIn, terminalOut, ReplyPhotos.NONE, Lease::always, false);
        }
    }

    /** Every channel the app can run, in the order they start; a new messenger is one more line. */
    private static final List<Function<Setting, Optional<ChannelModule>>> KNOWN =
            List.of(TelegramChannel::configured, ViberChannel::configured, TerminalChannel::configured);

    private Channels() {}

    /** The modules of the channels the configuration turns on, not started yet. */
    public static List<ChannelModule> configured(Setting setting) {
        var modules = new ArrayList<ChannelModule>();
        try {
            for (var module : KNOWN) {
                module.apply(setting).ifPresent(modules::add);
            }
        } catch (RuntimeException e) {
            modules.forEach(ChannelModule::close);
            throw e;
        }
        return List.copyOf(modules);
    }
}
