package ua.zvernennia.app.channel;

import io.javalin.config.RoutesConfig;
import java.util.Optional;
import ua.zvernennia.app.media.PhotoSource;
import ua.zvernennia.core.chat.Channel;
import ua.zvernennia.core.chat.Messenger;
import ua.zvernennia.core.engine.Bot;

/**
 * One messenger the app talks to, as one object: what sends the bot's replies there, where the
 * photos citizens send through it are fetched from, the HTTP routes the messenger calls, and
 * starting and stopping it. The app builds the configured modules ({@link Channels#configured})
 * and wires every one the same way:
 *
 * <ol>
 *   <li>{@link #messenger()} goes to the core's deliverer, {@link #photos()} to the photo keeper;</li>
 *   <li>once the bot is built, {@link #routes} adds the module's routes to the HTTP server;</li>
 *   <li>once the server listens, {@link #start} (a messenger may check its webhook at once);</li>
 *   <li>{@link #close} when the app stops, before the bot and the database.</li>
 * </ol>
 *
 * Implementations are thread-safe.
 */
public interface ChannelModule extends AutoCloseable {
    Channel channel();

    /** Sends the bot's replies to this messenger's chats. */
    Messenger messenger();

    /** Fetches the photos citizens send through this messenger; empty when it has none to fetch. */
    Optional<PhotoSource> photos();

    /** Adds the routes the messenger calls (webhooks) for {@code bot}; none by default. */
    default void routes(RoutesConfig routes, Bot bot) {}

    /**
     * Starts taking citizens' messages for {@code bot}: polling, registering a webhook, reading
     * the terminal.
     *
     * @throws IllegalStateException when the messenger refuses to start; the app does not start then
     */
    void start(Bot bot);

    /** Stops taking messages; what was taken is committed, replies not yet sent wait in the outbox. */
    @Override
    void close();
}
