package ua.zvernennia.telegram;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.generics.TelegramClient;
import ua.zvernennia.core.chat.Messenger;
import ua.zvernennia.core.chat.ReplyPhotos;
import ua.zvernennia.core.engine.Bot;
import ua.zvernennia.core.lease.Lease;

/**
 * The Telegram channel as the app wires it. Build it from the settings, give {@link #messenger()}
 * to the core's Deliverer, build the Bot, then {@link #start(Bot)}: that polls, or in webhook mode
 * registers the webhook, whose requests the app's HTTP server passes to {@link #webhook()}.
 * {@link #close()} stops polling. Thread-safe.
 */
public final class TelegramAdapter implements AutoCloseable {
    /** Bot API calls in flight at once: as many as the app has chat threads sending, and then some. */
    static final int MAX_CONCURRENT_CALLS = 64;
    /** The name of the lease whose holder polls, of several instances sharing the bot. */
    public static final String POLLER_LEASE = "telegram-poller";

    private final TelegramSettings settings;
    private final Clock clock;
    private final ObjectMapper json;
    private final OkHttpClient http;
    private final TelegramClient client;
    private final BotApiHttp api;
    private final TelegramMessenger messenger;
    private final TelegramFiles files;
    private TelegramPoller poller;
    private TelegramWebhook webhook;

    public TelegramAdapter(TelegramSettings settings, Clock clock) {
        this(settings, clock, ReplyPhotos.NONE);
    }

    /** @param photos where the photos the app keeps itself are found, to be uploaded with replies */
    public TelegramAdapter(TelegramSettings settings, Clock clock, ReplyPhotos photos) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        this.http = new OkHttpClient.Builder()
                .connectTimeout(10, TimeUnit.SECONDS)
                .readTimeout(30, TimeUnit.SECONDS)
                .writeTimeout(30, TimeUnit.SECONDS)
                // Keep a connection for every call that may be in flight: past OkHttp's default of
                // 5 idle connections each burst of sends would open (and on Telegram handshake)
                // new ones.
                .connectionPool(new ConnectionPool(MAX_CONCURRENT_CALLS, 5, TimeUnit.MINUTES))
                .build();
        // Sends run as async calls, which OkHttp caps at 5 per host by default: every chat thread
        // past the fifth would wait for a free slot while holding its chat's lane.
        http.dispatcher().setMaxRequestsPerHost(MAX_CONCURRENT_CALLS);
        http.dispatcher().setMaxRequests(MAX_CONCURRENT_CALLS);
        this.client = new OkHttpTelegramClient(http, settings.token(), settings.telegramUrl());
        this.api = new BotApiHttp(http, settings, json);
        var limiter = new SendRateLimiter(
                settings.globalPerSecond(), settings.perChatPerSecond(), settings.perChatBurst(), System::nanoTime);
        this.messenger = new TelegramMessenger(
                client, limiter, settings.maxInlineWait(), TimeUnit.NANOSECONDS::sleep, Objects.requireNonNull(photos));
        this.files = new TelegramFiles(client, api);
    }

    /** Sends replies to Telegram chats; hand it to the core's Deliverer. */
    public Messenger messenger() {
        return messenger;
    }

    /** Downloads files (appeal photos) by their Telegram file_id. */
    public TelegramFiles files() {
        return files;
    }

    /**
     * Starts receiving updates for {@code bot}: long polling, or in webhook mode registers the
     * webhook (the app must route POST {@link TelegramWebhook#PATH} to {@link #webhook()}).
     *
     * @throws IOException in webhook mode, when Telegram refuses the webhook or cannot be reached
     */
    public synchronized void start(Bot bot) throws IOException {
        start(bot, Lease.always(POLLER_LEASE), false);
    }

    /**
     * {@link #start(Bot)} for one of several instances of the app that share the bot: only the
     * holder of {@code poller} polls (the others take over when it stops), and in webhook mode
     * every instance registers the same secret, derived from the bot token, so that Telegram's
     * requests pass on whichever instance they land.
     */
    public synchronized void start(Bot bot, Lease poller, boolean severalInstances) throws IOException {
        if (this.poller != null || webhook != null) {
            throw new IllegalStateException("already started");
        }
        var updates = new TelegramUpdates(bot, new UpdateTranslator(clock), client, json);
        if (settings.webhookMode()) {
            var hook = new TelegramWebhook(
                    api,
                    settings.webhookUrl(),
                    updates,
                    json,
                    new SecureRandom(),
                    severalInstances ? TelegramWebhook.sharedSecret(settings.token()) : null);
            hook.start();
            webhook = hook;
        } else {
            this.poller = new TelegramPoller(api, http, updates, settings.pollTimeout(), poller);
            this.poller.start();
        }
    }

    /** The webhook's request handler, once started in webhook mode. */
    public synchronized Optional<TelegramWebhook> webhook() {
        return Optional.ofNullable(webhook);
    }

    /** The poller, once started in polling mode. */
    public synchronized Optional<TelegramPoller> poller() {
        return Optional.ofNullable(poller);
    }

    /**
     * Stops polling and releases the HTTP client. In webhook mode the webhook stays registered:
     * Telegram keeps the updates until the app is back.
     */
    @Override
    public synchronized void close() {
        if (poller != null) {
            poller.close();
        }
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
