package ua.zvernennia.app.channel;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import ua.zvernennia.app.AppConfig;
import ua.zvernennia.app.media.PhotoSource;
import ua.zvernennia.core.chat.Channel;
import ua.zvernennia.core.chat.Messenger;
import ua.zvernennia.core.chat.ReplyPhotos;
import ua.zvernennia.core.engine.Bot;
import ua.zvernennia.core.lease.Lease;
import ua.zvernennia.telegram.TelegramAdapter;
import ua.zvernennia.telegram.TelegramSettings;
import ua.zvernennia.telegram.TelegramWebhook;

/**
 * Telegram: long polling, or with {@code TELEGRAM_WEBHOOK_URL} the webhook at
 * {@code POST /telegram/webhook}, whose every request must carry the secret set at start.
 */
public final class TelegramChannel implements ChannelModule {
    private final TelegramAdapter adapter;
    private final boolean webhook;
    private final Lease poller;
    private final boolean severalInstances;

    TelegramChannel(
            TelegramSettings settings, Clock clock, ReplyPhotos photos, Lease poller, boolean severalInstances) {
        this.adapter = new TelegramAdapter(settings, clock, photos);
        this.webhook = settings.webhookMode();
        this.poller = poller;
        this.severalInstances = severalInstances;
    }

    static Optional<ChannelModule> configured(Channels.Setting s) {
        AppConfig.Telegram t = s.config().telegram();
        if (!t.enabled()) {
            return Optional.empty();
        }
        TelegramSettings defaults = TelegramSettings.of(t.token().orElseThrow()).withApiUrl(URI.create(t.apiUrl()));
        TelegramSettings settings =
                defaults.withRates(t.maxPerSecond(), t.maxPerChatPerSecond(), Math.max(defaults.perChatBurst(), (int)
                        Math.ceil(t.maxPerChatPerSecond())));
        if (t.webhookUrl().isPresent()) {
            settings = settings.withWebhookUrl(URI.create(t.webhookUrl().get()));
        }
        return Optional.of(new TelegramChannel(
                settings,
                s.clock(),
                s.replyPhotos(),
                s.leases().apply(TelegramAdapter.POLLER_LEASE),
                s.severalInstances()));
    }

    @Override
    public Channel channel() {
        return Channel.TELEGRAM;
    }

    @Override
    public Messenger messenger() {
        return adapter.messenger();
    }

    @Override
    public Optional<PhotoSource> photos() {
        return Optional.of(adapter.files()::download);
    }

    @Override
    public void routes(RoutesConfig routes, Bot bot) {
        if (webhook) {
            routes.post(TelegramWebhook.PATH, this::update);
        }
    }

    /** A webhook request: 503 until the webhook is set at start, so that Telegram sends it again. */
    private void update(Context ctx) {
        ctx.status(adapter.webhook()
                .map(w -> w.handle(ctx.header(TelegramWebhook.SECRET_HEADER), ctx.bodyAsBytes()))
                .orElse(503));
    }

    @Override
    public void start(Bot bot) {
        try {
            // Of several instances, one polls at a time (the lease's holder); in webhook mode all of
            // them register the same secret.
            adapter.start(bot, poller, severalInstances);
        } catch (IOException e) {
            throw new IllegalStateException("Telegram could not be started: " + e.getMessage(), e);
        }
    }

    /** Stops polling; in webhook mode the webhook stays set, and Telegram keeps the updates until the app is back. */
    @Override
    public void close() {
        adapter.close();
    }
}
